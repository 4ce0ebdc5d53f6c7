import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshDb, type TestDb } from '../../../../test/dialects.js';
import { migrateToLatest } from '../migrate.js';

/** An install whose routed leads' search terms still say "no owner" finds them by owner after the upgrade. */
describeEachDialect('migration 20261127T0240-terms-owner', (dialect) => {
  let handle: TestDb;
  const at = '2026-11-27T10:00:00.000Z';

  beforeAll(async () => {
    handle = await freshDb(dialect, '20261127T0230-predictive');
    const db = handle.db;
    await sql`insert into users (id, email, name, password_hash, role, created_at, updated_at)
      values ('u1', 'rep@example.lt', 'Rep', 'x', 'rep', ${at}, ${at})`.execute(db);
    for (const [id, owner] of [
      ['l1', 'u1'],
      ['l2', null],
    ] as const) {
      await sql`insert into leads (id, title, stage, stage_changed_at, owner_id, search_text, created_at, updated_at)
        values (${id}, 'Lead', 'suspect', ${at}, ${owner}, 'ona', ${at}, ${at})`.execute(db);
      // as routing left them: the terms written before the owner was set
      await sql`insert into lead_terms (term, created_at, lead_id, owner_id) values ('ona', ${at}, ${id}, null)`.execute(
        db,
      );
    }
    await migrateToLatest(handle);
  });
  afterAll(() => handle.dispose());

  it('gives every term its lead’s owner', async () => {
    const rows = await handle.db
      .selectFrom('lead_terms')
      .select(['lead_id', 'owner_id'])
      .orderBy('lead_id')
      .execute();
    expect(rows).toEqual([
      { lead_id: 'l1', owner_id: 'u1' },
      { lead_id: 'l2', owner_id: null },
    ]);
  });
});
