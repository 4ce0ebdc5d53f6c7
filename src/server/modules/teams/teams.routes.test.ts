import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, useTestApp } from '../../../../test/harness.js';

describeEachDialect('teams', (dialect) => {
  const t = useTestApp(dialect);

  it('creates a team with a manager and counts its members', async () => {
    const admin = await t.signedIn('admin');
    const manager = await t.newUser({ role: 'manager' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: admin.headers,
      payload: { name: ' Kaunas ', managerId: manager.id },
    });
    expect(res.statusCode).toBe(201);
    const team = res.json();
    expect(team).toMatchObject({ name: 'Kaunas', managerId: manager.id, memberCount: 0 });
    await t.newUser({ teamId: team.id });
    await t.newUser({ teamId: team.id });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/teams', headers: admin.headers });
    expect(list.json().items.find((x: { id: string }) => x.id === team.id).memberCount).toBe(2);
  });

  it('gives the manager of a team the team in their access scope', async () => {
    const admin = await t.signedIn('admin');
    const manager = await t.newUser({ role: 'manager' });
    const team = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/teams',
        headers: admin.headers,
        payload: { name: 'Klaipėda', managerId: manager.id },
      })
    ).json();
    const { authenticateSession } = await import('../auth/authenticate.js');
    const session = await t.login(manager.email);
    const token = session.cookie.split(';')[0]!.split('=')[1]!;
    const auth = await authenticateSession(t.deps, token);
    expect(auth?.actor.managedTeamIds).toEqual([team.id]);
  });

  it('refuses a duplicate name, a manager who is a rep, and an unknown manager', async () => {
    const admin = await t.signedIn('admin');
    const post = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: admin.headers, payload });
    await post({ name: 'Šiauliai' });
    const dup = await post({ name: 'Šiauliai' });
    expect(dup.statusCode).toBe(409);
    expect(problem(dup).errors?.[0]).toEqual({ field: 'name', code: 'in_use', message: 'is already in use' });
    const rep = await t.newUser({ role: 'rep' });
    const notManager = await post({ name: 'Panevėžys', managerId: rep.id });
    expect(problem(notManager).errors?.[0]?.field).toBe('managerId');
    const unknown = await post({ name: 'Alytus', managerId: '01900000-0000-7000-8000-000000000000' });
    expect(problem(unknown).errors?.[0]).toEqual({
      field: 'managerId',
      code: 'not_found',
      message: 'does not exist',
    });
    const blank = await post({ name: '   ' });
    expect(problem(blank).errors?.[0]).toMatchObject({ field: 'name', code: 'invalid_format' });
    const empty = await post({ name: '' });
    expect(problem(empty).errors?.[0]?.field).toBe('name');
  });

  it('renames a team and changes its manager, with an audit row', async () => {
    const admin = await t.signedIn('admin');
    const team = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/teams',
        headers: admin.headers,
        payload: { name: 'Old name' },
      })
    ).json();
    const manager = await t.newUser({ role: 'manager' });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/teams/${team.id}`,
      headers: admin.headers,
      payload: { name: 'New name', managerId: manager.id },
    });
    expect(res.json()).toMatchObject({ name: 'New name', managerId: manager.id });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', team.id)
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    const missing = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/teams/01900000-0000-7000-8000-000000000000',
      headers: admin.headers,
      payload: { name: 'x' },
    });
    expect(missing.statusCode).toBe(404);
  });
});
