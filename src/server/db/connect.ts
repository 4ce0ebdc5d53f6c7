import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

export type DialectName = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, for logs (a file path, or a URL without its password). */
  location: string;
  /** PostgreSQL: the schema in use when not the default. */
  schema?: string | undefined;
}

export interface ConnectOptions {
  /** `postgres://…` for PostgreSQL; anything else is a SQLite file path. */
  url: string;
  /** PostgreSQL only: a schema to put first on the search path (tests use one per suite). */
  schema?: string;
  poolSize?: number;
  /** Told about errors of idle pooled connections (pg reconnects on the next query). */
  onPoolError?: (error: Error) => void;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Opens Kysely over PostgreSQL (pg pool) or SQLite (better-sqlite3: WAL, foreign keys, busy timeout). */
export function connect(options: ConnectOptions): DbHandle {
  if (isPostgresUrl(options.url)) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path="${options.schema}"` } : {}),
    });
    // why: without a listener, an idle connection dropped by the server (restart, failover) kills the process.
    pool.on('error', (error) => options.onPoolError?.(error));
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
      location: redact(options.url),
      schema: options.schema,
    };
  }
  mkdirSync(dirname(options.url), { recursive: true });
  const sqlite = new SQLite(options.url);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }),
    dialect: 'sqlite',
    location: options.url,
  };
}

/** Prepared statements kept per SQL text (Kysely prepares every query anew otherwise). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * The database with `prepare` remembered per SQL text: preparing costs about as much as running a
 * small query, and the app runs the same few hundred statements over and over. Kysely runs a
 * statement to the end (`all`/`run`) before the next one on this single connection, so a cached
 * statement is never busy when it is reused (streamed queries would be; the app has none).
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property, receiver);
        // why: native methods need the real database as `this`, not the proxy.
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (text: string) => {
        // why: a deferred transaction that reads, then writes, fails at once (SQLITE_BUSY_SNAPSHOT)
        // when another connection wrote in between — busy_timeout does not help it. Taking the
        // write lock at BEGIN makes it wait its turn instead (the background thread has its own connection).
        const source = text === 'begin' ? 'begin immediate' : text;
        let statement = cache.get(source);
        if (statement) return statement;
        statement = prepare(source);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(source, statement);
        return statement;
      };
    },
  });
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    // why: an unparsable URL is reported by pg itself on connect; never echo it with secrets.
    return 'postgres://(unparsable)';
  }
}
