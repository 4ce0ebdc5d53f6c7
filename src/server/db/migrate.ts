import { type Kysely, type MigrationResult, Migrator } from 'kysely';
import type { DialectName } from './connect.js';
import type { Database } from './database.js';
import { MIGRATIONS } from './migrations/index.js';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

function migratorFor(db: Kysely<Database>, dialect: DialectName): Migrator {
  const migrations = Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, make]) => [name, make(dialect)]),
  );
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/**
 * Applies every pending migration. Kysely's Migrator returns its error instead of throwing,
 * so it is checked here and turned into one clear failure naming the migration.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: DialectName,
): Promise<MigrationResult[]> {
  const migrator = migratorFor(db, dialect);
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return results;
}

/** True when no migration is pending: /readyz uses it. */
export async function migrationsDone(db: Kysely<Database>, dialect: DialectName): Promise<boolean> {
  const migrator = migratorFor(db, dialect);
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
