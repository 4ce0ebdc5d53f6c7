import { type Kysely, sql } from 'kysely';
import type { MigrationFactory } from './index.js';

/**
 * Repair: routing gave leads their owner without passing it to the leads' search terms, so a
 * routed lead's terms still said "no owner" and a rep's or manager's search, which starts from
 * the terms of the people it may see, missed it. Every term now takes its lead's owner again.
 */
export const termsOwner: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await sql`update lead_terms set owner_id = leads.owner_id from leads
      where leads.id = lead_terms.lead_id
        and coalesce(lead_terms.owner_id, '') <> coalesce(leads.owner_id, '')`.execute(db);
  },
});
