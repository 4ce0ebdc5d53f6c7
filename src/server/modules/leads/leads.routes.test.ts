import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { newLead, uniqueEmail } from '../../../../test/factories.js';
import { problem, useTestApp } from '../../../../test/harness.js';

const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describeEachDialect('leads: create and identity', (dialect) => {
  const t = useTestApp(dialect);

  it('creates a lead with its person in one request: hot for "now", suspect, contacts normalised', async () => {
    const rep = await t.signedIn('rep');
    const email = uniqueEmail('Jonas');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: rep.headers,
      payload: {
        person: {
          firstName: ' Jonas ',
          lastName: 'Šimkus',
          emails: [email.toUpperCase()],
          phones: ['8 612 34567'],
        },
        timeframe: 'now',
        tags: ['VIP', ' vip '],
      },
    });
    expect(res.statusCode).toBe(201);
    const lead = res.json();
    expect(lead).toMatchObject({
      stage: 'suspect',
      temperature: 'hot',
      timeframe: 'now',
      ownerId: rep.user.id,
      ownerName: rep.user.name,
      tags: ['vip'],
    });
    expect(lead.person).toMatchObject({
      firstName: 'Jonas',
      lastName: 'Šimkus',
      emails: [email.toLowerCase()],
      phones: ['+37061234567'],
    });
    expect(lead.title).toBe('Jonas Šimkus');
  });

  it.each([
    [addDays(7), 'hot'],
    [addDays(30), 'warm'],
    [addDays(120), 'cold'],
    [null, 'cold'],
  ])('gives a timeframe of %j the temperature %s', async (timeframe, temperature) => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep, { timeframe });
    expect(lead.temperature).toBe(temperature);
  });

  it('refuses a person id that names nobody live, and stores half an emoji as the replacement character', async () => {
    const rep = await t.signedIn('rep');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: rep.headers,
      payload: { personId: '0190a0a0-0000-7000-8000-000000000000' },
    });
    expect(missing.statusCode).toBe(400);
    expect(problem(missing).errors).toContainEqual(
      expect.objectContaining({ field: 'personId', code: 'not_found' }),
    );
    const half = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: rep.headers,
      payload: { person: { lastName: 'Jonas \ud83d' } },
    });
    expect(half.statusCode, half.body).toBe(201);
    expect(half.json().person.lastName).toBe('Jonas \ufffd');
  });

  it('links a returning person (same e-mail, any case or plus-address) to the same identity', async () => {
    const rep = await t.signedIn('rep');
    const email = uniqueEmail('returning');
    const first = await newLead(t.app, rep, { person: { lastName: 'Grįžtantis', emails: [email] } });
    const [local, domain] = email.split('@');
    const second = await newLead(t.app, rep, {
      person: { lastName: 'Grįžtantis', emails: [`${local}+again@${domain}`.toUpperCase()] },
    });
    expect(second.personId).toBe(first.personId);
    expect(second.id).not.toBe(first.id);
  });

  it('flags a person sharing only a phone as a duplicate candidate, without merging', async () => {
    const rep = await t.signedIn('rep');
    const a = await newLead(t.app, rep, { person: { lastName: 'Pirmas', phones: ['+370 699 11111'] } });
    const b = await newLead(t.app, rep, { person: { lastName: 'Antras', phones: ['869911111'] } });
    expect(b.personId).not.toBe(a.personId);
    expect(b.duplicates).toEqual([
      {
        kind: 'person',
        id: a.personId,
        name: 'Pirmas',
        matchedOn: [{ key: 'phone', value: '+37069911111' }],
      },
    ]);
  });

  it('reuses an organisation with the same company code and flags one sharing only the website domain', async () => {
    const rep = await t.signedIn('rep');
    const code = `30${Date.now()}`.slice(0, 9);
    const a = await newLead(t.app, rep, {
      organisation: { name: 'UAB Saulė', companyCode: code, website: 'https://www.saule-test.lt' },
    });
    const b = await newLead(t.app, rep, { organisation: { name: 'Saulė, UAB', companyCode: ` ${code} ` } });
    expect(b.organisationId).toBe(a.organisationId);
    const c = await newLead(t.app, rep, { organisation: { name: 'Saulė GmbH', website: 'saule-test.lt' } });
    expect(c.organisationId).not.toBe(a.organisationId);
    expect(c.duplicates).toEqual([
      expect.objectContaining({
        kind: 'organisation',
        id: a.organisationId,
        matchedOn: [{ key: 'domain', value: 'saule-test.lt' }],
      }),
    ]);
  });

  it('names every bad field at once: e-mail, phone, timeframe, unknown source and product', async () => {
    const rep = await t.signedIn('rep');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: rep.headers,
      payload: {
        person: { lastName: 'Blogas', emails: ['not-an-email'], phones: ['call me maybe'] },
        timeframe: '2026-02-30',
        sourceId: '01900000-0000-7000-8000-0000000000ff',
        productIds: ['01900000-0000-7000-8000-0000000000ee'],
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = problem(res).errors?.map((e) => `${e.field}:${e.code}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'person.emails.0:invalid_format',
        'person.phones.0:invalid_format',
        'timeframe:invalid_format',
        'sourceId:not_found',
        'productIds.0:not_found',
      ]),
    );
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: rep.headers,
      payload: { timeframe: 'now' },
    });
    expect(problem(none).errors?.[0]).toMatchObject({ field: 'person', code: 'required' });
  });

  it('stores names and notes with HTML as plain text', async () => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep, {
      person: { firstName: '<script>alert(1)</script>', lastName: '<b>X</b>' },
    });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/leads/${lead.id}`, headers: rep.headers });
    expect(res.json().person.firstName).toBe('<script>alert(1)</script>');
    expect(res.headers['content-type']).toContain('application/json');
  });

  it('uses a seeded source and lists the sources in both languages', async () => {
    const rep = await t.signedIn('rep');
    const sources = (
      await t.app.inject({ method: 'GET', url: '/api/v1/sources', headers: rep.headers })
    ).json().items;
    const webinar = sources.find((s: { key: string }) => s.key === 'webinar');
    expect(webinar).toMatchObject({ nameLt: 'Vebinaras', nameEn: 'Webinar' });
    const lead = await newLead(t.app, rep, { sourceId: webinar.id, sourceDetail: 'Rudens vebinaras' });
    expect(lead).toMatchObject({ sourceId: webinar.id, sourceDetail: 'Rudens vebinaras' });
  });
});
