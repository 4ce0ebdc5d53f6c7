import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, useTestApp } from '../../../../test/harness.js';
import { renderToken } from '../forms/form-guards.js';
import { formInboxIdle } from '../forms/form-inbox.js';
import { BEACONS_PER_MINUTE } from './engagement.events.service.js';

const text = (lt: string, en = lt) => ({ lt, en });

describeEachDialect('the page-view beacon and anonymous engagement', (dialect) => {
  const t = useTestApp(dialect);
  let seq = 0;
  // Per dialect too: the per-address counters live in the process, which both dialects' suites share.
  const nextAddress = () => `10.${dialect === 'sqlite' ? 2 : 12}.${Math.floor(++seq / 250)}.${seq % 250}`;
  const visitor = () => `v0000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

  async function marketer() {
    const s = await t.signedIn('marketer');
    return (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
  }

  async function newContent(call: Awaited<ReturnType<typeof marketer>>, path: string) {
    const res = await call('POST', '/content', {
      kind: 'infographic',
      title: `Infografikas ${path}`,
      url: `https://www.example.lt/${path}-${++seq}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; url: string };
  }

  function beacon(body: unknown, opts: { address?: string; contentType?: string; origin?: string } = {}) {
    return t.app.inject({
      method: 'POST',
      url: '/api/public/track',
      remoteAddress: opts.address ?? nextAddress(),
      headers: {
        'content-type': opts.contentType ?? 'application/json',
        ...(opts.origin ? { origin: opts.origin } : {}),
      },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  it('stores an anonymous view by the content’s URL or a link token, also as text/plain from sendBeacon', async () => {
    const call = await marketer();
    const content = await newContent(call, 'kainos');
    const vid = visitor();
    const byUrl = await beacon(
      { contentUrl: `${content.url}/?utm_source=linkedin#top`, kind: 'view', visitorId: vid },
      { origin: 'https://www.example.lt' },
    );
    expect(byUrl.statusCode, byUrl.body).toBe(202);
    expect(byUrl.headers['access-control-allow-origin']).toBe('https://www.example.lt');
    const link = (await call('POST', `/content/${content.id}/links`, {})).json();
    const byToken = await beacon(JSON.stringify({ token: link.token, kind: 'view', visitorId: vid }), {
      contentType: 'text/plain;charset=UTF-8',
    });
    expect(byToken.statusCode, byToken.body).toBe(202);
    const rows = await t.deps.db
      .selectFrom('engagement_events')
      .selectAll()
      .where('visitor_id', '=', vid)
      .orderBy('occurred_at')
      .execute();
    expect(rows.map((r) => [r.kind, r.content_item_id, r.person_id, r.tracked_link_id])).toEqual([
      ['view', content.id, null, null],
      ['view', content.id, null, link.id],
    ]);
  });

  it('answers problem+json: 400 for bad input, 404 for content it does not track, 429 past the limit', async () => {
    const vid = visitor();
    const cases: [unknown, string | undefined, number][] = [
      [{ kind: 'view', visitorId: vid }, undefined, 400],
      [{ contentUrl: 'https://www.example.lt/x', kind: 'click', visitorId: vid }, undefined, 400],
      [{ contentUrl: 'https://www.example.lt/x', kind: 'view', visitorId: '<script>' }, undefined, 400],
      [{ contentUrl: 'https://www.example.lt/x', kind: 'view', visitorId: vid, extra: 1 }, undefined, 400],
      ['{not json', 'text/plain', 400],
      [{ contentUrl: 'https://www.example.lt/nothing-here', kind: 'view', visitorId: vid }, undefined, 404],
      [{ token: 'AAAAAAAAAAAAAAAAAAAAAA', kind: 'view', visitorId: vid }, undefined, 404],
    ];
    for (const [body, contentType, status] of cases) {
      const res = await beacon(body, contentType ? { contentType } : {});
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      problem(res);
    }
    const from = nextAddress();
    const body = { contentUrl: 'https://www.example.lt/nothing-here', kind: 'view', visitorId: vid };
    // Up to three windows' worth: a minute turning during the loop restarts the count once.
    let sent = 0;
    let limited: Awaited<ReturnType<typeof beacon>> | undefined;
    while (!limited && sent < 3 * BEACONS_PER_MINUTE) {
      const res = await beacon(body, { address: from });
      sent += 1;
      if (res.statusCode === 429) limited = res;
      else expect(res.statusCode).toBe(404);
    }
    expect(sent).toBeGreaterThan(BEACONS_PER_MINUTE);
    expect(limited?.statusCode).toBe(429);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    if (limited) problem(limited);
  });

  it('attaches a visitor’s earlier views to the lead their later form submission makes, in its transaction', async () => {
    const call = await marketer();
    const [one, two] = [await newContent(call, 'gidas'), await newContent(call, 'kaina')];
    const vid = visitor();
    for (const content of [one, one, two]) {
      expect((await beacon({ contentUrl: content.url, kind: 'view', visitorId: vid })).statusCode).toBe(202);
    }
    const stranger = visitor();
    await beacon({ contentUrl: one.url, kind: 'view', visitorId: stranger });
    const admin = await t.signedIn('admin');
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms',
      headers: admin.headers,
      payload: {
        name: 'Užklausa',
        fields: [{ key: 'person.email', required: true, label: text('El. paštas'), help: null }],
        minFillSeconds: 0,
      },
    });
    expect(form.statusCode, form.body).toBe(201);
    const formId = form.json().id;
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/public/forms/${formId}/submissions`,
      remoteAddress: nextAddress(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        'person.email': `vid.${seq}@example.lt`,
        _t: renderToken(t.deps.config.sessionSecret, formId, Date.now() - 10_000),
        _vid: vid,
      }).toString(),
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    await formInboxIdle(t.deps);
    const submission = await t.deps.db
      .selectFrom('form_submissions')
      .selectAll()
      .where('id', '=', submitted.json().id)
      .executeTakeFirstOrThrow();
    expect(submission.status).toBe('processed');
    const events = await t.deps.db
      .selectFrom('engagement_events')
      .selectAll()
      .where('visitor_id', 'in', [vid, stranger])
      .execute();
    const mine = events.filter((e) => e.visitor_id === vid);
    expect(mine).toHaveLength(3);
    expect(mine.every((e) => e.lead_id === submission.lead_id && e.person_id === submission.person_id)).toBe(
      true,
    );
    expect(events.find((e) => e.visitor_id === stranger)).toMatchObject({ person_id: null, lead_id: null });
    const attached = await t.deps.db
      .selectFrom('activities')
      .selectAll()
      .where('lead_id', '=', submission.lead_id as string)
      .where('subject', '=', 'engagement_attached')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(attached.data)).toMatchObject({
      events: 3,
      contentItems: 2,
      counts: { view: 3 },
      summary: 'viewed 2 content items before (3 views)',
    });
    expect(attached.channel).toBe('form');
  });
});
