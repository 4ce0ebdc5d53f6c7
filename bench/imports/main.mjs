// The run: the file (once), then SQLite and PostgreSQL when reachable, each on its own seeded
// database; the report at the end. Ctrl+C removes what the run made (not a kept seed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { fmt, log, secs } from '../leads/log.mjs';
import { DATABASES, GOALS, KEEP, KILL, LEADS, MATCH, MODE, PG_URL, ROWS } from './config.mjs';
import { postgresDatabase, sqliteDatabase } from './databases.mjs';
import { seededPeople } from './db.mjs';
import { writeImportFile } from './file.mjs';
import { printReport } from './report.mjs';
import { runImport } from './run.mjs';

const cleanups = new Set();
const results = [];
let file = null;

async function withCleanup(fn, cleanup) {
  cleanups.add(cleanup);
  try {
    return await fn();
  } finally {
    cleanups.delete(cleanup);
    await cleanup();
  }
}

/** The file, generated once per run from the first database's seeded people. */
async function fileFor(target, dir) {
  if (file) return file;
  const t0 = performance.now();
  const db = await target.reader();
  try {
    file = await writeImportFile(dir, (wanted) => seededPeople(db, wanted));
  } finally {
    await db.close();
  }
  const k = file.kinds;
  log(
    `  wrote ${file.path}: ${fmt(file.rows)} rows, ${(file.bytes / 1048576).toFixed(1)} MiB in ${secs(performance.now() - t0)} — ${fmt(k.fresh)} new, ${fmt(k.existing)} existing, ${fmt(k.repeat)} repeats, ${fmt(k.invalid)} invalid (${fmt(k.badEmail)} bad e-mails, ${fmt(k.ragged)} ragged), ${fmt(k.quoted)} with a quoted comma or line break${file.wrapped ? `; ${fmt(file.wrapped)} existing rows repeat a seeded person (more than BENCH_LEADS)` : ''}`,
  );
  return file;
}

async function benchOne(label, open, dir) {
  log(`\n=== ${label}: ${fmt(ROWS)} rows into ${fmt(LEADS)} leads ===`);
  try {
    const target = await open();
    await withCleanup(async () => {
      const r = await runImport(target, await fileFor(target, dir));
      results.push(r);
      log(
        `  ${r.status}: ${r.rowsPerSecImport === null ? '—' : fmt(r.rowsPerSecImport)} rows/s by the import's timestamps, ${fmt(r.rowsPerSecWall)} rows/s wall; peak RSS ${fmt(r.peakMb)} MB — ${r.ok ? 'all checks pass' : 'CHECKS FAILED'}`,
      );
    }, target.cleanup);
  } catch (error) {
    log(`  ${label} failed: ${error.stack ?? error}`);
    process.exitCode = 1;
  }
}

async function pgAdmin() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    log(`\nPostgreSQL not reachable at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} (${error.message}): skipped`);
    return null;
  }
}

export async function main() {
  log(
    `Piltuvas import benchmark — ${new Date().toISOString().slice(0, 10)}, node ${process.version}; ${fmt(ROWS)} rows into ${fmt(LEADS)} leads, mode ${MODE}, match ${MATCH.join(', ')}${KILL ? ', SIGKILL at ~40 %' : ''}${KEEP ? ', seed kept and reused (BENCH_KEEP=1)' : ''}. Goals: ≥ ${fmt(GOALS.sqlite)} rows/s SQLite, ≥ ${fmt(GOALS.postgres)} rows/s PostgreSQL, peak RSS < ${GOALS.rssMb} MB`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'piltuvas-bench-imports-file-'));
  const removeFile = async () => rmSync(dir, { recursive: true, force: true });
  cleanups.add(removeFile);
  process.once('SIGINT', async () => {
    log('\ninterrupted: cleaning up');
    for (const c of [...cleanups].reverse()) await c().catch(() => {});
    process.exit(130);
  });
  if (DATABASES.includes('sqlite')) await benchOne('SQLite', sqliteDatabase, dir);
  if (DATABASES.includes('postgres')) {
    const admin = await pgAdmin();
    if (admin) {
      try {
        await benchOne('PostgreSQL', () => postgresDatabase(admin), dir);
      } finally {
        await admin.end();
      }
    }
  }
  if (file) printReport(results, file);
  cleanups.delete(removeFile);
  await removeFile();
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}
