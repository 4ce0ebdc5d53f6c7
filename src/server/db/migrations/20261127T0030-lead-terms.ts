import { type Kysely, sql } from 'kysely';
import { searchTerms } from '../../../domain/search/search-key.js';
import type { MigrationFactory } from './index.js';

/**
 * Search terms that carry what a search page is ordered and scoped by: the lead's creation time
 * and owner. A search for a word with tens of thousands of matches then reads one index range per
 * matching term, newest first, already narrowed to a rep's own leads — instead of walking every
 * lead in scope and probing the terms of each (70 ms p95 at a million leads; bench/RESULTS.md).
 * Replaces `lead_search_terms` (term, lead_id). The terms are made afresh from each lead's search
 * text, because words now also split where letters meet digits (`simkus4534` → simkus, 4534), so a
 * surname is one indexed word instead of one per e-mail address that carries it.
 *
 * The write path keeps `owner_id` in step: a lead's terms are rewritten with every save, and an
 * owner change is a save. `created_at` never changes.
 */
export const leadTerms: MigrationFactory = (dialect) => ({
  async up(db: Kysely<unknown>) {
    let table = db.schema
      .createTable('lead_terms')
      // Terms are folded to ASCII-like letters and digits; byte order ("C") keeps prefix ranges on the index.
      .addColumn('term', dialect === 'postgres' ? sql`text collate "C"` : 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id').onDelete('cascade'))
      .addColumn('owner_id', 'text')
      .addPrimaryKeyConstraint('lead_terms_pk', ['term', 'created_at', 'lead_id']);
    // why: on SQLite the rows then live in the primary key's order; no second copy of every term.
    if (dialect === 'sqlite') table = table.modifyEnd(sql`without rowid`);
    await table.execute();
    await db.schema.dropTable('lead_search_terms').execute();
    await fillTerms(db as Kysely<Then>);
    await db.schema
      .createIndex('lead_terms_owner_idx')
      .on('lead_terms')
      .columns(['term', 'owner_id', 'created_at', 'lead_id'])
      .execute();
    await db.schema
      .createIndex('lead_terms_lead_idx')
      .on('lead_terms')
      .columns(['lead_id', 'term'])
      .execute();

    // Counts of a filtered list from the index alone: scope, stage and timeframe (temperature).
    const live = sql<boolean>`deleted_at is null`;
    const index = (name: string, columns: string[]) =>
      db.schema.createIndex(name).on('leads').columns(columns).where(live).execute();
    await index('leads_owner_stage_timeframe_idx', ['owner_id', 'stage', 'timeframe']);
    await index('leads_team_stage_timeframe_idx', ['team_id', 'stage', 'timeframe']);
  },
});

interface Then {
  leads: { id: string; search_text: string; created_at: string; owner_id: string | null };
  lead_terms: { term: string; created_at: string; lead_id: string; owner_id: string | null };
}

/** Terms of the leads written before this migration, a thousand leads at a time. */
async function fillTerms(db: Kysely<Then>): Promise<void> {
  let after = '';
  for (;;) {
    const leads = await db
      .selectFrom('leads')
      .select(['id', 'search_text', 'created_at', 'owner_id'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (leads.length === 0) return;
    const rows = leads.flatMap((l) =>
      searchTerms(l.search_text).map((term) => ({
        term,
        created_at: l.created_at,
        lead_id: l.id,
        owner_id: l.owner_id,
      })),
    );
    // why 500: four parameters a row stay well under SQLite's limit of parameters per statement
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('lead_terms')
        .values(rows.slice(i, i + 500))
        .execute();
    after = leads.at(-1)!.id;
  }
}
