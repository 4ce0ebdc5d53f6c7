import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, useTestApp } from '../../../../test/harness.js';

describeEachDialect('users administration', (dialect) => {
  const t = useTestApp(dialect);

  describe('refusals', () => {
    it('answers 401 without a session on every admin route', async () => {
      for (const [method, url] of [
        ['GET', '/api/v1/users'],
        ['POST', '/api/v1/users'],
        ['GET', '/api/v1/teams'],
        ['POST', '/api/v1/teams'],
        ['GET', '/api/v1/tokens'],
      ] as const) {
        const res = await t.app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
        expect(res.statusCode, `${method} ${url}`).toBe(401);
        problem(res);
      }
    });

    it.each(['manager', 'rep', 'marketer'] as const)('answers 403 to a %s on admin routes', async (role) => {
      const s = await t.signedIn(role);
      const admin = await t.newUser({ role: 'admin' });
      for (const [method, url, payload] of [
        ['GET', '/api/v1/users', undefined],
        ['GET', `/api/v1/users/${admin.id}`, undefined],
        ['PATCH', `/api/v1/users/${s.user.id}`, { role: 'admin' }],
        ['POST', '/api/v1/users', { email: 'x@example.lt', name: 'X', role: 'admin' }],
        ['GET', '/api/v1/teams', undefined],
        ['POST', '/api/v1/teams', { name: 'Mine' }],
        ['GET', '/api/v1/tokens', undefined],
        ['POST', '/api/v1/tokens', { name: 'mine' }],
      ] as const) {
        const res = await t.app.inject({ method, url, headers: s.headers, payload });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(problem(res).type).toContain('forbidden');
      }
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers });
      expect(me.json().user.role).toBe(role);
    });

    it('answers 403 to a non-admin API token as well', async () => {
      const rep = await t.newUser({ role: 'rep' });
      const { headers } = await t.bearer(rep);
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers });
      expect(res.statusCode).toBe(403);
    });
  });

  it('creates a user who can then sign in, and lists them', async () => {
    const admin = await t.signedIn('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        email: 'Rita@Example.LT',
        name: 'Rita Rep',
        role: 'rep',
        password: 'rita likes leads',
        locale: 'en',
      },
    });
    expect(res.statusCode).toBe(201);
    const { user, generatedPassword } = res.json();
    expect(generatedPassword).toBeUndefined();
    expect(user).toMatchObject({
      email: 'rita@example.lt',
      role: 'rep',
      locale: 'en',
      timeZone: 'Europe/Vilnius',
      active: true,
    });
    const rita = await t.login('rita@example.lt', 'rita likes leads');
    expect(rita.user.id).toBe(user.id);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: admin.headers });
    expect(list.json().items.map((u: { id: string }) => u.id)).toContain(user.id);
    expect(list.body).not.toMatch(/password_hash|argon2/);
  });

  it('generates a password when none is given and returns it once', async () => {
    const admin = await t.signedIn('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: 'gen@example.lt', name: 'Generated', role: 'marketer' },
    });
    const { generatedPassword } = res.json();
    expect(generatedPassword).toMatch(/^\S{20}$/);
    expect((await t.login('gen@example.lt', generatedPassword)).user.role).toBe('marketer');
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${res.json().user.id}`,
      headers: admin.headers,
    });
    expect(again.body).not.toContain(generatedPassword);
  });

  it('names each bad field: duplicate e-mail, short password, unknown field, wrong type', async () => {
    const admin = await t.signedIn('admin');
    const post = (payload: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin.headers,
        payload: payload as object,
      });
    const dup = await post({
      email: admin.user.email.toUpperCase(),
      name: 'Dup',
      role: 'rep',
      password: 'long enough pass',
    });
    expect(dup.statusCode).toBe(409);
    expect(problem(dup).errors).toEqual([{ field: 'email', code: 'in_use', message: 'is already in use' }]);
    const short = await post({ email: 'short@example.lt', name: 'S', role: 'rep', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(problem(short).errors).toEqual([
      { field: 'password', code: 'password_too_short', message: 'must be at least 10 characters long' },
    ]);
    const bad = await post({ email: 'not-an-email', name: 42, role: 'boss', isAdmin: true });
    expect(bad.statusCode).toBe(400);
    const fields = problem(bad).errors?.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'name', 'role', 'isAdmin']));
    expect(problem(bad).errors?.find((e) => e.field === 'isAdmin')?.message).toBe('is not allowed');
    const missing = await post({});
    expect(problem(missing).errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['email', 'name', 'role']),
    );
  });

  it('refuses an unknown team and an unknown time zone', async () => {
    const admin = await t.signedIn('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        email: 'tz@example.lt',
        name: 'TZ',
        role: 'rep',
        teamId: '01900000-0000-7000-8000-000000000000',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0]?.field).toBe('teamId');
  });

  it('updates role, team, language and out-of-office dates with an audit trail', async () => {
    const admin = await t.signedIn('admin');
    const team = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/teams',
        headers: admin.headers,
        payload: { name: 'Vilnius' },
      })
    ).json();
    const user = await t.newUser();
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: admin.headers,
      payload: {
        role: 'manager',
        teamId: team.id,
        locale: 'en',
        outOfOfficeFrom: '2026-12-20',
        outOfOfficeUntil: '2027-01-03',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      role: 'manager',
      teamId: team.id,
      locale: 'en',
      outOfOfficeUntil: '2027-01-03',
    });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', user.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: admin.user.id, channel: 'ui', entity_type: 'user' });
    expect(JSON.parse(audit.before_json!)).toMatchObject({ role: 'rep', teamId: null });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ role: 'manager', teamId: team.id });
    const backwards = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: admin.headers,
      payload: { outOfOfficeFrom: '2027-02-10', outOfOfficeUntil: '2027-02-01' },
    });
    expect(problem(backwards).errors?.[0]?.field).toBe('outOfOfficeUntil');
  });

  it('records the api channel for changes made with a token', async () => {
    const admin = await t.newUser({ role: 'admin' });
    const { headers } = await t.bearer(admin);
    const user = await t.newUser();
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers,
      payload: { name: 'Renamed' },
    });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', user.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(audit.channel).toBe('api');
  });

  it('resets a password as admin and ends the user’s sessions', async () => {
    const admin = await t.signedIn('admin');
    const user = await t.newUser();
    const session = await t.login(user.email);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: admin.headers,
      payload: { password: 'reset by the admin' },
    });
    expect(res.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } }))
        .statusCode,
    ).toBe(401);
    expect((await t.login(user.email, 'reset by the admin')).user.id).toBe(user.id);
  });

  it('never disables or demotes the last active admin', async () => {
    const admins = await t.deps.db.selectFrom('users').select('id').where('role', '=', 'admin').execute();
    const me = await t.signedIn('admin');
    for (const a of admins)
      await t.deps.db.updateTable('users').set({ active: 0 }).where('id', '=', a.id).execute();
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${me.user.id}`,
      headers: me.headers,
      payload: { active: false },
    });
    expect(disable.statusCode).toBe(409);
    expect(problem(disable).errors?.[0]?.field).toBe('active');
    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${me.user.id}`,
      headers: me.headers,
      payload: { role: 'rep' },
    });
    expect(demote.statusCode).toBe(409);
    for (const a of admins)
      await t.deps.db.updateTable('users').set({ active: 1 }).where('id', '=', a.id).execute();
  });

  it('answers 404 for an unknown user id and 400 for a malformed one', async () => {
    const admin = await t.signedIn('admin');
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/01900000-0000-7000-8000-000000000000',
      headers: admin.headers,
    });
    expect(unknown.statusCode).toBe(404);
    problem(unknown);
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/users/42', headers: admin.headers });
    expect(malformed.statusCode).toBe(400);
    expect(problem(malformed).errors?.[0]?.field).toBe('params.id');
  });
});
