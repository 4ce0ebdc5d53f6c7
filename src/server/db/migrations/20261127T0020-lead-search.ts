import { type Kysely, sql } from 'kysely';
import { searchTerms } from '../../../domain/search/search-key.js';
import type { MigrationFactory } from './index.js';

/**
 * Fast lists at a million leads: indexes ordered like the other sorts (updated, score) and per
 * scope (owner, team) and stage, an index that answers temperature counts without the table, and a
 * table of search terms (word prefixes) filled by the write path, so a rare name is found by an
 * index seek instead of a scan. Figures in bench/RESULTS.md.
 */
export const leadSearch: MigrationFactory = (dialect) => ({
  async up(db: Kysely<unknown>) {
    const live = sql<boolean>`deleted_at is null`;
    const index = (name: string, columns: string[]) =>
      db.schema.createIndex(name).on('leads').columns(columns).where(live).execute();
    await index('leads_updated_idx', ['updated_at', 'id']);
    await index('leads_stage_updated_idx', ['stage', 'updated_at', 'id']);
    await index('leads_owner_updated_idx', ['owner_id', 'updated_at', 'id']);
    await index('leads_owner_stage_updated_idx', ['owner_id', 'stage', 'updated_at', 'id']);
    await index('leads_team_stage_created_idx', ['team_id', 'stage', 'created_at', 'id']);
    await index('leads_team_stage_updated_idx', ['team_id', 'stage', 'updated_at', 'id']);
    await index('leads_score_idx', ['score', 'id']);
    await index('leads_stage_timeframe_idx', ['stage', 'timeframe']);

    // Terms are folded to ASCII-like letters and digits; byte order ("C") keeps prefix ranges on the index.
    await db.schema
      .createTable('lead_search_terms')
      .addColumn('term', dialect === 'postgres' ? sql`text collate "C"` : 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('lead_search_terms_pk', ['term', 'lead_id'])
      .execute();
    await db.schema
      .createIndex('lead_search_terms_lead_idx')
      .on('lead_search_terms')
      .columns(['lead_id', 'term'])
      .execute();
    await backfillTerms(db as Kysely<Then>);
  },
});

/** The tables as they were at this migration (`lead_search_terms` became `lead_terms` later). */
interface Then {
  leads: { id: string; search_text: string };
  lead_search_terms: { term: string; lead_id: string };
}

/** Terms for leads written before this migration, a thousand at a time. */
async function backfillTerms(db: Kysely<Then>): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('leads')
      .select(['id', 'search_text'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) return;
    const values = rows.flatMap((r) => searchTerms(r.search_text).map((term) => ({ term, lead_id: r.id })));
    if (values.length) await db.insertInto('lead_search_terms').values(values).execute();
    after = rows.at(-1)!.id;
  }
}
