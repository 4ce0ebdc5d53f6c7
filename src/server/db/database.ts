import type { Generated, Kysely, Transaction } from 'kysely';

/**
 * Table types. Portable across SQLite and PostgreSQL: ids are application-generated UUIDv7
 * text, timestamps ISO 8601 UTC text, booleans 0/1 integers, JSON as text, money integer cents.
 */
/** A connection or an open transaction: what every repository function takes first. */
export type Db = Kysely<Database> | Transaction<Database>;

export interface Database {
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  organisations: OrganisationsTable;
  people: PeopleTable;
  person_emails: PersonEmailsTable;
  person_phones: PersonPhonesTable;
  products: ProductsTable;
  sources: SourcesTable;
  campaigns: CampaignsTable;
  campaign_members: CampaignMembersTable;
  leads: LeadsTable;
  lead_products: LeadProductsTable;
  scoring_models: ScoringModelsTable;
  scoring_rules: ScoringRulesTable;
  lead_scores: LeadScoresTable;
  scoring_runs: ScoringRunsTable;
  routing_rules: RoutingRulesTable;
  routing_state: RoutingStateTable;
  lead_assignments: LeadAssignmentsTable;
  predictive_models: PredictiveModelsTable;
  lead_tags: LeadTagsTable;
  lead_history: LeadHistoryTable;
  activities: ActivitiesTable;
  custom_fields: CustomFieldsTable;
  duplicate_dismissals: DuplicateDismissalsTable;
  merges: MergesTable;
  saved_views: SavedViewsTable;
  bulk_operations: BulkOperationsTable;
  notifications: NotificationsTable;
  lead_terms: LeadTermsTable;
  app_settings: AppSettingsTable;
  touches: TouchesTable;
  consents: ConsentsTable;
  forms: FormsTable;
  form_submissions: FormSubmissionsTable;
  imports: ImportsTable;
  import_chunks: ImportChunksTable;
  import_rows: ImportRowsTable;
  import_errors: ImportErrorsTable;
  import_keys: ImportKeysTable;
  external_ids: ExternalIdsTable;
  integrations: IntegrationsTable;
  webhook_events: WebhookEventsTable;
  content_items: ContentItemsTable;
  tracked_links: TrackedLinksTable;
  engagement_events: EngagementEventsTable;
  referral_links: ReferralLinksTable;
  chat_widgets: ChatWidgetsTable;
  chat_conversations: ChatConversationsTable;
  chat_messages: ChatMessagesTable;
}

