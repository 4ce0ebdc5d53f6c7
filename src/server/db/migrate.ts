import { type Kysely, type MigrationResult, Migrator } from 'kysely';
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
 * On PostgreSQL the bookkeeping tables live in the schema the app uses (public unless told):
 * Kysely's existence check looks across schemas, so bookkeeping elsewhere would fool it.
 */
function migratorFor({ db, dialect, schema }: MigrationTarget): Migrator {
  const migrations = Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, make]) => [name, make(dialect)]),
  );
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(dialect === 'postgres' ? { migrationTableSchema: schema ?? 'public' } : {}),
  });
}

/**
 * Applies every pending migration. Kysely's Migrator returns its error instead of throwing,
 * so it is checked here and turned into one clear failure naming the migration.
 */
export async function migrateToLatest(target: MigrationTarget): Promise<MigrationResult[]> {
  const { error, results = [] } = await migratorFor(target).migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return results;
}

/** True when no migration is pending: /readyz uses it. */
export async function migrationsDone(target: MigrationTarget): Promise<boolean> {
  const all = await migratorFor(target).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
