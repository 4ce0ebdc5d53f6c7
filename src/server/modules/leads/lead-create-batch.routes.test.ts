import { beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { uniqueEmail } from '../../../../test/factories.js';
import { problem, type Session, useTestApp } from '../../../../test/harness.js';

/**
 * Many creates at once: `POST /leads/batch` (all or none) and single creates arriving together,
 * which the server writes in one transaction (group commit) while each still answers alone.
 */
describeEachDialect('leads: creates in batches', (dialect) => {
  const t = useTestApp(dialect);

  const person = (lastName: string, email = uniqueEmail(lastName.replace(/\W/g, ''))) => ({
    person: { firstName: 'Rūta', lastName, emails: [email] },
  });

  async function roundRobin(admin: Session) {
    const team = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: admin.headers,
      payload: { name: `Partija ${Math.random()}` },
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await t.newUser({ role: 'rep', teamId: team.json().id })).id);
    const rule = await t.app.inject({
      method: 'POST',
      url: '/api/v1/routing/rules',
      headers: admin.headers,
      payload: { name: 'Visi', strategy: 'round_robin', userIds: ids },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    return ids;
  }

  beforeEach(async () => {
    await t.deps.db.deleteFrom('routing_state').execute();
    await t.deps.db.deleteFrom('routing_rules').execute();
  });

  it('creates a batch in order, routed like single creates; a person twice is one person', async () => {
    const admin = await t.signedIn('admin');
    const ids = await roundRobin(admin);
    const twice = uniqueEmail('Dviguba');
    const leads = [person('Pirmoji'), person('Dviguba', twice), person('Trečioji'), person('Dviguba', twice)];
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads/batch',
      headers: admin.headers,
      payload: { leads },
    });
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items as {
      id: string;
      personId: string;
      ownerId: string;
      personCreated: boolean;
    }[];
    expect(items).toHaveLength(4);
    expect(items[1]?.personId).toBe(items[3]?.personId);
    expect(items.map((i) => i.personCreated)).toEqual([true, true, true, false]);
    // three people in turn; the returning person's second lead goes to the owner of their first
    expect(new Set(items.slice(0, 3).map((i) => i.ownerId))).toEqual(new Set(ids));
    expect(items[3]?.ownerId).toBe(items[1]?.ownerId);
    const stored = await t.deps.db
      .selectFrom('leads')
      .select(['id', 'owner_id'])
      .where(
        'id',
        'in',
        items.map((i) => i.id),
      )
      .execute();
    expect(new Map(stored.map((s) => [s.id, s.owner_id]))).toEqual(
      new Map(items.map((i) => [i.id, i.ownerId])),
    );
  });

  it('creates nothing when one lead is bad, naming it by its index; an empty or oversized batch is refused', async () => {
    const admin = await t.signedIn('admin');
    const before = await t.deps.db
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads/batch',
      headers: admin.headers,
      payload: {
        leads: [person('Gera'), { person: { firstName: 'Bloga', lastName: 'X', emails: ['ne e-paštas'] } }],
      },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(problem(res).errors).toContainEqual(expect.objectContaining({ field: 'leads.1.person.emails.0' }));
    const after = await t.deps.db
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(before?.n));
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads/batch',
      headers: admin.headers,
      payload: { leads: [] },
    });
    expect(empty.statusCode).toBe(400);
    const tooMany = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads/batch',
      headers: admin.headers,
      payload: { leads: Array.from({ length: 1001 }, (_, i) => person(`N${i}`)) },
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it('a rep’s batch is theirs, as their single creates are', async () => {
    const rep = await t.signedIn('rep');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads/batch',
      headers: rep.headers,
      payload: { leads: [person('Savas'), person('Savas Du')] },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items.map((i: { ownerId: string }) => i.ownerId)).toEqual([rep.user.id, rep.user.id]);
  });

  it('single creates arriving together each get their own answer: the bad one its 400, the rest their lead, dealt in turn', async () => {
    const admin = await t.signedIn('admin');
    const ids = await roundRobin(admin);
    const twice = uniqueEmail('Kartu');
    const bodies = [
      ...Array.from({ length: 11 }, (_, i) => person(`Kartu ${i}`)),
      person('Kartu', twice),
      { person: { firstName: 'Bloga', lastName: 'Y', emails: ['ne e-paštas'] } },
      person('Kartu', twice),
    ];
    const answers = await Promise.all(
      bodies.map((payload) =>
        t.app.inject({ method: 'POST', url: '/api/v1/leads', headers: admin.headers, payload }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([...Array(12).fill(201), 400, 201]);
    expect(problem(answers[12] as never).errors).toContainEqual(
      expect.objectContaining({ field: 'person.emails.0' }),
    );
    const created = answers.filter((a) => a.statusCode === 201).map((a) => a.json());
    expect(new Set(created.map((c) => c.id)).size).toBe(13);
    expect(created[11].personId).toBe(created[12].personId);
    expect(created[12].person.lastName).toBe('Kartu');
    // (on SQLite every request is in before the first write: they went in one transaction, one time)
    if (dialect === 'sqlite') expect(new Set(created.map((c) => c.createdAt)).size).toBe(1);
    const counts = ids.map((id) => created.slice(0, 12).filter((c) => c.ownerId === id).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });
});
