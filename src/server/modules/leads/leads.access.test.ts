import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { newLead } from '../../../../test/factories.js';
import { type Session, useTestApp } from '../../../../test/harness.js';

describeEachDialect('leads: who sees what', (dialect) => {
  const t = useTestApp(dialect);
  let repA: Session;
  let repB: Session;
  let managerA: Session;
  let managerOther: Session;
  let marketer: Session;
  let leadOfA: { id: string; title?: unknown };

  beforeAll(async () => {
    const admin = await t.signedIn('admin');
    const mA = await t.newUser({ role: 'manager' });
    const north = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/teams',
        headers: admin.headers,
        payload: { name: 'North', managerId: mA.id },
      })
    ).json();
    const south = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/teams',
        headers: admin.headers,
        payload: { name: 'South' },
      })
    ).json();
    repA = await t.signedIn('rep', { teamId: north.id });
    repB = await t.signedIn('rep', { teamId: south.id });
    managerA = await t.login(mA.email);
    managerOther = await t.signedIn('manager', { teamId: south.id });
    marketer = await t.signedIn('marketer');
    leadOfA = await newLead(t.app, repA, { person: { lastName: 'Slaptas', emails: ['slaptas@example.lt'] } });
  });

  const call = (s: Session, method: 'GET' | 'PATCH' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

  it('answers 404 to another rep on every path to the lead, and changes nothing', async () => {
    const id = leadOfA.id;
    const attempts = [
      await call(repB, 'GET', `/api/v1/leads/${id}`),
      await call(repB, 'PATCH', `/api/v1/leads/${id}`, { title: 'Mine now' }),
      await call(repB, 'POST', `/api/v1/leads/${id}/stage`, { stage: 'mql' }),
      await call(repB, 'GET', `/api/v1/leads/${id}/activities`),
      await call(repB, 'POST', `/api/v1/leads/${id}/activities`, { type: 'note', body: 'hi' }),
      await call(repB, 'DELETE', `/api/v1/leads/${id}`),
      await call(repB, 'POST', `/api/v1/leads/${id}/restore`),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    const list = await call(repB, 'GET', '/api/v1/leads?q=slaptas');
    expect(list.json().items).toEqual([]);
    const lead = (await call(repA, 'GET', `/api/v1/leads/${id}`)).json();
    expect(lead).toMatchObject({ title: leadOfA.title, stage: 'suspect', deletedAt: null });
  });

  it("lets the team's manager and marketing see it, but not a manager of another team", async () => {
    expect((await call(managerA, 'GET', `/api/v1/leads/${leadOfA.id}`)).statusCode).toBe(200);
    expect((await call(marketer, 'GET', `/api/v1/leads/${leadOfA.id}`)).statusCode).toBe(200);
    expect((await call(managerOther, 'GET', `/api/v1/leads/${leadOfA.id}`)).statusCode).toBe(404);
    const ids = (s: Session) =>
      call(s, 'GET', '/api/v1/leads?limit=200').then((r) => r.json().items.map((i: { id: string }) => i.id));
    expect(await ids(managerA)).toContain(leadOfA.id);
    expect(await ids(managerOther)).not.toContain(leadOfA.id);
    expect(await ids(marketer)).toContain(leadOfA.id);
  });

  it("counts for a manager exactly what the manager's list holds: the teams' leads and their own", async () => {
    const own = await newLead(t.app, managerA, { person: { lastName: 'Vadovas' } });
    await newLead(t.app, repA, { person: { lastName: 'Komanda' }, timeframe: 'now' });
    await newLead(t.app, repB, { person: { lastName: 'Svetimas' }, timeframe: 'now' });
    for (const query of ['', '&temperature=hot', '&stage=suspect', '&stage=mql']) {
      const page = (await call(managerA, 'GET', `/api/v1/leads?limit=200&count=true${query}`)).json();
      expect(page.count, query).toEqual({ value: page.items.length, capped: false });
    }
    const all = (await call(managerA, 'GET', '/api/v1/leads?limit=200'))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(all).toContain(own.id);
  });

  it("never names another rep's person as a duplicate candidate", async () => {
    const a = await newLead(t.app, repA, { person: { lastName: 'Telefonas', phones: ['+370 611 99887'] } });
    const b = await newLead(t.app, repB, { person: { lastName: 'Telefonas', phones: ['861199887'] } });
    expect(b.personId).not.toBe(a.personId);
    expect(b.duplicates).toBeUndefined();
    const detail = (await call(repB, 'GET', `/api/v1/people/${b.personId}`)).json();
    expect(detail.duplicates).toEqual([]);
    const admin = await t.signedIn('admin');
    expect((await call(admin, 'GET', `/api/v1/people/${b.personId}`)).json().duplicates).toHaveLength(1);
  });

  it('offers each role only the teams whose leads they may see', async () => {
    const names = async (s: Session) =>
      (await call(s, 'GET', '/api/v1/teams/choices')).json().items.map((team: { name: string }) => team.name);
    expect(await names(managerA)).toEqual(['North']);
    expect(await names(managerOther)).toEqual(['South']);
    expect(await names(repA)).toEqual([]);
    expect(await names(marketer)).toEqual(expect.arrayContaining(['North', 'South']));
  });

  it('offers each role only the people they may hand leads to', async () => {
    const names = async (s: Session) =>
      (await call(s, 'GET', '/api/v1/users/assignable')).json().items.map((u: { id: string }) => u.id);
    expect(await names(repA)).toEqual([repA.user.id]);
    const forManager = await names(managerA);
    expect(forManager).toEqual(expect.arrayContaining([managerA.user.id, repA.user.id]));
    expect(forManager).not.toContain(repB.user.id);
    expect(await names(marketer)).toEqual([]);
  });

  it('lets marketing edit but not delete or reassign a lead', async () => {
    expect(
      (await call(marketer, 'PATCH', `/api/v1/leads/${leadOfA.id}`, { tags: ['newsletter'] })).statusCode,
    ).toBe(200);
    expect((await call(marketer, 'DELETE', `/api/v1/leads/${leadOfA.id}`)).statusCode).toBe(403);
    expect(
      (await call(marketer, 'PATCH', `/api/v1/leads/${leadOfA.id}`, { ownerId: repB.user.id })).statusCode,
    ).toBe(403);
  });

  it('lets a rep assign only to themselves, and a manager within their teams', async () => {
    const own = await newLead(t.app, repA);
    expect((await call(repA, 'PATCH', `/api/v1/leads/${own.id}`, { ownerId: repB.user.id })).statusCode).toBe(
      403,
    );
    expect(
      (await call(managerA, 'PATCH', `/api/v1/leads/${own.id}`, { ownerId: repB.user.id })).statusCode,
    ).toBe(403);
    const moved = await call(managerA, 'PATCH', `/api/v1/leads/${own.id}`, { ownerId: managerA.user.id });
    expect(moved.json()).toMatchObject({ ownerId: managerA.user.id });
    const history = await t.deps.db
      .selectFrom('lead_history')
      .selectAll()
      .where('lead_id', '=', own.id)
      .where('field', '=', 'owner')
      .orderBy('at')
      .execute();
    expect(history.map((h) => h.to_value)).toEqual([repA.user.id, managerA.user.id]);
  });

  it('moves a lead to the bin and back; the bin lists it, the default list does not', async () => {
    const lead = await newLead(t.app, repA);
    expect((await call(repA, 'DELETE', `/api/v1/leads/${lead.id}`)).json().deletedAt).not.toBeNull();
    const ids = (url: string) =>
      call(repA, 'GET', url).then((r) => r.json().items.map((i: { id: string }) => i.id));
    expect(await ids('/api/v1/leads')).not.toContain(lead.id);
    expect(await ids('/api/v1/leads?deleted=true')).toContain(lead.id);
    expect((await call(repA, 'GET', `/api/v1/leads/${lead.id}`)).json().deletedAt).not.toBeNull();
    expect((await call(repA, 'PATCH', `/api/v1/leads/${lead.id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await call(repA, 'POST', `/api/v1/leads/${lead.id}/restore`)).json().deletedAt).toBeNull();
    expect(await ids('/api/v1/leads')).toContain(lead.id);
  });
});