export interface TeamsTable {
  id: string;
  name: string;
  manager_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: string;
  team_id: string | null;
  locale: string | null;
  time_zone: string;
  active: number;
  out_of_office_from: string | null;
  out_of_office_until: string | null;
  grants: string;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  /** The most open leads routing gives them (null: no limit). */
  capacity: number | null;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a leaked table cannot be replayed. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginThrottleTable {
  /** The normalised e-mail tried, whether or not such a user exists. */
  email: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface AuditLogTable {
  id: string;
  occurred_at: string;
  actor_id: string | null;
  channel: string;
  entity_type: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

interface Timestamps {
  created_at: string;
  updated_at: string;
}

export interface OrganisationsTable extends Timestamps {
  id: string;
  name: string;
  company_code: string | null;
  vat_code: string | null;
  website: string | null;
  domain: string | null;
  size: string | null;
  industry: string | null;
  country: string | null;
  city: string | null;
  custom_fields: Generated<string>;
  search_text: Generated<string>;
  merged_into_id: string | null;
  deleted_at: string | null;
}

export interface PeopleTable extends Timestamps {
  id: string;
  first_name: string;
  last_name: string;
  job_title: string | null;
  organisation_id: string | null;
  preferred_language: string | null;
  address: string | null;
  country: string | null;
  city: string | null;
  custom_fields: Generated<string>;
  search_text: Generated<string>;
  merged_into_id: string | null;
  deleted_at: string | null;
}

export interface PersonEmailsTable {
  id: string;
  person_id: string;
  email: string;
  /** Lower-case, plus-addressing removed: the duplicate key. */
  email_key: string;
  position: number;
}

export interface PersonPhonesTable {
  id: string;
  person_id: string;
  /** E.164. */
  phone: string;
  position: number;
}

export interface ProductsTable extends Timestamps {
  id: string;
  code: string;
  name: string;
  description: string | null;
  unit_price_cents: number;
  active: number;
}

export interface SourcesTable extends Timestamps {
  id: string;
  key: string;
  name_lt: string;
  name_en: string;
  active: number;
  position: number;
}

export interface CampaignsTable extends Timestamps {
  id: string;
  name: string;
  type: string;
  source_id: string | null;
  starts_on: string | null;
  ends_on: string | null;
  budget_cents: number;
  cost_cents: number;
  owner_id: string | null;
  deleted_at: string | null;
}

export interface CampaignMembersTable extends Timestamps {
  campaign_id: string;
  person_id: string;
  lead_id: string | null;
  status: string;
}

export interface LeadsTable extends Timestamps {
  id: string;
  person_id: string | null;
  organisation_id: string | null;
  title: string;
  source_id: string | null;
  source_detail: string | null;
  campaign_id: string | null;
  referred_by_person_id: string | null;
  owner_id: string | null;
  team_id: string | null;
  /** 'now', YYYY-MM-DD or null. */
  timeframe: string | null;
  stage: string;
  stage_changed_at: string;
  disqualify_reason: string | null;
  disqualify_note: string | null;
  revisit_on: string | null;
  competitor: string | null;
  score: Generated<number>;
  next_follow_up_at: string | null;
  last_activity_at: string | null;
  custom_fields: Generated<string>;
  /** The temperature last written to the lead's history (lists work it out from `timeframe`). */
  temperature: Generated<string>;
  search_text: Generated<string>;
  created_by: string | null;
  deleted_at: string | null;
  /** Attribution (capture): the first and the latest touch; moved only by the capture path. */
  first_touch_id: string | null;
  last_touch_id: string | null;
  /** 1 once a person set the stage: scores never move it then. */
  stage_by_person: Generated<number>;
  /** Speed-to-lead: when it got its owner, when first contact is due, when it happened, when escalated. */
  assigned_at: string | null;
  first_response_due_at: string | null;
  first_contact_at: string | null;
  sla_escalated_at: string | null;
}

export interface ScoringModelsTable extends Timestamps {
  id: string;
  name_lt: string;
  name_en: string;
  is_primary: Generated<number>;
  mql_threshold: number;
  sql_threshold: number;
  total_cap: number | null;
  group_caps_json: Generated<string>;
  half_life_days: number | null;
  demote_on_decay: Generated<number>;
  version: Generated<number>;
}

export interface ScoringRulesTable extends Timestamps {
  id: string;
  model_id: string;
  position: number;
  kind: string;
  field: string | null;
  operator: string | null;
  value_json: string | null;
  behaviour: string | null;
  points: number;
  group_name: string | null;
}

export interface RoutingRulesTable extends Timestamps {
  id: string;
  position: number;
  name: string;
  active: Generated<number>;
  conditions_json: string;
  team_id: string | null;
  user_ids_json: string;
  strategy: string;
  weights_json: string;
}

export interface RoutingStateTable {
  rule_id: string;
  last_user_id: string | null;
  currents_json: string;
  updated_at: string;
}

export interface LeadAssignmentsTable {
  id: string;
  lead_id: string;
  user_id: string | null;
  rule_id: string | null;
  rule_name: string | null;
  strategy: string | null;
  reason: string;
  candidates_json: string;
  lead_created_at: string;
  assigned_at: string;
}

export interface PredictiveModelsTable {
  id: string;
  trained_at: string;
  /** ok | too_little_history | not_useful */
  status: string;
  quality_json: string;
  model_json: string | null;
}

export interface ScoringRunsTable {
  id: string;
  /** running | done | superseded */
  status: string;
  total: number;
  done: Generated<number>;
  cursor: string | null;
  lease_until: string | null;
  requested_by: string | null;
  started_at: string;
  finished_at: string | null;
  /** The changed rules (only leads they touch are rescored); null: every lead. */
  rule_ids_json: string | null;
}

export interface LeadScoresTable {
  lead_id: string;
  model_id: string;
  total: number;
  lines_json: string;
  computed_at: string;
}

export interface LeadProductsTable {
  lead_id: string;
  product_id: string;
}

export interface LeadTagsTable {
  lead_id: string;
  tag: string;
}

export interface LeadHistoryTable {
  id: string;
  lead_id: string;
  at: string;
  actor_id: string | null;
  channel: string;
  field: string;
  from_value: string | null;
  to_value: string | null;
}

export interface ActivitiesTable extends Timestamps {
  id: string;
  lead_id: string | null;
  person_id: string | null;
  type: string;
  subject: string | null;
  body: string | null;
  occurred_at: string;
  due_at: string | null;
  done_at: string | null;
  assignee_id: string | null;
  data: string;
  channel: string;
  created_by: string | null;
  deleted_at: string | null;
}

export interface CustomFieldsTable extends Timestamps {
  id: string;
  entity: string;
  key: string;
  label_lt: string;
  label_en: string;
  type: string;
  options: string;
  position: number;
  active: number;
}

export interface DuplicateDismissalsTable {
  kind: string;
  id_a: string;
  id_b: string;
  actor_id: string | null;
  created_at: string;
}

export interface MergesTable {
  id: string;
  kind: string;
  survivor_id: string;
  merged_ids: string;
  snapshot: string;
  actor_id: string | null;
  created_at: string;
  undone_at: string | null;
}

export interface SavedViewsTable {
  id: string;
  owner_id: string;
  entity: string;
  name: string;
  filters: string;
  columns: string;
  shared: number;
  created_at: string;
  updated_at: string;
}

export interface BulkOperationsTable {
  id: string;
  actor_id: string;
  action: string;
  params: string;
  changes: string;
  created_at: string;
  undone_at: string | null;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  entity_type: string;
  entity_id: string;
  data: Generated<string>;
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
}

export interface LeadTermsTable {
  term: string;
  created_at: string;
  lead_id: string;
  owner_id: string | null;
}

export interface AppSettingsTable {
  key: string;
  /** JSON. */
  value: string;
  updated_by: string | null;
  updated_at: string;
}

export interface TouchesTable {
  id: string;
  lead_id: string | null;
  person_id: string | null;
  channel: string;
  origin_kind: string | null;
  origin_id: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  gclid: string | null;
  fbclid: string | null;
  referrer: string | null;
  landing_page: string | null;
  visitor_id: string | null;
  occurred_at: string;
  created_at: string;
}

export interface ConsentsTable {
  id: string;
  person_id: string;
  purpose: string;
  granted: number;
  /** The exact text the person saw. */
  wording: string;
  language: string | null;
  channel: string;
  origin_kind: string | null;
  origin_id: string | null;
  /** HMAC of the client address with the app secret: provable without keeping the address. */
  ip_hash: string | null;
  captured_at: string;
}

export interface FormsTable {
  id: string;
  name: string;
  status: string;
  kind: string;
  default_language: string;
  /** JSON: FormField[]. */
  fields: string;
  /** JSON: FormConsent | null. */
  consent: string | null;
  /** JSON: submit label and thank-you text in lt and en. */
  texts: string;
  redirect_url: string | null;
  source_id: string | null;
  campaign_id: string | null;
  owner_id: string | null;
  /** JSON: string[] of origins (scheme://host[:port]). */
  allowed_origins: string;
  min_fill_seconds: number;
  max_per_minute: number;
  honeypot_name: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface FormSubmissionsTable {
  id: string;
  form_id: string;
  form_version: number;
  client_id: string | null;
  /** pending | processing | processed | quarantined | failed | deleted */
  status: string;
  /** JSON: string[] why it was quarantined (empty otherwise). */
  reasons: string;
  /** JSON: the submitted values and touches as received (only the form's own keys). */
  payload: string;
  ip_hash: string | null;
  user_agent: string | null;
  origin: string | null;
  lead_id: string | null;
  person_id: string | null;
  attempts: Generated<number>;
  lease_until: string | null;
  /** JSON problem when it could not become a lead. */
  error: string | null;
  received_at: string;
  processed_at: string | null;
  reviewed_by: string | null;
}

export interface ImportsTable {
  id: string;
  created_by: string;
  /** queued | running | previewed | done | failed | cancelled | undoing | undone */
  status: string;
  dry_run: number;
  file_name: string;
  /** csv | xlsx */
  file_kind: string;
  file_size: number | string;
  encoding: string | null;
  delimiter: string | null;
  /** JSON: string[] — the header row as read. */
  header: string | null;
  /** JSON: column → field. */
  mapping: string;
  /** JSON: ImportMatch[] in order. */
  match: string;
  mode: string;
  source_id: string | null;
  campaign_id: string | null;
  member_status: string | null;
  /** Whose record ids `external.id` holds (hubspot, pipedrive, salesforce …). */
  external_system: string | null;
  owner_id: string | null;
  total_rows: number | null;
  rows_done: Generated<number>;
  /** How far into the file the committed rows reach: the progress bar. */
  bytes_done: Generated<number | string>;
  created: Generated<number>;
  updated: Generated<number>;
  skipped: Generated<number>;
  rejected: Generated<number>;
  lease_owner: string | null;
  lease_until: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  undone_at: string | null;
  updated_at: string;
}

export interface ImportChunksTable {
  import_id: string;
  seq: number;
  data: Uint8Array;
}

export interface ImportRowsTable {
  import_id: string;
  row_no: number;
  line: number;
  /** created | updated | skipped | rejected */
  outcome: string;
  lead_id: string | null;
  person_id: string | null;
  organisation_id: string | null;
  created_person: Generated<number>;
  created_organisation: Generated<number>;
  /** JSON: the person's values this row replaced (undo puts them back). */
  before: string | null;
  /** JSON: the row's mapped values, kept for the first rows of each outcome (dry-run samples). */
  sample: string | null;
}

export interface ImportErrorsTable {
  import_id: string;
  row_no: number;
  line: number;
  field: string;
  code: string;
  value: string | null;
}

export interface ImportKeysTable {
  import_id: string;
  key: string;
  row_no: number;
}

export interface ExternalIdsTable {
  system: string;
  external_id: string;
  person_id: string;
  created_at: string;
}

export interface IntegrationsTable {
  id: string;
  name: string;
  /** generic | facebook_lead_ads | linkedin_lead_gen */
  kind: string;
  active: number;
  /** The HMAC key, encrypted with a key derived from the app secret (it must be usable, so not hashed). */
  secret_enc: string;
  /** The previous key, still accepted for a day after a rotation. */
  secret_prev_enc: string | null;
  rotated_at: string | null;
  /** JSON: WebhookMapping. */
  mapping: string;
  source_id: string | null;
  campaign_id: string | null;
  owner_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookEventsTable {
  id: string;
  integration_id: string;
  event_id: string;
  /** pending | processing | processed | failed | test */
  status: string;
  /** The raw JSON body as received (at most 256 KiB). */
  body: string;
  lead_id: string | null;
  person_id: string | null;
  attempts: Generated<number>;
  lease_until: string | null;
  error: string | null;
  received_at: string;
  processed_at: string | null;
}

export interface ContentItemsTable extends Timestamps {
  id: string;
  /** blog_post | infographic | image | video | social_post */
  kind: string;
  title: string;
  url: string;
  /** Where it is published: website, linkedin, facebook … */
  channel: string;
  source_id: string | null;
  campaign_id: string | null;
  created_by: string | null;
}

export interface TrackedLinksTable {
  id: string;
  content_item_id: string;
  /** Random, in the public URL `/t/{token}`. */
  token: string;
  /** The http(s) address the link redirects to, fixed when the link is made. */
  target_url: string;
  /** Set for a personal link: a click is this person's. */
  person_id: string | null;
  channel: string | null;
  created_by: string | null;
  created_at: string;
}

export interface EngagementEventsTable {
  id: string;
  content_item_id: string;
  tracked_link_id: string | null;
  person_id: string | null;
  lead_id: string | null;
  visitor_id: string | null;
  /** view | click | like | reaction | share | comment */
  kind: string;
  /** The sender's id of the event: unique per content item (a repeat is stored once). */
  external_id: string | null;
  /** YYYY-MM-DD on the one event per person, content item and day that went onto the timeline. */
  timeline_day: string | null;
  occurred_at: string;
  created_at: string;
}

export interface ReferralLinksTable {
  id: string;
  person_id: string;
  /** Random, in the public URL `/r/{token}`. */
  token: string;
  form_id: string | null;
  created_by: string | null;
  created_at: string;
  disabled_at: string | null;
}

export interface ChatWidgetsTable {
  id: string;
  name: string;
  /** active | archived */
  status: string;
  /** JSON: { lt, en } greeting replacing the bot's own, or null. */
  greeting_json: string | null;
  /** JSON: the bot's questions in the widget's wording ({ askName?: { lt, en }, … }), or null. */
  questions_json: string | null;
  /** JSON: string[] of origins (scheme://host[:port]); empty → any site. */
  allowed_origins_json: string;
  source_id: string | null;
  campaign_id: string | null;
  owner_id: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** Conversations the widget starts per minute (all visitors together) before 429. */
  max_per_minute: number;
}

export interface ChatConversationsTable {
  id: string;
  widget_id: string;
  /** sha256 (hex) of the visitor's token. */
  token_hash: string;
  visitor_id: string | null;
  person_id: string | null;
  lead_id: string | null;
  /** bot | waiting | human | closed */
  status: string;
  assigned_user_id: string | null;
  /** lt | en */
  language: string;
  /** JSON: the visitor's touch (attribution) as received, or null. */
  touch_json: string | null;
  /** JSON: the bot's state (domain/chat/bot.ts). */
  bot_state_json: string;
  /** The lead's `chat` activity carrying the transcript. */
  activity_id: string | null;
  /** The seq of the latest message (0 before the first). */
  last_seq: Generated<number>;
  started_at: string;
  last_message_at: string;
  closed_at: string | null;
  /** Who closed it (a colleague who had not joined keeps seeing it through this). */
  closed_by: string | null;
  /** JSON { code, message, errors? }: why the lead could not be made from the chat, or null. */
  capture_error: string | null;
}

export interface ChatMessagesTable {
  id: string;
  conversation_id: string;
  /** 1, 2, 3 … per conversation. */
  seq: number;
  /** visitor | bot | user | system */
  sender: string;
  user_id: string | null;
  body: string;
  /** JSON: { value, label }[] offered with a bot message, or null. */
  quick_replies_json: string | null;
  created_at: string;
}
