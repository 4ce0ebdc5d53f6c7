// Leads at scale (issue #3): seeds BENCH_LEADS leads (default 1,000,000) with one person each (one
// e-mail, one phone), ~N/5 organisations and ~3×N activities, on SQLite and — when reachable —
// PostgreSQL, then times the lead screens through HTTP, one request at a time, as a rep and as the
// admin: p50 / p95 / max per case against the goal p95 < 20 ms (the goal is SQLite's).
//
// The server is the BUILT app (`dist/cli/piltuvas.js start`) as a child process on loopback. It
// creates the database (migrations) and the users, teams, products and campaigns through its own
// API; the bulk rows are then written with raw prepared statements (SQLite) or 1000-row INSERTs
// (PostgreSQL), shaped as the app writes them: UUIDv7 ids, ISO timestamps, search texts from the
// app's compiled domain helpers — checked column by column against a lead made through the API.
// PostgreSQL gets a fresh database (CREATE DATABASE bench_leads_…), dropped at the end.
//
//   BENCH_LEADS=20000 node bench/leads.bench.mjs        small run (seconds)
//   BENCH_LEADS     leads to seed (default 1000000)
//   BENCH_DB        sqlite,postgres (default both; PostgreSQL is skipped when unreachable)
//   BENCH_ROLES     rep,admin (default; `manager` may be added)
//   BENCH_REQUESTS  timed requests per case (default 200), BENCH_WARMUP (default 20)
//   BENCH_CASE_SECONDS  time budget per case (default 20; at least 20 requests are always timed)
//   BENCH_KEEP=1    keep the SQLite file / PostgreSQL database for inspection (prints where)
//   PILTUVAS_TEST_PG_URL  PostgreSQL server to use (default postgres://postgres@127.0.0.1:5432/test;
//                   needs the right to CREATE DATABASE)
//
// The code is in bench/leads/: data.mjs, random.mjs, contacts.mjs, timeline.mjs and generate.mjs
// make the rows; seed.mjs loads them (seed-sqlite.mjs, seed-postgres.mjs write them; indexes.mjs,
// check.mjs); server.mjs, accounts.mjs, cases.mjs and measure.mjs time the screens; report.mjs prints.
import { ensureBuilt } from '../scripts/build.mjs';
import './leads/config.mjs'; // checks BENCH_LEADS before the (slow) build

ensureBuilt();
// Loaded only now: the bench derives its columns with the app's compiled domain helpers (dist/).
const { main } = await import('./leads/main.mjs');
await main();
