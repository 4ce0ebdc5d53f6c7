// List imports at scale (issue #4): a generated CSV of BENCH_IMPORT_ROWS rows (default 1,000,000)
// imported into a database that already holds BENCH_LEADS leads (default 1,000,000, seeded as the
// leads benchmark seeds them), on SQLite and — when reachable — PostgreSQL. Reports rows/s (by the
// import's own startedAt/finishedAt, and wall time from the upload to "done") and the peak RSS of
// the server process (VmHWM), and checks the outcome on the database itself: created + updated +
// skipped + rejected = rows, leads grew by `created`, no e-mail key held twice that was not before,
// every row of the file once in the import's ledger. Goals: ≥ 20,000 rows/s on SQLite, ≥ 15,000 on
// PostgreSQL, peak RSS < 300 MB.
//
// The server is the BUILT app (`dist/cli/piltuvas.js start`) as a child process on loopback; the
// bench signs in as the seeded admin, POSTs the file to /api/v1/imports (multipart: file, mapping,
// match, mode, dryRun=false) and polls GET /api/v1/imports/{id} every second, sampling the server's
// VmRSS. The file (header First name,Last name,E-mail,Phone,Company,Job title,City; comma-separated)
// is generated once per run into the temp directory, streamed to disk, the same on every run: ~45 %
// new people, ~45 % people already in the database, ~5 % repeats of an earlier row's e-mail, ~5 %
// invalid (bad e-mail, ragged row), ~1 % with a quoted comma or line break.
//
//   BENCH_LEADS=20000 BENCH_IMPORT_ROWS=20000 node bench/imports.bench.mjs     small run
//   BENCH_KEEP=1 node bench/imports.bench.mjs    seed 1M leads once (minutes per dialect), keep the
//                   seed, and reuse a copy of it on the next BENCH_KEEP=1 runs
//   BENCH_IMPORT_ROWS   rows in the file (default 1000000)
//   BENCH_LEADS         leads in the database before the import (default 1000000, at least 1000)
//   BENCH_IMPORT_MODE   create_only (default; create-only is accepted) | update_empty | update | skip
//   BENCH_IMPORT_MATCH  email (default) or a comma list of email, phone, external_id
//   BENCH_IMPORT_KILL=1 SIGKILL the server at ~40 % (BENCH_IMPORT_KILL_AT=0.4), restart it on the
//                   same database, wait for the import to resume (its lease runs out after 60 s)
//                   and finish; the same checks
//   BENCH_IMPORT_STALL_SECONDS  give up after this long without progress (default 300)
//   BENCH_DB        sqlite,postgres (default both; PostgreSQL is skipped when unreachable)
//   PILTUVAS_TEST_PG_URL  PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test; needs
//                   the right to CREATE DATABASE)
//
// The code is in bench/imports/: config.mjs, databases.mjs (seed or reuse, copy), file.mjs (the
// CSV), db.mjs (direct reads and checks), run.mjs (upload, poll, kill), report.mjs; the seeding
// itself is bench/leads/'s.
import { ensureBuilt } from '../scripts/build.mjs';
import './imports/config.mjs'; // checks the settings before the (slow) build

ensureBuilt();
// Loaded only now: the seeder and the file derive keys with the app's compiled domain helpers (dist/).
const { main } = await import('./imports/main.mjs');
await main();
