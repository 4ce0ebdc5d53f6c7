// The seeded tables' secondary indexes: dropped before the bulk load and rebuilt after it from their
// own definitions, so they come out exactly as the migration made them. As `{ name, sql }`.
import { log, secs } from './log.mjs';
import { TABLES } from './tables.mjs';

/** SQLite: indexes with a definition (those made for a primary key or UNIQUE have none). */
export function sqliteIndexes(db) {
  const names = TABLES.map((t) => `'${t}'`).join(',');
  return db
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${names})`,
    )
    .all();
}

/** PostgreSQL: indexes that no constraint (primary key, unique) owns. */
export async function postgresIndexes(client) {
  const { rows } = await client.query(
    `select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [TABLES],
  );
  return rows.map((r) => ({ name: r.indexname, sql: r.indexdef }));
}

export async function dropIndexes(exec, indexes) {
  for (const ix of indexes) await exec(`drop index "${ix.name}"`);
}

/** → the time the rebuild took. */
export async function recreateIndexes(exec, indexes) {
  const t0 = performance.now();
  for (const ix of indexes) await exec(ix.sql);
  const indexMs = performance.now() - t0;
  log(`  recreated ${indexes.length} indexes exactly as the migration made them: ${secs(indexMs)}`);
  return indexMs;
}
