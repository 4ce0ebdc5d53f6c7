import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, useTestApp } from '../../../../test/harness.js';
import { sha256 } from '../auth/secrets.js';

describeEachDialect('API tokens', (dialect) => {
  const t = useTestApp(dialect);

  it('shows the secret once, stores only its hash, and lists tokens without secrets', async () => {
    const admin = await t.signedIn('admin');
    const rep = await t.newUser();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.headers,
      payload: { name: 'Zapier', userId: rep.id },
    });
    expect(res.statusCode).toBe(201);
    const { token, secret } = res.json();
    expect(secret).toMatch(/^pvt_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({
      name: 'Zapier',
      userId: rep.id,
      userName: rep.name,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(secret.startsWith(token.prefix)).toBe(true);
    const row = await t.deps.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: admin.headers });
    expect(list.body).not.toContain(secret);
    expect(list.json().items.find((x: { id: string }) => x.id === token.id)).toBeTruthy();
  });

  it('acts as its user and records when it was last used', async () => {
    const admin = await t.signedIn('admin');
    const created = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: admin.headers,
        payload: { name: 'Mine' },
      })
    ).json();
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${created.secret}` },
    });
    expect(me.json().user.id).toBe(admin.user.id);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: admin.headers });
    expect(
      list.json().items.find((x: { id: string }) => x.id === created.token.id).lastUsedAt,
    ).not.toBeNull();
  });

  it('revokes: the token stops working at once and stays listed as revoked', async () => {
    const admin = await t.signedIn('admin');
    const created = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: admin.headers,
        payload: { name: 'Old' },
      })
    ).json();
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${created.token.id}`,
      headers: admin.headers,
    });
    expect(del.statusCode).toBe(204);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${created.secret}` },
    });
    expect(me.statusCode).toBe(401);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: admin.headers });
    expect(list.json().items.find((x: { id: string }) => x.id === created.token.id).revokedAt).not.toBeNull();
    const unknown = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/tokens/01900000-0000-7000-8000-000000000000',
      headers: admin.headers,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses a token for a disabled or unknown user', async () => {
    const admin = await t.signedIn('admin');
    const gone = await t.newUser();
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${gone.id}`,
      headers: admin.headers,
      payload: { active: false },
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.headers,
      payload: { name: 'x', userId: gone.id },
    });
    expect(problem(res).errors?.[0]).toEqual({
      field: 'userId',
      code: 'user_disabled',
      message: 'is a disabled user',
    });
  });
});
