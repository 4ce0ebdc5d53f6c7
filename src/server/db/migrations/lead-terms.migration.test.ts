import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshDb, type TestDb } from '../../../../test/dialects.js';
import { migrateToLatest } from '../migrate.js';

/** An install from before the lead-terms migration keeps finding its leads after the upgrade. */
describeEachDialect('migration 20261127T0030-lead-terms', (dialect) => {
  let handle: TestDb;
  const at = '2026-11-20T10:00:00.000Z';

  beforeAll(async () => {
    handle = await freshDb(dialect, '20261127T0020-lead-search');
    const db = handle.db;
    await sql`insert into users (id, email, name, password_hash, role, created_at, updated_at)
      values ('u1', 'rep@example.lt', 'Rep', 'x', 'rep', ${at}, ${at})`.execute(db);
    for (const [id, text, owner] of [
      ['l1', 'jonas simkus4534@outlook.com', 'u1'],
      ['l2', 'ona simkute uab azuolas', null],
    ] as const) {
      await sql`insert into leads (id, title, stage, stage_changed_at, owner_id, search_text, created_at, updated_at)
        values (${id}, 'Lead', 'suspect', ${at}, ${owner}, ${text}, ${at}, ${at})`.execute(db);
    }
    await migrateToLatest(handle);
  });
  afterAll(() => handle.dispose());

  it('remakes every term with the lead’s creation time and owner, digits split from letters', async () => {
    const rows = await handle.db
      .selectFrom('lead_terms')
      .select(['lead_id', 'term', 'created_at', 'owner_id'])
      .orderBy('lead_id')
      .orderBy('term')
      .execute();
    expect(rows.filter((r) => r.lead_id === 'l1').map((r) => r.term)).toEqual([
      '4534',
      'com',
      'jonas',
      'outlook',
      'simkus',
    ]);
    expect(rows.filter((r) => r.lead_id === 'l2').map((r) => r.term)).toEqual([
      'azuolas',
      'ona',
      'simkute',
      'uab',
    ]);
    expect(rows.every((r) => r.created_at === at)).toBe(true);
    expect(new Set(rows.map((r) => `${r.lead_id}:${r.owner_id}`))).toEqual(new Set(['l1:u1', 'l2:null']));
  });
});
