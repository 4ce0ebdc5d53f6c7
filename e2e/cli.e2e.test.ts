import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, cli, type RunningServer, startBuiltServer, tempDataDir } from './support.js';

describe('the piltuvas command and the built server', () => {
  const dataDir = tempDataDir();
  const env = { PILTUVAS_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  let server: RunningServer | undefined;

  beforeAll(() => {
    expect(cli(['migrate'], env)).toMatchObject({ status: 0 });
  });
  afterAll(async () => server?.stop());

  it('exits non-zero with one line naming a bad variable', () => {
    const res = cli(['start'], { ...env, PORT: 'abc' });
    expect(res.status).not.toBe(0);
    expect(res.stderr.trim().split('\n')).toEqual([
      'piltuvas: invalid configuration: PORT must be an integer from 0 to 65535 (got "abc")',
    ]);
  });

  it('creates a user, resets the password, and issues a token that works against the server', async () => {
    const created = cli(
      ['user', 'create', '--email', 'Cli@Example.lt', '--name', 'Cli Rep', '--role', 'rep'],
      env,
    );
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/created rep cli@example\.lt/);
    expect(created.stdout).toMatch(/password: \S{20}/);
    const dup = cli(['user', 'create', '--email', 'cli@example.lt', '--name', 'Again', '--role', 'rep'], env);
    expect(dup.status).toBe(1);
    expect(dup.stderr).toContain('email is already in use');
    const reset = cli(
      ['user', 'reset-password', '--email', 'cli@example.lt', '--password', 'a new cli password'],
      env,
    );
    expect(reset.status).toBe(0);
    const token = cli(['token', 'create', '--email', 'cli@example.lt', '--name', 'integration'], env);
    expect(token.status).toBe(0);
    const secret = token.stdout.trim();
    expect(secret).toMatch(/^pvt_/);

    server = await startBuiltServer(dataDir);
    const me = await fetch(`${server.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('cli@example.lt');
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'cli@example.lt', password: 'a new cli password' }),
    });
    expect(login.status).toBe(200);
  });

  it('does not create the first admin when users already exist', async () => {
    expect(server!.output()).not.toContain('first administrator created');
    const login = await fetch(`${server!.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(401);
  });

  it('answers an unknown user with one clear line', () => {
    const res = cli(['token', 'create', '--email', 'nobody@example.lt', '--name', 'x'], env);
    expect(res.status).toBe(1);
    expect(res.stderr.trim()).toBe('piltuvas: no user with e-mail nobody@example.lt');
  });
});
