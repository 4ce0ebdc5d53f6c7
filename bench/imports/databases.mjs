// The 1M-lead database each dialect imports into: seeded by the leads benchmark's code
// (bench/leads/: the app creates the schema, users and catalogue, the bulk rows are written raw),
// or — with BENCH_KEEP=1 — seeded once, kept, and copied for each run, so every run starts from
// the same database (an import changes it: its new people would be "existing" the next time).
//
//   SQLite: the kept seed is <tmpdir>/piltuvas-bench-imports-seed-<leads>/ (seeded.json marks it
//           complete); a run works on a copy of its data directory.
//   PostgreSQL: the kept seed is the database bench_imports_seed_<leads> (its comment marks it
//           complete); a run works on CREATE DATABASE … TEMPLATE it.
// Without BENCH_KEEP the run seeds a database of its own and removes it at the end.
import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccounts } from '../leads/accounts.mjs';
import { DAY } from '../leads/config.mjs';
import { fmt, log, secs } from '../leads/log.mjs';
import { printSeedStats } from '../leads/report.mjs';
import { seedPostgres } from '../leads/seed-postgres.mjs';
import { seedSqlite } from '../leads/seed-sqlite.mjs';
import { startServer } from '../leads/server.mjs';
import { KEEP, LEADS, PG_URL } from './config.mjs';
import { postgresReader, sqliteReader } from './db.mjs';

const KEPT_SQLITE = join(tmpdir(), `piltuvas-bench-imports-seed-${LEADS}`);
const KEPT_PG = `bench_imports_seed_${LEADS}`;
const MARK = 'piltuvas bench seed';

/** The app creates the database (migrations, admin), users and catalogue; then the bulk load. */
async function seedWith(dataDir, env, seed) {
  log(`  seeding ${fmt(LEADS)} leads (bench/leads)…`);
  const server = await startServer(dataDir, env);
  let ctx;
  try {
    ctx = await createAccounts(server.port);
  } finally {
    await server.stop();
  }
  const stats = await seed(ctx, Math.floor(Date.now() / DAY) * DAY);
  printSeedStats(stats);
}

/** A data directory's files (the SQLite file, its WAL if any, the session secret), copied. */
function copyDir(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) copyDir(join(from, entry.name), join(to, entry.name));
    else copyFileSync(join(from, entry.name), join(to, entry.name), constants.COPYFILE_FICLONE);
  }
}

/**
 * → { name, dialect, dataDir, env, reader(), cleanup() }: where the server runs and how the bench
 * reads the same database directly.
 */
export async function sqliteDatabase() {
  const work = mkdtempSync(join(tmpdir(), 'piltuvas-bench-imports-run-'));
  const file = join(work, 'piltuvas.sqlite');
  const base = {
    name: 'SQLite',
    dialect: 'sqlite',
    dataDir: work,
    env: {},
    reader: () => sqliteReader(file),
    cleanup: async () => rmSync(work, { recursive: true, force: true }),
  };
  if (!KEEP) {
    if (existsSync(join(KEPT_SQLITE, 'seeded.json')))
      log(`  (a seed is kept in ${KEPT_SQLITE}; BENCH_KEEP=1 would reuse it)`);
    await seedWith(work, {}, (ctx, anchorMs) => seedSqlite(file, ctx, anchorMs));
    return base;
  }
  const marker = join(KEPT_SQLITE, 'seeded.json');
  const data = join(KEPT_SQLITE, 'data');
  if (existsSync(marker)) {
    log(`  reusing the seed kept in ${KEPT_SQLITE} (${JSON.parse(readFileSync(marker, 'utf8')).seededAt})`);
  } else {
    rmSync(KEPT_SQLITE, { recursive: true, force: true });
    mkdirSync(data, { recursive: true });
    await seedWith(data, {}, (ctx, anchorMs) => seedSqlite(join(data, 'piltuvas.sqlite'), ctx, anchorMs));
    writeFileSync(marker, JSON.stringify({ leads: LEADS, seededAt: new Date().toISOString() }));
    log(`  kept the seed in ${KEPT_SQLITE} for the next BENCH_KEEP=1 run`);
  }
  const t0 = performance.now();
  copyDir(data, work);
  log(
    `  copied it for this run (${fmt(statSync(file).size / 1048576)} MiB, ${secs(performance.now() - t0)}): ${work}`,
  );
  return base;
}

const urlOf = (database) => {
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  return url.toString();
};

/** `admin`: a pg client on PG_URL's database, allowed to CREATE DATABASE. */
export async function postgresDatabase(admin) {
  const dataDir = mkdtempSync(join(tmpdir(), 'piltuvas-bench-imports-pg-'));
  const make = (database) => ({
    name: 'PostgreSQL',
    dialect: 'postgres',
    database,
    dataDir,
    env: { DATABASE_URL: urlOf(database) },
    reader: () => postgresReader(urlOf(database)),
    cleanup: async () => {
      await admin.query(`drop database if exists ${database} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
  if (!KEEP) {
    const { rows } = await admin.query('select 1 from pg_database where datname = $1', [KEPT_PG]);
    if (rows.length) log(`  (a seed is kept in database ${KEPT_PG}; BENCH_KEEP=1 would reuse it)`);
    const database = `bench_imports_${Date.now().toString(36)}`;
    await admin.query(`create database ${database}`);
    const db = make(database);
    try {
      await seedWith(dataDir, db.env, (ctx, anchorMs) => seedPostgres(urlOf(database), ctx, anchorMs));
    } catch (error) {
      await db.cleanup();
      throw error;
    }
    return db;
  }
  const { rows } = await admin.query(
    `select shobj_description(oid, 'pg_database') as note from pg_database where datname = $1`,
    [KEPT_PG],
  );
  if (rows[0]?.note?.startsWith(MARK)) {
    log(`  reusing the seed kept in database ${KEPT_PG} (${rows[0].note})`);
  } else {
    if (rows.length) await admin.query(`drop database ${KEPT_PG} with (force)`); // an unfinished seed
    await admin.query(`create database ${KEPT_PG}`);
    await seedWith(dataDir, { DATABASE_URL: urlOf(KEPT_PG) }, (ctx, anchorMs) =>
      seedPostgres(urlOf(KEPT_PG), ctx, anchorMs),
    );
    await admin.query(
      `comment on database ${KEPT_PG} is '${MARK}: ${LEADS} leads, ${new Date().toISOString()}'`,
    );
    log(`  kept the seed in database ${KEPT_PG} for the next BENCH_KEEP=1 run`);
  }
  const database = `bench_imports_run_${Date.now().toString(36)}`;
  const t0 = performance.now();
  try {
    // why FILE_COPY: the default (WAL_LOG, PostgreSQL 15+) writes every block of a multi-GB
    // database to the WAL; a file copy after a checkpoint is much quicker.
    await admin.query(`create database ${database} template ${KEPT_PG} strategy file_copy`);
  } catch (error) {
    if (!/strategy/i.test(error.message)) throw error;
    await admin.query(`create database ${database} template ${KEPT_PG}`); // before PostgreSQL 15
  }
  log(`  copied it for this run (database ${database}, ${secs(performance.now() - t0)})`);
  return make(database);
}
