import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { connect, type DbHandle, type DialectName } from '../src/server/db/connect.js';
import { migrateTo, migrateToLatest } from '../src/server/db/migrate.js';

export const PG_URL = process.env.PILTUVAS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgReachable: Promise<boolean> | undefined;

/** Whether the test PostgreSQL answers. With CI=true an unreachable server fails the run instead. */
async function postgresAvailable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (error) {
      if (process.env.CI === 'true') {
        throw new Error(`PostgreSQL at ${PG_URL} is unreachable and CI=true: ${(error as Error).message}`);
      }
      console.warn(
        `⚠ PostgreSQL at ${PG_URL} is unreachable: PostgreSQL suites are skipped (${(error as Error).message})`,
      );
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return pgReachable;
}

export interface TestDb extends DbHandle {
  /** Drops the schema or deletes the file. */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database: a new SQLite file, or a new schema on the local PostgreSQL.
 * `upTo` stops after that migration (to test an upgrade from it).
 */
export async function freshDb(dialect: DialectName, upTo?: string): Promise<TestDb> {
  const migrate = (handle: DbHandle) => (upTo ? migrateTo(handle, upTo) : migrateToLatest(handle));
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'piltuvas-test-'));
    const handle = connect({ url: join(dir, 'test.sqlite') });
    await migrate(handle);
    return {
      ...handle,
      async dispose() {
        await handle.db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  await admin.end();
  const handle = connect({ url: PG_URL, schema, poolSize: 4 });
  await migrate(handle);
  return {
    ...handle,
    async dispose() {
      await handle.db.destroy();
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema "${schema}" cascade`);
      await client.end();
    },
  };
}

export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];

// Vitest collects suites synchronously, so PostgreSQL's availability is settled once, up front.
const pgAvailable = await postgresAvailable();

/**
 * Runs a suite once per database, the way Kysely's own tests loop over dialects:
 * `describeEachDialect('users', (dialect) => { … })`.
 */
export function describeEachDialect(name: string, suite: (dialect: DialectName) => void): void {
  for (const dialect of DIALECTS) {
    const available = dialect === 'sqlite' || pgAvailable;
    describe.skipIf(!available)(`${name} [${dialect}]`, () => suite(dialect));
  }
}
