import { CompiledQuery, type Insertable, SqliteAdapter } from 'kysely';
import type { Database, Db } from './database.js';

/** Bind parameters per statement, under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;
/** Rows per statement at most: bigger statements stop paying off (measured in bench/imports). */
const MAX_ROWS = 256;

type Row<T extends keyof Database> = Insertable<Database[T]>;

/**
 * Inserts many rows of one table through multi-row `INSERT … VALUES (…), (…)` statements, without
 * the query builder (compiling a 500-row insert costs more than running it: PERFORMANCE-NOTES).
 * Every row must have the same columns as the first. Statement sizes are powers of two, so
 * SQLite's statement cache (db/connect.ts) holds a handful of texts per table and reuses them.
 * `conflict`: `do nothing` on these columns (a unique key already written is kept).
 */
export async function insertMany<T extends keyof Database>(
  db: Db,
  table: T,
  rows: readonly Row<T>[],
  conflict?: { doNothingOn: readonly string[] },
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const perStatement = Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length));
  let at = 0;
  while (at < rows.length) {
    const left = rows.length - at;
    const size = left >= perStatement ? perStatement : 2 ** Math.floor(Math.log2(left));
    const parameters: unknown[] = [];
    for (let i = at; i < at + size; i++) {
      const row = rows[i] as Record<string, unknown>;
      for (const c of columns) parameters.push(row[c] ?? null);
    }
    await db.executeQuery(
      CompiledQuery.raw(statementText(table, columns, size, sqlite, conflict), parameters),
    );
    at += size;
  }
}

const texts = new Map<string, string>();

function statementText(
  table: string,
  columns: readonly string[],
  rows: number,
  sqlite: boolean,
  conflict: { doNothingOn: readonly string[] } | undefined,
): string {
  const key = `${sqlite ? 's' : 'p'}|${table}|${columns.join(',')}|${rows}|${conflict?.doNothingOn.join(',') ?? ''}`;
  let text = texts.get(key);
  if (text) return text;
  const tuples: string[] = [];
  let n = 0;
  for (let r = 0; r < rows; r++) {
    const marks = columns.map(() => (sqlite ? '?' : `$${++n}`));
    tuples.push(`(${marks.join(',')})`);
  }
  const quoted = columns.map((c) => `"${c}"`).join(',');
  const onConflict = conflict
    ? ` on conflict (${conflict.doNothingOn.map((c) => `"${c}"`).join(',')}) do nothing`
    : '';
  text = `insert into "${table}" (${quoted}) values ${tuples.join(',')}${onConflict}`;
  if (texts.size > 500) texts.clear();
  texts.set(key, text);
  return text;
}
