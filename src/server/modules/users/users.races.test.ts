import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, useTestApp } from '../../../../test/harness.js';

describeEachDialect('users under concurrency', (dialect) => {
  const t = useTestApp(dialect);

  it('answers 409 naming the field when two creates race on one e-mail or team name', async () => {
    const admin = await t.signedIn('admin');
    const post = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, headers: admin.headers, payload });
    const users = await Promise.all(
      Array.from({ length: 4 }, () =>
        post('/api/v1/users', { email: 'race@example.lt', name: 'Race', role: 'rep' }),
      ),
    );
    expect(users.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    for (const r of users.filter((x) => x.statusCode === 409))
      expect(problem(r).errors?.[0]?.field).toBe('email');
    const teams = await Promise.all(
      Array.from({ length: 4 }, () => post('/api/v1/teams', { name: 'Race team' })),
    );
    expect(teams.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
  });

  it('keeps one active admin when the last two demote each other at the same time', async () => {
    await t.deps.db.updateTable('users').set({ active: 0 }).where('role', '=', 'admin').execute();
    const a = await t.signedIn('admin');
    const b = await t.signedIn('admin');
    const [ab, ba] = await Promise.all([
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${b.user.id}`,
        headers: a.headers,
        payload: { role: 'rep' },
      }),
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${a.user.id}`,
        headers: b.headers,
        payload: { role: 'rep' },
      }),
    ]);
    expect([ab.statusCode, ba.statusCode].sort()).toEqual([200, 409]);
    const admins = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('active', '=', 1)
      .execute();
    expect(admins).toHaveLength(1);
  });

  it('releases the teams of a manager who is demoted or disabled', async () => {
    const admin = await t.signedIn('admin');
    const manager = await t.newUser({ role: 'manager' });
    const team = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/teams',
        headers: admin.headers,
        payload: { name: 'Managed', managerId: manager.id },
      })
    ).json();
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${manager.id}`,
      headers: admin.headers,
      payload: { role: 'rep' },
    });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/teams', headers: admin.headers });
    expect(list.json().items.find((x: { id: string }) => x.id === team.id).managerId).toBeNull();
  });
});
