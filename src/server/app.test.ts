import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/dialects.js';
import { problem, useTestApp } from '../../test/harness.js';
import { BODY_LIMIT_BYTES } from './app.js';

describeEachDialect('HTTP basics', (dialect) => {
  const t = useTestApp(dialect);

  it('answers /healthz and /readyz with 200 once migrated', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
  });

  it('never routes around authentication with an encoded path', async () => {
    for (const url of [
      '/%61pi/v1/users',
      '/%61pi/v1/tokens',
      '/%61pi/v1/audit',
      '/api/v1/%75sers',
      '/%61pi/v1/auth/me',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      problem(res);
    }
  });

  it('sends security headers: no framing, no sniffing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.lt", "password": ',
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).detail).toMatch(/not valid JSON/);
  });

  it('answers an oversized body with a 413 problem', async () => {
    const s = await t.signedIn('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: { ...s.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(BODY_LIMIT_BYTES + 10) }),
    });
    expect(res.statusCode).toBe(413);
    problem(res);
  });

  it('answers an unknown API route with a 404 problem, signed in or not', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(anonymous.statusCode).toBe(404);
    expect(problem(anonymous).detail).toContain('/api/v1/nothing-here');
    const s = await t.signedIn('rep');
    const signed = await t.app.inject({ method: 'DELETE', url: '/api/v1/users', headers: s.headers });
    expect(signed.statusCode).toBe(404);
  });

  it('answers a wrong type naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 5, password: true },
    });
    expect(res.statusCode).toBe(400);
    expect(
      problem(res)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['email', 'password']);
  });

  it('lists every API route in the OpenAPI document and serves its UI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const served = t.routes
      .filter((r) => r.includes(' /api/v1/') || r.endsWith('/healthz') || r.endsWith('/readyz'))
      .map((r) => r.replace(/:(\w+)/g, '{$1}'));
    expect(served.length).toBeGreaterThanOrEqual(18);
    for (const route of served) expect(documented, route).toContain(route);
    expect(doc.components.schemas.Problem).toBeTruthy();
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect([200, 302]).toContain(ui.statusCode);
  });
});
