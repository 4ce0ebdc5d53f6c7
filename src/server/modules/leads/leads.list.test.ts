import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { newLead } from '../../../../test/factories.js';
import { problem, type Session, useTestApp } from '../../../../test/harness.js';

const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describeEachDialect('leads: the list', (dialect) => {
  const t = useTestApp(dialect);
  let rep: Session;
  const created: string[] = [];

  beforeAll(async () => {
    rep = await t.signedIn('rep');
    const people = [
      { firstName: 'Jonas', lastName: 'Šimkus', timeframe: 'now' },
      { firstName: 'Ąžuolas', lastName: 'Žemaitis', timeframe: addDays(30) },
      { firstName: 'Eglė', lastName: 'Čiurlionytė', timeframe: null },
      { firstName: 'Marius', lastName: 'Simkevičius', timeframe: addDays(100) },
      { firstName: 'Rūta', lastName: 'Petraitė', timeframe: addDays(3) },
    ];
    for (const p of people) {
      const lead = await newLead(t.app, rep, {
        person: { firstName: p.firstName, lastName: p.lastName },
        timeframe: p.timeframe,
        tags: ['expo'],
      });
      created.push(lead.id);
    }
  });

  const list = (query: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/leads?${query}`, headers: rep.headers });
  const ids = async (query: string) => (await list(query)).json().items.map((i: { id: string }) => i.id);

  it('pages by cursor, newest first, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
  });

  it('finds people by a name typed without diacritics, in any case', async () => {
    expect(await ids('q=simkus')).toEqual([created[0]]);
    expect(await ids('q=AZUOLAS')).toEqual([created[1]]);
    expect(await ids('q=ciurlionyte%20egle')).toEqual([created[2]]);
    expect((await ids('q=sim')).sort()).toEqual([created[0], created[3]].sort());
  });

  it('filters by temperature as the calendar says, and by several at once', async () => {
    expect((await ids('temperature=hot')).sort()).toEqual([created[0], created[4]].sort());
    expect(await ids('temperature=warm')).toEqual([created[1]]);
    expect((await ids('temperature=cold')).sort()).toEqual([created[2], created[3]].sort());
    expect((await ids('temperature=warm,cold')).length).toBe(3);
  });

  it('filters by stage and tag, sorts oldest first, and counts', async () => {
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${created[4]}/stage`,
      headers: rep.headers,
      payload: { stage: 'mql' },
    });
    expect(await ids('stage=mql')).toEqual([created[4]]);
    expect(await ids('sort=created_asc&tag=expo&limit=2')).toEqual(created.slice(0, 2));
    const counted = (await list('count=true&limit=1')).json();
    expect(counted.count).toEqual({ value: 5, capped: false });
  });

  it('names bad filters instead of ignoring them', async () => {
    const res = await list('stage=won&temperature=lukewarm&cursor=nonsense');
    expect(res.statusCode).toBe(400);
    expect(
      problem(res)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['cursor', 'stage.0', 'temperature.0']);
  });
});
