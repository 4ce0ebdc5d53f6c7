import type { Db } from '../../db/database.js';
import { leadSearchText } from '../leads/leads.view.js';
import { findPeople, leadsForSearchText, writeLeadSearchText } from '../people/people.repository.js';

/** Leads carry their organisation's name in their search text: recompute it for every lead of these organisations. */
export async function refreshLeadsOf(db: Db, organisationIds: string[]): Promise<void> {
  for (const organisationId of organisationIds) {
    const leads = await leadsForSearchText(db, { organisationId });
    const people = await findPeople(db, [...new Set(leads.flatMap((l) => (l.personId ? [l.personId] : [])))]);
    for (const lead of leads) {
      const person = lead.personId ? people.get(lead.personId) : undefined;
      await writeLeadSearchText(db, lead, leadSearchText(person, lead.orgName, lead.title));
    }
  }
}
