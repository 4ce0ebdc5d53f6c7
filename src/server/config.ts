import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../domain/accounts/user.js';
import { isPostgresUrl } from './db/connect.js';

export interface Config {
  port: number;
  host: string;
  /** `postgres://…`, or the path of the SQLite file. */
  databaseUrl: string;
  dataDir: string;
  baseUrl: string;
  /** Session cookies get `Secure` when the base URL is https. */
  secureCookies: boolean;
  sessionSecret: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  logLevel: string;
  /** Trust X-Forwarded-* from a reverse proxy (for the client IP in rate limits). */
  trustProxy: boolean;
  /** Sign-in attempts allowed per client address per minute (lockout per e-mail comes on top). */
  loginRateLimit: number;
  /** Submissions per public form per client address per minute before 429 (more than 3 go to quarantine). */
  formRateLimit: number;
  /** Chat conversations one client address starts per minute on all widgets together before 429. */
  chatStartRateLimit: number;
  /** Chat event streams one client address may hold open at once (per process) before 429. */
  chatStreamsPerAddress: number;
  /** The largest file a list import takes, in MiB. */
  importMaxMegabytes: number;
  /** The largest XLSX file a list import takes, in MiB: a workbook's text is read into memory. */
  importXlsxMaxMegabytes: number;
  /** Heap (old generation, MiB) of the thread imports run on: an import's garbage is collected within it. */
  importHeapMegabytes: number;
  /** Start an import as soon as it is queued (else the recurring job does, within seconds; tests drive it). */
  startImportsAtOnce: boolean;
  /** The organisation's time zone: what "today" means for temperatures, revisits and reports. */
  timeZone: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads and validates the configuration. Every problem names its variable, e.g.
 * `PORT must be an integer from 1 to 65535 (got "abc")`. The session secret is not resolved here.
 */
export function parseConfig(env: Env): Omit<Config, 'sessionSecret'> & { sessionSecret: string | undefined } {
  const port = intVar(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST?.trim() || '0.0.0.0';
  const dataDir = resolve(env.PILTUVAS_DATA_DIR?.trim() || './data');
  const rawDb = env.DATABASE_URL?.trim();
  if (
    rawDb &&
    !isPostgresUrl(rawDb) &&
    !rawDb.startsWith('file:') &&
    /^[a-z][a-z0-9+.-]*:\/\//i.test(rawDb)
  ) {
    throw new ConfigError(
      `DATABASE_URL must be a postgres:// URL or unset for SQLite (got "${rawDb.split(':')[0]}://…")`,
    );
  }
  const databaseUrl = rawDb
    ? isPostgresUrl(rawDb)
      ? rawDb
      : resolve(rawDb.replace(/^file:/, ''))
    : join(dataDir, 'piltuvas.sqlite');
  const baseUrl = urlVar(env, 'PILTUVAS_BASE_URL', `http://localhost:${port || 3000}`);
  const sessionSecret = env.PILTUVAS_SESSION_SECRET;
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    throw new ConfigError('PILTUVAS_SESSION_SECRET must be at least 32 characters long');
  }
  const adminEmail = env.PILTUVAS_ADMIN_EMAIL?.trim() || undefined;
  const adminPassword = env.PILTUVAS_ADMIN_PASSWORD || undefined;
  if (adminEmail && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError(`PILTUVAS_ADMIN_EMAIL must be an e-mail address (got "${adminEmail}")`);
  }
  if (adminPassword && !adminEmail) {
    throw new ConfigError('PILTUVAS_ADMIN_PASSWORD is set but PILTUVAS_ADMIN_EMAIL is not');
  }
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const trustProxy = boolVar(env, 'PILTUVAS_TRUST_PROXY', false);
  const loginRateLimit = intVar(env, 'PILTUVAS_LOGIN_RATE_LIMIT', 30, 1, 100_000);
  const formRateLimit = intVar(env, 'PILTUVAS_FORM_RATE_LIMIT', 10, 1, 1_000_000);
  const chatStartRateLimit = intVar(env, 'PILTUVAS_CHAT_START_RATE_LIMIT', 20, 1, 1_000_000);
  const chatStreamsPerAddress = intVar(env, 'PILTUVAS_CHAT_STREAMS_PER_ADDRESS', 20, 1, 100_000);
  const importMaxMegabytes = intVar(env, 'PILTUVAS_IMPORT_MAX_MB', 100, 1, 10_000);
  const importXlsxMaxMegabytes = intVar(env, 'PILTUVAS_IMPORT_XLSX_MAX_MB', 10, 1, 10_000);
  // why: reading a workbook holds its text; a 10.5 MB one ran a 96 MB heap out of memory, 256 MB took it
  const importHeapMegabytes = intVar(
    env,
    'PILTUVAS_IMPORT_HEAP_MB',
    Math.max(256, 24 * importXlsxMaxMegabytes),
    32,
    65_536,
  );
  const timeZone = env.PILTUVAS_TIME_ZONE?.trim() || DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) {
    throw new ConfigError(
      `PILTUVAS_TIME_ZONE must be an IANA time zone such as Europe/Vilnius (got "${timeZone}")`,
    );
  }
  return {
    port,
    host,
    databaseUrl,
    dataDir,
    baseUrl,
    secureCookies: baseUrl.startsWith('https:'),
    sessionSecret,
    adminEmail,
    adminPassword,
    logLevel,
    trustProxy,
    loginRateLimit,
    formRateLimit,
    chatStartRateLimit,
    chatStreamsPerAddress,
    importMaxMegabytes,
    importXlsxMaxMegabytes,
    importHeapMegabytes,
    startImportsAtOnce: true,
    timeZone,
  };
}

/** Full configuration: validated env plus the session secret, generated once and kept in the data dir. */
export function loadConfig(env: Env = process.env): Config {
  const parsed = parseConfig(env);
  return { ...parsed, sessionSecret: parsed.sessionSecret ?? readOrCreateSecret(parsed.dataDir) };
}

function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // why 'wx': two instances starting at once must not overwrite each other's secret.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function urlVar(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    return url.origin + url.pathname.replace(/\/$/, '');
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL (got "${raw}")`);
  }
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}
