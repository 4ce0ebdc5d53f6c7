import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from './config.js';

describe('configuration', () => {
  it('has defaults that run on SQLite in ./data on port 3000', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      baseUrl: 'http://localhost:3000',
      secureCookies: false,
    });
    expect(config.databaseUrl.endsWith(join('data', 'piltuvas.sqlite'))).toBe(true);
    expect(config.importHeapMegabytes).toBe(256);
    // a larger XLSX limit gives the import thread the heap to read such a workbook
    expect(parseConfig({ PILTUVAS_IMPORT_XLSX_MAX_MB: '20' }).importHeapMegabytes).toBe(480);
    expect(parseConfig({ PILTUVAS_IMPORT_HEAP_MB: '256' }).importHeapMegabytes).toBe(256);
  });

  it('uses PostgreSQL for a postgres:// DATABASE_URL and Secure cookies for an https base URL', () => {
    const config = parseConfig({
      DATABASE_URL: 'postgres://u@db/piltuvas',
      PILTUVAS_BASE_URL: 'https://crm.example.lt/',
    });
    expect(config.databaseUrl).toBe('postgres://u@db/piltuvas');
    expect(config.baseUrl).toBe('https://crm.example.lt');
    expect(config.secureCookies).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be an integer/],
    [{ PORT: '70000' }, /^PORT must be an integer/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL must be a postgres:\/\/ URL/],
    [{ PILTUVAS_BASE_URL: 'not a url' }, /^PILTUVAS_BASE_URL must be an http\(s\) URL/],
    [{ PILTUVAS_SESSION_SECRET: 'short' }, /^PILTUVAS_SESSION_SECRET must be at least 32/],
    [{ PILTUVAS_ADMIN_EMAIL: 'nope' }, /^PILTUVAS_ADMIN_EMAIL must be an e-mail/],
    [
      { PILTUVAS_ADMIN_PASSWORD: 'secret-secret' },
      /^PILTUVAS_ADMIN_PASSWORD is set but PILTUVAS_ADMIN_EMAIL is not/,
    ],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
    [{ PILTUVAS_TRUST_PROXY: 'maybe' }, /^PILTUVAS_TRUST_PROXY must be true or false/],
    [{ PILTUVAS_IMPORT_HEAP_MB: '16' }, /^PILTUVAS_IMPORT_HEAP_MB must be an integer/],
  ])('names the bad variable in %j', (env, message) => {
    expect(() => parseConfig(env)).toThrowError(ConfigError);
    expect(() => parseConfig(env)).toThrowError(message);
  });

  it('generates the session secret once and keeps it in the data dir', () => {
    const dir = mkdtempSync(join(tmpdir(), 'piltuvas-config-'));
    const first = loadConfig({ PILTUVAS_DATA_DIR: dir });
    const second = loadConfig({ PILTUVAS_DATA_DIR: dir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(first.sessionSecret);
  });
});
