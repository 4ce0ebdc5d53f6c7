// Scoring benchmark (issue #5): a full rescore of every lead after a rule change, through the
// built app on a seeded database (the leads benchmark's seed: 1,000,000 leads by default).
//
//   BENCH_DB=sqlite,postgres   which databases (default both; PostgreSQL skipped when unreachable)
//   BENCH_LEADS=1000000        leads in the seed
//   BENCH_KEEP=1               seed once, keep it, and run on a copy (bench/imports/databases.mjs)
//
// Prints, per database: the first rescore (every lead gets its score rows) and a rescore after one
// more rule (only the leads it changes are rewritten), leads/s each, and the server's peak RSS.
// Goal: a full rescore of 1,000,000 leads after a rule change under 30 s on SQLite.
import { main } from './scoring/main.mjs';

await main();
