// The check that seeded rows are derived like the app's: compared with the probe lead made through
// POST /api/v1/leads, which is then removed.
import { derive } from './derive.mjs';
import { log } from './log.mjs';

/**
 * Compares what the bench derives with the lead the app wrote (ctx.probe), then removes that lead
 * so the seeded data is exactly what the generator made. `query(sql, params)` → rows (`?` params).
 */
export async function checkAgainstApp(query, probe) {
  const [lead] = await query('select * from leads where id = ?', [probe.leadId]);
  const [person] = await query('select * from people where id = ?', [lead.person_id]);
  const emails = await query('select * from person_emails where person_id = ?', [lead.person_id]);
  const phones = await query('select * from person_phones where person_id = ?', [lead.person_id]);
  const [org] = await query('select * from organisations where id = ?', [lead.organisation_id]);
  const events = await query('select * from activities where lead_id = ?', [probe.leadId]);
  const terms = await query('select term, created_at, owner_id from lead_terms where lead_id = ?', [
    probe.leadId,
  ]);
  const p = { ...probe.person };
  const orgName = probe.organisation.name;
  const expected = {
    'leads.title': [lead.title, derive.lead(p, orgName).title],
    'leads.search_text': [lead.search_text, derive.lead(p, orgName).searchText],
    'people.search_text': [person.search_text, derive.person(p, orgName).searchText],
    'person_emails.email': [emails[0]?.email, p.emails[0]],
    'person_emails.email_key': [emails[0]?.email_key, derive.person(p, orgName).emailKeys[0]],
    'person_emails.position': [Number(emails[0]?.position), 0],
    'person_phones.phone': [phones[0]?.phone, p.phones[0]],
    'organisations.domain': [org.domain, derive.organisation(orgName, probe.organisation.website).domain],
    'organisations.search_text': [org.search_text, derive.organisation(orgName).searchText],
    'organisations.company_code': [org.company_code, probe.organisation.companyCode],
    'leads.team_id (the owner’s team)': [lead.team_id, probe.ownerTeamId],
    'leads.temperature': [lead.temperature, derive.temperature(lead.timeframe)],
    'leads.custom_fields': [lead.custom_fields, '{}'],
    "the 'created' event": [events.find((e) => e.type === 'system')?.data, derive.createdEvent()],
    'lead_terms.created_at, owner_id': [
      terms.every((t) => t.created_at === lead.created_at && t.owner_id === lead.owner_id),
      true,
    ],
    lead_terms: [
      terms
        .map((t) => t.term)
        .sort()
        .join(' '),
      derive.terms(lead.search_text).sort().join(' '),
    ],
  };
  const wrong = Object.entries(expected).filter(([, [got, want]]) => got !== want);
  if (wrong.length) {
    const lines = wrong.map(
      ([k, [got, want]]) => `  ${k}: app wrote ${JSON.stringify(got)}, bench writes ${JSON.stringify(want)}`,
    );
    throw new Error(
      `seeded rows would differ from the app's (update bench/leads/derive.mjs):\n${lines.join('\n')}`,
    );
  }
  for (const [table, column, id] of [
    ['activities', 'lead_id', probe.leadId],
    ['lead_history', 'lead_id', probe.leadId],
    ['lead_products', 'lead_id', probe.leadId],
    ['lead_tags', 'lead_id', probe.leadId],
    ['lead_terms', 'lead_id', probe.leadId],
    ['leads', 'id', probe.leadId],
    ['person_emails', 'person_id', person.id],
    ['person_phones', 'person_id', person.id],
    ['people', 'id', person.id],
    ['organisations', 'id', org.id],
  ]) {
    await query(`delete from ${table} where ${column} = ?`, [id]);
  }
  log(
    `  rows derived like the app's: ${Object.keys(expected).length} columns checked against a lead made through POST /api/v1/leads`,
  );
}
