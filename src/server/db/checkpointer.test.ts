import { statSync } from 'node:fs';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/dialects.js';
import type { Deps } from '../context.js';
import { startCheckpointer } from './checkpointer.js';

/** SQLite's log is copied into the database by the checkpoint thread; commits no longer do it. */
let handle: TestDb;
let deps: Deps;

beforeAll(async () => {
  handle = await freshDb('sqlite');
  deps = { db: handle.db, dialect: 'sqlite', config: {} as Deps['config'], now: () => new Date() };
});
let running: Awaited<ReturnType<typeof startCheckpointer>> = null;
afterAll(async () => {
  await running?.stop();
  await handle.dispose();
});

const autocheckpoint = async () =>
  Number(Object.values((await sql`pragma wal_autocheckpoint`.execute(deps.db)).rows[0] as object)[0]);

it('takes checkpoints over from commits while it runs, and gives them back when it stops', async () => {
  const checkpointer = await startCheckpointer(deps, handle.location, pino({ level: 'silent' }));
  running = checkpointer;
  expect(checkpointer).not.toBeNull();
  expect(await autocheckpoint()).toBe(0);
  await sql`create table filler (id integer primary key, body text)`.execute(deps.db);
  const before = statSync(handle.location).size;
  for (let i = 0; i < 20; i++)
    await sql`insert into filler (body) select hex(randomblob(2000)) from (select 1 union all select 2 union all select 3) a, (select 1 union all select 2 union all select 3) b, (select 1 union all select 2 union all select 3) c`.execute(
      deps.db,
    );
  // the data reaches the database file itself, though no commit checkpoints any more: the thread copied it
  await expect
    .poll(() => statSync(handle.location).size, { timeout: 5000 })
    .toBeGreaterThan(before + 100_000);
  await checkpointer?.stop();
  running = null;
  expect(await autocheckpoint()).toBe(1000);
});

it('leaves commits checkpointing when the thread cannot open the database', async () => {
  expect(await startCheckpointer(deps, '/nonexistent/dir/x.sqlite', pino({ level: 'silent' }))).toBeNull();
  expect(await autocheckpoint()).toBe(1000);
});

it('is not started on PostgreSQL', async () => {
  expect(
    await startCheckpointer({ ...deps, dialect: 'postgres' }, 'x', pino({ level: 'silent' })),
  ).toBeNull();
});
