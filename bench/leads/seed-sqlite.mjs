// SQLite's writing: raw prepared statements, one transaction per table per chunk.
import SQLite from 'better-sqlite3';
import { N } from './config.mjs';
import { sqliteIndexes } from './indexes.mjs';
import { log, secs } from './log.mjs';
import { seedDatabase } from './seed.mjs';
import { COLUMNS, TABLES } from './tables.mjs';

/** Seeds the app's SQLite file `file`; indexes rebuilt after. */
export async function seedSqlite(file, ctx, anchorMs) {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF'); // rows are consistent by construction; checked below on small runs
  db.pragma('cache_size = -524288'); // 512 MiB
  db.pragma('temp_store = MEMORY');
  db.pragma('threads = 2');
  return seedDatabase(
    {
      indexes: () => sqliteIndexes(db),
      exec: (sql) => db.exec(sql),
      query: async (sql, params) => {
        const st = db.prepare(sql);
        if (st.reader) return st.all(...params);
        st.run(...params);
        return [];
      },
      writer: () => writer(db),
      analyzeLabel: 'ANALYZE',
      analyze: () => db.exec('analyze'),
      finish: () => {
        if (N <= 200_000) {
          const t2 = performance.now();
          const bad = db.pragma('foreign_key_check');
          if (bad.length)
            throw new Error(`seeded rows break foreign keys: ${JSON.stringify(bad.slice(0, 3))}`);
          log(`  foreign_key_check: ok (${secs(performance.now() - t2)})`);
        }
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      },
    },
    ctx,
    anchorMs,
  );
}

function writer(db) {
  const insert = Object.fromEntries(
    TABLES.map((t) => [
      t,
      db.prepare(
        `insert into ${t} (${COLUMNS[t].join(', ')}) values (${COLUMNS[t].map(() => '?').join(', ')})`,
      ),
    ]),
  );
  const writeMany = Object.fromEntries(
    TABLES.map((t) => [
      t,
      db.transaction((rows) => {
        for (const r of rows) insert[t].run(r);
      }),
    ]),
  );
  return { write: async (table, rows) => writeMany[table](rows) };
}
