import { type Kysely, type MigrationResult, Migrator, sql } from 'kysely';
import type { DialectName } from './connect.js';
import type { Database } from './database.js';
import { MIGRATIONS } from './migrations/index.js';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** What the migrator needs: the database, its dialect and, on PostgreSQL, the schema in use. */
export interface MigrationTarget {
  db: Kysely<Database>;
  dialect: DialectName;
  schema?: string | undefined;
}

/**
 * On PostgreSQL the bookkeeping tables live in the schema the app works in — the one given, else
 * the connection's current schema (search_path): Kysely's existence check looks across schemas,
 * so bookkeeping found elsewhere would fool it into skipping migrations.
 */
async function migratorFor({ db, dialect, schema }: MigrationTarget): Promise<Migrator> {
  const migrations = Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, make]) => [name, make(dialect)]),
  );
  const own = dialect === 'postgres' ? (schema ?? (await currentSchema(db))) : undefined;
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(own ? { migrationTableSchema: own } : {}),
  });
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? 'public';
}

/**
 * Applies every pending migration. Kysely's Migrator returns its error instead of throwing,
 * so it is checked here and turned into one clear failure naming the migration.
 */
export async function migrateToLatest(target: MigrationTarget): Promise<MigrationResult[]> {
  const { error, results = [] } = await (await migratorFor(target)).migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return results;
}

/** Applies migrations up to and including `name` (tests of an upgrade start from an older schema). */
export async function migrateTo(target: MigrationTarget, name: string): Promise<void> {
  const { error } = await (await migratorFor(target)).migrateTo(name);
  if (error) throw new MigrationError(`migrating to ${name} failed: ${String(error)}`);
}

/** True when no migration is pending: /readyz uses it. */
export async function migrationsDone(target: MigrationTarget): Promise<boolean> {
  const all = await (await migratorFor(target)).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
