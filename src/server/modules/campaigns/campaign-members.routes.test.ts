import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, type Session, useTestApp } from '../../../../test/harness.js';
import { newId } from '../../db/ids.js';

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000ffff';
type Member = { personId: string; firstName: string; status: string; leadId: string | null };

describeEachDialect('campaign members', (dialect) => {
  const t = useTestApp(dialect);

  /** People and leads straight into their tables: enough for membership, whatever the people module does. */
  async function newPerson(firstName = 'Ona', lastName = 'Šimkienė'): Promise<string> {
    const id = newId();
    const at = new Date().toISOString();
    await t.deps.db
      .insertInto('people')
      .values({ id, first_name: firstName, last_name: lastName, created_at: at, updated_at: at })
      .execute();
    return id;
  }
  async function newLead(personId: string): Promise<string> {
    const id = newId();
    const at = new Date().toISOString();
    await t.deps.db
      .insertInto('leads')
      .values({
        id,
        person_id: personId,
        title: 'Interest',
        stage: 'suspect',
        stage_changed_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  const caller = (s: Session) => (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

  async function newCampaign(): Promise<{ id: string; marketer: ReturnType<typeof caller> }> {
    const marketer = caller(await t.signedIn('marketer'));
    const res = await marketer('POST', '/campaigns', { name: `Members ${newId()}`, type: 'event' });
    return { id: res.json().id, marketer };
  }

  it('answers 401 without a session', async () => {
    const { id } = await newCampaign();
    const person = await newPerson();
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}/members` });
    expect(list.statusCode).toBe(401);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/campaigns/${id}/members/${person}`,
      payload: { status: 'invited' },
    });
    expect(put.statusCode).toBe(401);
    problem(put);
  });

  it.each(['rep', 'manager'] as const)('lets a %s see members but not change them', async (role) => {
    const { id, marketer } = await newCampaign();
    const person = await newPerson();
    await marketer('PUT', `/campaigns/${id}/members/${person}`, { status: 'invited' });
    const call = caller(await t.signedIn(role));
    expect((await call('GET', `/campaigns/${id}/members`)).json().items).toHaveLength(1);
    const res = await call('PUT', `/campaigns/${id}/members/${person}`, { status: 'attended' });
    expect(res.statusCode).toBe(403);
    expect(problem(res).type).toContain('forbidden');
    expect((await call('GET', `/campaigns/${id}/members`)).json().items[0].status).toBe('invited');
  });

  it('adds a person (201), then changes their status (200), with audit rows under the campaign', async () => {
    const { id, marketer } = await newCampaign();
    const person = await newPerson('Jonas', 'Jonaitis');
    const lead = await newLead(person);
    const added = await marketer('PUT', `/campaigns/${id}/members/${person}`, {
      status: 'registered',
      leadId: lead,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      campaignId: id,
      personId: person,
      firstName: 'Jonas',
      lastName: 'Jonaitis',
      status: 'registered',
      leadId: lead,
    });
    const attended = await marketer('PUT', `/campaigns/${id}/members/${person}`, { status: 'attended' });
    expect(attended.statusCode).toBe(200);
    expect(attended.json()).toMatchObject({ status: 'attended', leadId: lead });
    const cleared = await marketer('PUT', `/campaigns/${id}/members/${person}`, {
      status: 'attended',
      leadId: null,
    });
    expect(cleared.json().leadId).toBeNull();
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'campaign_member')
      .where('entity_id', '=', id)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(JSON.parse(audit[1]!.before_json!)).toEqual({
      personId: person,
      status: 'registered',
      leadId: lead,
    });
    expect(JSON.parse(audit[1]!.after_json!)).toEqual({ personId: person, status: 'attended', leadId: lead });
  });

  it('refuses an unknown campaign, person, lead or status, and a lead of another person', async () => {
    const { id, marketer } = await newCampaign();
    const person = await newPerson();
    const put = (personId: string, body: object, campaignId = id) =>
      marketer('PUT', `/campaigns/${campaignId}/members/${personId}`, body);
    expect((await put(person, { status: 'invited' }, UNKNOWN_ID)).statusCode).toBe(404);
    const noPerson = await put(UNKNOWN_ID, { status: 'invited' });
    expect(noPerson.statusCode).toBe(400);
    expect(problem(noPerson).errors).toEqual([
      { field: 'personId', code: 'not_found', message: 'does not exist' },
    ]);
    const noLead = await put(person, { status: 'invited', leadId: UNKNOWN_ID });
    expect(problem(noLead).errors?.[0]).toMatchObject({ field: 'leadId', code: 'not_found' });
    const othersLead = await put(person, { status: 'invited', leadId: await newLead(await newPerson()) });
    expect(problem(othersLead).errors?.[0]).toMatchObject({ field: 'leadId', code: 'other_person' });
    const badStatus = await put(person, { status: 'maybe' });
    expect(problem(badStatus).errors?.[0]).toMatchObject({ field: 'status', code: 'invalid_value' });
    const badParam = await put('not-a-uuid', { status: 'invited' });
    expect(problem(badParam).errors?.[0]?.field).toBe('params.personId');
    expect((await marketer('GET', `/campaigns/${UNKNOWN_ID}/members`)).statusCode).toBe(404);
    const members = (await marketer('GET', `/campaigns/${id}/members`)).json();
    expect(members.items).toEqual([]);
  });

  it('pages members by person id without gaps or repeats, and filters by status', async () => {
    const { id, marketer } = await newCampaign();
    const people: string[] = [];
    for (let i = 0; i < 5; i++) {
      const person = await newPerson(`P${i}`);
      people.push(person);
      await marketer('PUT', `/campaigns/${id}/members/${person}`, { status: i % 2 ? 'attended' : 'no_show' });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Member[]; nextCursor: string | null } = (
        await marketer('GET', `/campaigns/${id}/members?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((m: Member) => m.personId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...people].sort());
    const attended = (await marketer('GET', `/campaigns/${id}/members?status=attended`)).json().items;
    expect(attended.map((m: Member) => m.personId).sort()).toEqual([people[1], people[3]].sort());
    const bad = await marketer('GET', `/campaigns/${id}/members?cursor=bm9wZQ`);
    expect(problem(bad).errors?.[0]).toMatchObject({ field: 'cursor', code: 'bad_cursor' });
  });
});
