// The run: SQLite, then PostgreSQL when reachable, each in a database of its own that is removed at
// the end (BENCH_KEEP=1 keeps it), then the Markdown for bench/RESULTS.md.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DATABASES, KEEP, N, PG_URL, REQUESTS, WARMUP } from './config.mjs';
import { fmt, log } from './log.mjs';
import { printMarkdown } from './report.mjs';
import { benchDatabase } from './run-database.mjs';
import { seedPostgres } from './seed-postgres.mjs';
import { seedSqlite } from './seed-sqlite.mjs';
import { agent } from './server.mjs';

const cleanups = [];
let interrupted = false;

async function benchSqlite() {
  const dataDir = mkdtempSync(join(tmpdir(), 'piltuvas-bench-leads-'));
  const file = join(dataDir, 'piltuvas.sqlite');
  const cleanup = async () =>
    KEEP ? log(`  kept ${file}`) : rmSync(dataDir, { recursive: true, force: true });
  cleanups.push(cleanup);
  try {
    await benchDatabase('SQLite', {
      env: {},
      dataDir,
      seed: (ctx, anchorMs) => seedSqlite(file, ctx, anchorMs),
      describe: () => log(`  database file: ${fmt(statSync(file).size / 1048576)} MiB`),
    });
  } finally {
    if (!interrupted) await cleanup();
  }
}

async function pgReachable() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    log(`\nPostgreSQL not reachable at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} (${error.message}): skipped`);
    return null;
  }
}

async function benchPostgres() {
  const admin = await pgReachable();
  if (!admin) return;
  // A database of its own, not a schema: the app's migrator keeps its bookkeeping in `public`
  // whatever the search_path says, so a schema would neither be isolated nor re-runnable.
  const database = `bench_leads_${Date.now().toString(36)}`;
  const target = new URL(PG_URL);
  target.pathname = `/${database}`;
  const url = target.toString();
  const dataDir = mkdtempSync(join(tmpdir(), 'piltuvas-bench-leads-pg-'));
  await admin.query(`create database ${database}`);
  const cleanup = async () => {
    if (KEEP) log(`  kept database ${database}`);
    else await admin.query(`drop database if exists ${database} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  };
  cleanups.push(cleanup);
  try {
    await benchDatabase(`PostgreSQL (database ${database})`, {
      env: { DATABASE_URL: url },
      dataDir,
      seed: (ctx, anchorMs) => seedPostgres(url, ctx, anchorMs),
      describe: async () => {
        const { rows } = await admin.query('select pg_database_size($1) as size', [database]);
        log(`  database size: ${fmt(Number(rows[0].size) / 1048576)} MiB`);
      },
    });
  } finally {
    if (!interrupted) await cleanup();
    await admin.end();
  }
}

export async function main() {
  log(
    `Piltuvas leads benchmark — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${fmt(N)} leads; ${REQUESTS} sequential requests per case after ${WARMUP} warm-up, one connection`,
  );
  process.once('SIGINT', async () => {
    interrupted = true;
    log('\ninterrupted: cleaning up');
    for (const c of cleanups.reverse()) await c().catch(() => {});
    process.exit(130);
  });
  if (DATABASES.includes('sqlite')) await benchSqlite();
  if (DATABASES.includes('postgres')) await benchPostgres();
  printMarkdown();
  agent.destroy();
}
