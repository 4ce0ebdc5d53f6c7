// Tables as the migration made them: the seeded tables and the column order of our INSERTs (the
// generator's rows are arrays in this order).
const cols = (text) => text.split(' ');
export const COLUMNS = {
  organisations: cols(
    'id name company_code vat_code website domain size industry country city custom_fields search_text merged_into_id created_at updated_at deleted_at',
  ),
  people: cols(
    'id first_name last_name job_title organisation_id preferred_language address country city custom_fields search_text merged_into_id created_at updated_at deleted_at',
  ),
  person_emails: cols('id person_id email email_key position'),
  person_phones: cols('id person_id phone position'),
  leads: cols(
    'id person_id organisation_id title source_id source_detail campaign_id referred_by_person_id owner_id team_id timeframe stage stage_changed_at disqualify_reason disqualify_note revisit_on competitor score next_follow_up_at last_activity_at custom_fields search_text created_by created_at updated_at deleted_at temperature',
  ),
  lead_products: cols('lead_id product_id'),
  lead_tags: cols('lead_id tag'),
  lead_terms: cols('term created_at lead_id owner_id'),
  lead_history: cols('id lead_id at actor_id channel field from_value to_value'),
  activities: cols(
    'id lead_id person_id type subject body occurred_at due_at done_at assignee_id data channel created_by created_at updated_at deleted_at',
  ),
};
/** Insert order: parents before children. */
export const TABLES = Object.keys(COLUMNS);
