import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshDb, type TestDb } from '../../../../test/dialects.js';
import { migrateToLatest } from '../migrate.js';

/**
 * An install from before the lead-terms and lead-temperature migrations keeps finding its leads
 * after the upgrade, and its leads' recorded temperature is the last one their history holds.
 */
describeEachDialect('migrations 20261127T0030-lead-terms and 0040-lead-temperature', (dialect) => {
  let handle: TestDb;
  const at = '2026-11-20T10:00:00.000Z';

  beforeAll(async () => {
    handle = await freshDb(dialect, '20261127T0020-lead-search');
    const db = handle.db;
    await sql`insert into users (id, email, name, password_hash, role, created_at, updated_at)
      values ('u1', 'rep@example.lt', 'Rep', 'x', 'rep', ${at}, ${at})`.execute(db);
    for (const [id, text, owner, timeframe] of [
      ['l1', 'jonas simkus4534@outlook.com', 'u1', null],
      ['l2', 'ona simkute uab azuolas', null, 'now'],
    ] as const) {
      await sql`insert into leads (id, title, stage, stage_changed_at, owner_id, timeframe, search_text, created_at, updated_at)
        values (${id}, 'Lead', 'suspect', ${at}, ${owner}, ${timeframe}, ${text}, ${at}, ${at})`.execute(db);
    }
    // l1 was warm when last written to history; its timeframe has been cleared since (no entry yet)
    await sql`insert into lead_history (id, lead_id, at, actor_id, channel, field, from_value, to_value)
      values ('h1', 'l1', ${at}, 'u1', 'ui', 'temperature', null, 'warm')`.execute(db);
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

  it('records as each lead’s temperature the last one its history holds, else today’s', async () => {
    const rows = await handle.db.selectFrom('leads').select(['id', 'temperature']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'l1', temperature: 'warm' },
      { id: 'l2', temperature: 'hot' },
    ]);
  });
});
