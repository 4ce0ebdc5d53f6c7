import { CompiledQuery, type Insertable, SqliteAdapter } from 'kysely';
import type { Database, Db } from './database.js';

/** Bind parameters per SQLite statement, under its limit of 32,766. */
const MAX_PARAMETERS = 30_000;
/** Rows per statement at most: bigger statements stop paying off (measured in bench/imports). */
const MAX_ROWS = 256;

type Row<T extends keyof Database> = Insertable<Database[T]>;

/** What a row whose unique key exists already does: nothing, or update the columns named. */
export type Conflict =
  | { doNothingOn: readonly string[] }
  | { updateOn: readonly string[]; set: readonly string[] };

/**
 * Inserts many rows of one table without the query builder (compiling a 500-row insert costs more
 * than running it: PERFORMANCE-NOTES). Every row must have the same columns as the first. SQLite:
 * multi-row `INSERT … VALUES (…), (…)` statements whose sizes are powers of two, so its statement
 * cache (db/connect.ts) holds a handful of texts per table and reuses them. PostgreSQL: see below.
 * `conflict`: on these unique columns, `do nothing` (the row already written is kept) or `update` these
 * columns to the new row's values. Rows of one call must not repeat a key that updates.
 */
export async function insertMany<T extends keyof Database>(
  db: Db,
  table: T,
  rows: readonly Row<T>[],
  conflict?: Conflict,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (!sqlite) return insertManyPostgres(db, table, columns, rows, conflict);
  const perStatement = Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length));
  let at = 0;
  while (at < rows.length) {
    const left = rows.length - at;
    const size = left >= perStatement ? perStatement : 2 ** Math.floor(Math.log2(left));
    const parameters: unknown[] = [];
    for (let i = at; i < at + size; i++) {
      const row = rows[i] as Record<string, unknown>;
      for (const c of columns) parameters.push(wellFormed(c, row[c] ?? null));
    }
    await db.executeQuery(CompiledQuery.raw(statementText(table, columns, size, conflict), parameters));
    at += size;
  }
}

/** Rows per PostgreSQL statement: one JSON parameter each, so only memory bounds it. */
const POSTGRES_ROWS = 5_000;

/**
 * PostgreSQL: the rows travel as one JSON parameter that `json_populate_recordset` turns into the
 * table's own row type — one statement per 5,000 rows, each value converted to its column's type
 * by the server, and no limit of 65,535 bind parameters.
 */
async function insertManyPostgres(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly object[],
  conflict: Conflict | undefined,
): Promise<void> {
  const { quoted, onConflict } = clauses(columns, conflict);
  const text = `insert into "${table}" (${quoted}) select ${quoted} from json_populate_recordset(null::"${table}", $1::json)${onConflict}`;
  for (let at = 0; at < rows.length; at += POSTGRES_ROWS) {
    const json = JSON.stringify(rows.slice(at, at + POSTGRES_ROWS), wellFormed);
    await db.executeQuery(CompiledQuery.raw(text, [json]));
  }
}

/**
 * Half an emoji (a lone surrogate such as `\ud83d`, e.g. cut by a slice) becomes U+FFFD before it is
 * stored: PostgreSQL's JSON parser refuses it, and SQLite would keep three replacement characters
 * where PostgreSQL keeps one — both databases now store the same text.
 */
function wellFormed(_key: string, value: unknown): unknown {
  return typeof value === 'string' && !value.isWellFormed() ? value.toWellFormed() : value;
}

/** The quoted column list and the `on conflict` clause, as both dialects' statements use them. */
function clauses(columns: readonly string[], conflict: Conflict | undefined) {
  const quote = (names: readonly string[]) => names.map((c) => `"${c}"`).join(',');
  return {
    quoted: quote(columns),
    onConflict: !conflict
      ? ''
      : 'doNothingOn' in conflict
        ? ` on conflict (${quote(conflict.doNothingOn)}) do nothing`
        : ` on conflict (${quote(conflict.updateOn)}) do update set ${conflict.set.map((c) => `"${c}" = excluded."${c}"`).join(',')}`,
  };
}

const texts = new Map<string, string>();

function statementText(
  table: string,
  columns: readonly string[],
  rows: number,
  conflict: Conflict | undefined,
): string {
  const key = `${table}|${columns.join(',')}|${rows}|${JSON.stringify(conflict ?? null)}`;
  let text = texts.get(key);
  if (text) return text;
  const tuples: string[] = [];
  const tuple = `(${columns.map(() => '?').join(',')})`;
  for (let r = 0; r < rows; r++) tuples.push(tuple);
  const { quoted, onConflict } = clauses(columns, conflict);
  text = `insert into "${table}" (${quoted}) values ${tuples.join(',')}${onConflict}`;
  if (texts.size > 500) texts.clear();
  texts.set(key, text);
  return text;
}
