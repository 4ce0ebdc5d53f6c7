// PostgreSQL's writing: 1000-row INSERTs (named prepared statements) in one transaction per chunk.
import pg from 'pg';
import { PG_ROWS } from './config.mjs';
import { postgresIndexes } from './indexes.mjs';
import { seedDatabase } from './seed.mjs';
import { COLUMNS, TABLES } from './tables.mjs';

/** Seeds the database at `url` over a connection of its own; indexes rebuilt after. */
export async function seedPostgres(url, ctx, anchorMs) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    await client.query("set maintenance_work_mem = '256MB'");
    let replica = false;
    try {
      // why: skips the per-row foreign-key triggers during the load (needs a superuser; rows are consistent by construction)
      await client.query('set session_replication_role = replica');
      replica = true;
    } catch {
      // not a superuser: foreign keys are checked row by row, which is slower but fine
    }
    return await seedDatabase(
      {
        indexes: () => postgresIndexes(client),
        exec: (sql) => client.query(sql),
        query: async (sql, params) => {
          let n = 0;
          return (
            await client.query(
              sql.replace(/\?/g, () => `$${++n}`),
              params,
            )
          ).rows;
        },
        writer: () => ({
          write: writer(client),
          begin: () => client.query('begin'),
          commit: () => client.query('commit'),
        }),
        afterLoad: async () => {
          if (replica) await client.query('set session_replication_role = origin');
        },
        analyzeLabel: 'VACUUM ANALYZE',
        // why VACUUM too: a freshly loaded table has no visibility map (no index-only scans) and would be
        // vacuumed by autovacuum in the middle of the measurements.
        analyze: async () => {
          for (const t of TABLES) await client.query(`vacuum (analyze) ${t}`);
        },
      },
      ctx,
      anchorMs,
    );
  } finally {
    await client.end();
  }
}

function writer(client) {
  const sqlFor = (table, count) => {
    const cols = COLUMNS[table];
    const values = [];
    for (let r = 0; r < count; r++)
      values.push(`(${cols.map((_, c) => `$${r * cols.length + c + 1}`).join(',')})`);
    return `insert into ${table} (${cols.join(', ')}) values ${values.join(',')}`;
  };
  const fullSql = Object.fromEntries(TABLES.map((t) => [t, sqlFor(t, PG_ROWS)]));
  return async (table, rows) => {
    for (let i = 0; i < rows.length; i += PG_ROWS) {
      const batch = rows.slice(i, i + PG_ROWS);
      const values = batch.flat();
      if (batch.length === PG_ROWS)
        await client.query({ name: `bench_${table}`, text: fullSql[table], values });
      else await client.query(sqlFor(table, batch.length), values);
    }
  };
}
