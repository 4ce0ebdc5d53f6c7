// The import benchmark's settings (environment variables, documented in bench/imports.bench.mjs).
// The seeded database's size, the dialects, BENCH_KEEP, the PostgreSQL server and the admin are the
// leads benchmark's (bench/leads/config.mjs): the same seed serves both.
export { ADMIN, DATABASES, KEEP, N as LEADS, PG_URL } from '../leads/config.mjs';

const MODES = ['create_only', 'update_empty', 'update', 'skip'];
const MATCH_KEYS = ['email', 'phone', 'external_id'];

export const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
/** `create-only` is taken for `create_only`: the API's spelling is the underscore one. */
export const MODE = (process.env.BENCH_IMPORT_MODE ?? 'create_only').trim().replace(/-/g, '_');
export const MATCH = (process.env.BENCH_IMPORT_MATCH ?? 'email').split(',').map((s) => s.trim());
export const KILL = process.env.BENCH_IMPORT_KILL === '1';
/** Where the server is killed (BENCH_IMPORT_KILL=1): the import's own progress, 0–1. */
export const KILL_AT = Number(process.env.BENCH_IMPORT_KILL_AT ?? 0.4);
/** No progress for this long (outside a kill's restart) stops the run as failed. */
export const STALL_MS = Number(process.env.BENCH_IMPORT_STALL_SECONDS ?? 300) * 1000;
export const POLL_MS = 1000;

/** Goals from issue #4. */
export const GOALS = { sqlite: 20_000, postgres: 15_000, rssMb: 300 };

/** The file's shares of rows; the rest (≈ 1 % of the valid ones) also carry a quoted field. */
export const SHARES = { fresh: 0.45, existing: 0.45, repeat: 0.05, invalid: 0.05 };
export const QUOTED_SHARE = 0.011;
/** The header; the mapping below sends every column to a field. */
export const HEADER = ['First name', 'Last name', 'E-mail', 'Phone', 'Company', 'Job title', 'City'];
export const MAPPING = {
  'First name': 'person.firstName',
  'Last name': 'person.lastName',
  'E-mail': 'person.email',
  Phone: 'person.phone',
  Company: 'organisation.name',
  'Job title': 'person.jobTitle',
  City: 'person.city',
};

if (!Number.isInteger(ROWS) || ROWS < 100) throw new Error('BENCH_IMPORT_ROWS must be an integer ≥ 100');
if (!MODES.includes(MODE)) throw new Error(`BENCH_IMPORT_MODE must be one of ${MODES.join(', ')}`);
if (!MATCH.length || MATCH.some((m) => !MATCH_KEYS.includes(m)))
  throw new Error(`BENCH_IMPORT_MATCH must be a comma list of ${MATCH_KEYS.join(', ')}`);
if (!(KILL_AT > 0 && KILL_AT < 1)) throw new Error('BENCH_IMPORT_KILL_AT must be between 0 and 1');
