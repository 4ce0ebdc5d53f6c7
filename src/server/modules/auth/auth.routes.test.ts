import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { cookieValue, problem, TEST_PASSWORD, useTestApp } from '../../../../test/harness.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../plugins/auth.js';
import { BAD_CREDENTIALS } from './auth.service.js';

describeEachDialect('auth', (dialect) => {
  const t = useTestApp(dialect);

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });

  it('signs in and sets an httpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const user = await t.newUser();
    const res = await login(user.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: user.id, email: user.email, role: 'rep' });
    expect(JSON.stringify(body)).not.toMatch(/password|hash/i);
    const session = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session.secure).toBeFalsy();
    const csrf = res.cookies.find((c) => c.name === CSRF_COOKIE)!;
    expect(csrf.httpOnly).toBeFalsy();
    expect(body.csrfToken).toBe(csrf.value);
  });

  it('answers a wrong password and an unknown e-mail with the same 401 problem', async () => {
    const user = await t.newUser();
    const wrongPassword = await login(user.email, 'not the password at all');
    const unknownEmail = await login('nobody@example.lt', 'not the password at all');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(problem(wrongPassword).detail).toBe(BAD_CREDENTIALS);
    expect(problem(unknownEmail).detail).toBe(BAD_CREDENTIALS);
    expect(cookieValue(wrongPassword, SESSION_COOKIE)).toBeUndefined();
  });

  it('refuses /auth/me without a session with a 401 problem', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(problem(res).type).toContain('unauthenticated');
  });

  it('returns the current user for a session cookie and for a Bearer token', async () => {
    const s = await t.signedIn('manager');
    const byCookie = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: s.cookie },
    });
    expect(byCookie.json().user.id).toBe(s.user.id);
    expect(byCookie.json().csrfToken).toBe(s.csrf);
    const { headers } = await t.bearer(s.user);
    const byToken = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(byToken.statusCode).toBe(200);
    expect(byToken.json().user.id).toBe(s.user.id);
    expect(byToken.json().csrfToken).toBeUndefined();
  });

  it('refuses a cookie-authenticated change without the CSRF header, or with a wrong one', async () => {
    const s = await t.signedIn('rep');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect(problem(missing).type).toContain('csrf');
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { cookie: s.cookie, 'x-csrf-token': `${s.csrf}x` },
      payload: { locale: 'en' },
    });
    expect(wrong.statusCode).toBe(403);
    const stillThere = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: s.cookie },
    });
    expect(stillThere.json().user.locale).toBe('lt');
  });

  it('does not ask Bearer-token callers for a CSRF header', async () => {
    const user = await t.newUser();
    const { headers } = await t.bearer(user);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers,
      payload: { locale: 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.locale).toBe('en');
  });

  it('logs out: the session ends and the cookies are cleared', async () => {
    const s = await t.signedIn('rep');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('remembers the language a user picks, with an audit row from the ui channel', async () => {
    const s = await t.signedIn('rep');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: s.headers,
      payload: { locale: 'en' },
    });
    expect(res.json().user.locale).toBe('en');
    const again = await t.login(s.user.email);
    expect(again.user.locale).toBe('en');
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', s.user.id)
      .where('action', '=', 'update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ channel: 'ui', actor_id: s.user.id });
    expect(JSON.parse(audit[0]!.before_json!)).toEqual({ locale: 'lt' });
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({ locale: 'en' });
  });

  it("adopts the browser's language at the first sign-in of a user whose language nobody chose", async () => {
    const user = await t.newUser();
    expect(user.locale).toBeNull();
    const first = await login(user.email, TEST_PASSWORD, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(first.json().user.locale).toBe('en');
    const later = await login(user.email, TEST_PASSWORD, { 'accept-language': 'lt-LT' });
    expect(later.json().user.locale).toBe('en');
  });

  it('prefers the language picked on the sign-in page over the browser’s', async () => {
    const user = await t.newUser();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-GB' },
      payload: { email: user.email, password: TEST_PASSWORD, locale: 'lt' },
    });
    expect(res.json().user.locale).toBe('lt');
  });

  it('refuses an unknown time zone naming the field', async () => {
    const s = await t.signedIn('rep');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: s.headers,
      payload: { timeZone: 'Mars/Base' },
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors).toEqual([
      { field: 'timeZone', code: 'not_a_time_zone', message: 'is not a known IANA time zone' },
    ]);
  });

  describe('password change', () => {
    it('names the wrong current password and the too-short new one', async () => {
      const s = await t.signedIn('rep');
      const url = '/api/v1/auth/password';
      const wrong = await t.app.inject({
        method: 'POST',
        url,
        headers: s.headers,
        payload: { currentPassword: 'nope', newPassword: 'a long enough one' },
      });
      expect(wrong.statusCode).toBe(400);
      expect(problem(wrong).errors?.[0]?.field).toBe('currentPassword');
      const short = await t.app.inject({
        method: 'POST',
        url,
        headers: s.headers,
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
      });
      expect(short.statusCode).toBe(400);
      expect(problem(short).errors?.[0]).toEqual({
        field: 'newPassword',
        code: 'password_too_short',
        message: 'must be at least 10 characters long',
      });
    });

    it('changes the password, keeps this session and ends the others', async () => {
      const user = await t.newUser();
      const here = await t.login(user.email);
      const elsewhere = await t.login(user.email);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: here.headers,
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' },
      });
      expect(res.statusCode).toBe(204);
      const me = (cookie: string) =>
        t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
      expect((await me(here.cookie)).statusCode).toBe(200);
      expect((await me(elsewhere.cookie)).statusCode).toBe(401);
      expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(401);
      expect((await login(user.email, 'a brand new passphrase')).statusCode).toBe(200);
    });
  });

  describe('lockout', () => {
    it('locks an account after five failures, even for the right password, and says when to retry', async () => {
      const user = await t.newUser();
      for (let i = 0; i < 5; i++) expect((await login(user.email, `wrong ${i}`)).statusCode).toBe(401);
      const locked = await login(user.email, TEST_PASSWORD);
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(problem(locked).type).toContain('locked');
    });

    it('locks an unknown e-mail the same way, so lockout reveals no accounts', async () => {
      for (let i = 0; i < 5; i++) await login('ghost@example.lt', `wrong ${i}`);
      const locked = await login('ghost@example.lt', 'anything at all');
      expect(locked.statusCode).toBe(429);
      expect(problem(locked).detail).toMatch(/too many failed/i);
    });

    it('counts parallel guesses too: at most five passwords are checked, the rest are refused', async () => {
      const user = await t.newUser();
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => login(user.email, `parallel guess ${i}`)),
      );
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
      expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(25);
      expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(429);
    });

    it('throttles guesses of the current password on password change', async () => {
      const s = await t.signedIn('rep');
      const change = (currentPassword: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/password',
          headers: s.headers,
          payload: { currentPassword, newPassword: 'a completely new one' },
        });
      for (let i = 0; i < 5; i++) expect((await change(`guess ${i}`)).statusCode).toBe(400);
      const locked = await change(TEST_PASSWORD);
      expect(locked.statusCode).toBe(429);
    });

    it('forgets earlier failures after a successful sign-in', async () => {
      const user = await t.newUser();
      for (let i = 0; i < 4; i++) await login(user.email, `wrong ${i}`);
      expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
      for (let i = 0; i < 4; i++) await login(user.email, `wrong ${i}`);
      expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    });
  });

  describe('disabled users and revoked tokens', () => {
    it('stops a disabled user at once: no sign-in, no session, no token', async () => {
      const admin = await t.signedIn('admin');
      const user = await t.newUser();
      const session = await t.login(user.email);
      const { headers: bearer } = await t.bearer(user);
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${user.id}`,
        headers: admin.headers,
        payload: { active: false },
      });
      expect(res.statusCode).toBe(200);
      const me = (headers: Record<string, string>) =>
        t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
      expect((await me({ cookie: session.cookie })).statusCode).toBe(401);
      expect((await me(bearer)).statusCode).toBe(401);
      const again = await login(user.email, TEST_PASSWORD);
      expect(again.statusCode).toBe(401);
      expect(problem(again).detail).toBe(BAD_CREDENTIALS);
    });

    it('refuses a revoked token and an unknown one', async () => {
      const admin = await t.signedIn('admin');
      const user = await t.newUser();
      const { headers, tokenId } = await t.bearer(user);
      const revoke = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/tokens/${tokenId}`,
        headers: admin.headers,
      });
      expect(revoke.statusCode).toBe(204);
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
      expect(me.statusCode).toBe(401);
      const unknown = await t.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: 'Bearer pvt_madeup' },
      });
      expect(unknown.statusCode).toBe(401);
    });
  });
});

describeEachDialect('auth rate limit and secure cookies', (dialect) => {
  const t = useTestApp(dialect, {
    baseUrl: 'https://crm.example.lt',
    secureCookies: true,
    loginRateLimit: 20,
  });

  it('marks cookies Secure when the base URL is https', async () => {
    const user = await t.newUser();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
  });

  it('rate-limits sign-in attempts per address with 429 and Retry-After', async () => {
    let last = 0;
    let retryAfter: string | undefined;
    for (let i = 0; i < 25 && last !== 429; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `spray${i}@example.lt`, password: 'whatever it is' },
      });
      last = res.statusCode;
      retryAfter = res.headers['retry-after']?.toString();
      if (last === 429) expect(problem(res).type).toContain('rate_limited');
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
