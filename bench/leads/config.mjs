// The benchmark's settings (environment variables, documented in bench/leads.bench.mjs) and fixed
// figures. Importing this module checks BENCH_LEADS before anything slow happens.
export const N = Number(process.env.BENCH_LEADS ?? 1_000_000);
export const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
export const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
export const CASE_BUDGET_MS = Number(process.env.BENCH_CASE_SECONDS ?? 20) * 1000;
export const MIN_SAMPLES = 20;
export const DATABASES = (process.env.BENCH_DB ?? 'sqlite,postgres').split(',').map((s) => s.trim());
export const ROLES = (process.env.BENCH_ROLES ?? 'rep,admin').split(',').map((s) => s.trim());
export const KEEP = process.env.BENCH_KEEP === '1';
export const PG_URL = process.env.PILTUVAS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const GOAL_MS = 20;
export const CHUNK = 10_000; // leads per generated chunk = per SQLite transaction of each table
export const PG_ROWS = 1000; // rows per PostgreSQL INSERT statement
export const ADMIN = { email: 'bench-admin@example.lt', password: 'bench password 123' };
export const PASSWORD = 'bench password 123';
export const DAY = 86_400_000;

if (!Number.isInteger(N) || N < 1000) throw new Error('BENCH_LEADS must be an integer ≥ 1000');
