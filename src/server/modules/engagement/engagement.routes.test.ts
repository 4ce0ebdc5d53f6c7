import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { newLead, uniqueEmail } from '../../../../test/factories.js';
import { problem, useTestApp } from '../../../../test/harness.js';
import { SEED_SOURCES } from '../../db/migrations/seed-sources.js';

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000ffff';
const sourceId = (key: string) => SEED_SOURCES.find((s) => s.key === key)?.id;

describeEachDialect('engagement tracking', (dialect) => {
  const t = useTestApp(dialect);
  let address = 0;
  // Per dialect too: the per-address counters live in the process, which both dialects' suites share.
  const nextAddress = () =>
    `10.${dialect === 'sqlite' ? 1 : 11}.${Math.floor(++address / 250)}.${address % 250}`;

  async function as(role: 'marketer' | 'admin' | 'rep' | 'manager') {
    const s = await t.signedIn(role);
    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
    return Object.assign(call, { session: s });
  }

  async function newContent(extra: Record<string, unknown> = {}) {
    const call = await as('marketer');
    const res = await call('POST', '/content', {
      kind: 'blog_post',
      title: 'Kaip išsirinkti CRM',
      url: `https://www.example.lt/blog/crm-${++address}`,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { content: res.json(), call };
  }

  const engagementsOf = (personId: string) =>
    t.deps.db.selectFrom('engagement_events').selectAll().where('person_id', '=', personId).execute();
  const timelineOf = (personId: string) =>
    t.deps.db
      .selectFrom('activities')
      .selectAll()
      .where('person_id', '=', personId)
      .where('subject', '=', 'engagement')
      .execute();

  describe('content', () => {
    it('lets marketers add, read and change content, with the seeded source of its kind or channel', async () => {
      const { content, call } = await newContent({ kind: 'social_post', channel: 'linkedin' });
      expect(content).toMatchObject({
        kind: 'social_post',
        channel: 'linkedin',
        sourceId: sourceId('linkedin'),
        campaignId: null,
      });
      const video = await call('POST', '/content', {
        kind: 'video',
        title: 'Demo',
        url: 'https://WWW.Example.lt/video',
      });
      expect(video.json()).toMatchObject({
        channel: 'website',
        sourceId: sourceId('video'),
        url: 'https://www.example.lt/video',
      });
      const patched = await call('PATCH', `/content/${content.id}`, {
        title: 'Naujas pavadinimas',
        sourceId: sourceId('social_network'),
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({
        title: 'Naujas pavadinimas',
        sourceId: sourceId('social_network'),
      });
      const one = await call('GET', `/content/${content.id}`);
      expect(one.json()).toMatchObject({ id: content.id, title: 'Naujas pavadinimas', links: [] });
      const list = await call('GET', '/content?limit=1');
      expect(list.json().items).toHaveLength(1);
      expect(list.json().nextCursor).toBeTruthy();
      const next = await call('GET', `/content?limit=1&cursor=${encodeURIComponent(list.json().nextCursor)}`);
      expect(next.json().items[0].id).not.toBe(list.json().items[0].id);
      expect((await call('GET', `/content/${UNKNOWN_ID}`)).statusCode).toBe(404);
    });

    it('refuses reps and managers (403), strangers (401) and bad input, naming the fields', async () => {
      const { content } = await newContent();
      for (const role of ['rep', 'manager'] as const) {
        const call = await as(role);
        expect(
          (await call('POST', '/content', { kind: 'image', title: 'x', url: 'https://a.lt' })).statusCode,
        ).toBe(403);
        expect((await call('PATCH', `/content/${content.id}`, { title: 'x' })).statusCode).toBe(403);
        expect((await call('POST', `/content/${content.id}/links`, {})).statusCode).toBe(403);
        expect((await call('GET', `/content/${content.id}/engagements`)).statusCode).toBe(403);
        const engagement = await call('POST', '/engagements', {
          contentItemId: content.id,
          kind: 'like',
          email: uniqueEmail(),
        });
        expect(engagement.statusCode).toBe(403);
        problem(engagement);
      }
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/content' })).statusCode).toBe(401);
      const call = await as('marketer');
      const bad = await call('POST', '/content', {
        kind: 'podcast',
        title: ' ',
        url: 'javascript:alert(1)',
        campaignId: UNKNOWN_ID,
      });
      expect(bad.statusCode).toBe(400);
      expect(
        problem(bad)
          .errors?.map((e) => e.field)
          .sort(),
      ).toEqual(['kind', 'title', 'url']);
      const missing = await call('POST', '/content', {
        kind: 'image',
        title: 'Paveikslas',
        url: 'https://a.lt/p.png',
        campaignId: UNKNOWN_ID,
      });
      expect(problem(missing).errors).toEqual([
        expect.objectContaining({ field: 'campaignId', code: 'not_found' }),
      ]);
    });
  });

  describe('tracked links', () => {
    it('redirects to the stored target (302), records the click with the visitor id, and 404s an unknown token', async () => {
      const { content, call } = await newContent();
      const res = await call('POST', `/content/${content.id}/links`, { channel: 'newsletter' });
      expect(res.statusCode, res.body).toBe(201);
      const link = res.json();
      expect(link.url).toMatch(new RegExp(`/t/${link.token}$`));
      expect(link).toMatchObject({ targetUrl: content.url, channel: 'newsletter', personId: null });
      const click = await t.app.inject({
        method: 'GET',
        url: `/t/${link.token}?pv_vid=visitor-0001&url=https://evil.example/`,
        remoteAddress: nextAddress(),
      });
      expect(click.statusCode).toBe(302);
      expect(click.headers.location).toBe(content.url);
      const events = await t.deps.db
        .selectFrom('engagement_events')
        .selectAll()
        .where('tracked_link_id', '=', link.id)
        .execute();
      expect(events).toEqual([
        expect.objectContaining({
          kind: 'click',
          visitor_id: 'visitor-0001',
          person_id: null,
          content_item_id: content.id,
        }),
      ]);
      for (const token of ['AAAAAAAAAAAAAAAAAAAAAA', 'x', '..%2F..%2Fetc']) {
        const unknown = await t.app.inject({ method: 'GET', url: `/t/${token}` });
        expect(unknown.statusCode, token).toBe(404);
        problem(unknown);
      }
      const listed = await call('GET', `/content/${content.id}`);
      expect(listed.json().links.map((l: { id: string }) => l.id)).toEqual([link.id]);
    });

    it('takes only an http(s) target, and a personal link’s click goes onto that person’s timeline', async () => {
      const { content, call } = await newContent();
      const js = await call('POST', `/content/${content.id}/links`, { targetUrl: 'javascript:alert(1)' });
      expect(js.statusCode).toBe(400);
      const nobody = await call('POST', `/content/${content.id}/links`, { personId: UNKNOWN_ID });
      expect(problem(nobody).errors).toEqual([
        expect.objectContaining({ field: 'personId', code: 'not_found' }),
      ]);
      const lead = await newLead(t.app, (await as('rep')).session);
      const res = await call('POST', `/content/${content.id}/links`, {
        personId: lead.personId,
        targetUrl: 'https://www.example.lt/kainos?utm_source=crm',
      });
      const link = res.json();
      for (let i = 0; i < 2; i++) {
        const click = await t.app.inject({
          method: 'GET',
          url: `/t/${link.token}`,
          remoteAddress: nextAddress(),
        });
        expect(click.headers.location).toBe('https://www.example.lt/kainos?utm_source=crm');
      }
      const events = await engagementsOf(lead.personId);
      expect(events.map((e) => [e.kind, e.lead_id])).toEqual([
        ['click', lead.id],
        ['click', lead.id],
      ]);
      const timeline = await timelineOf(lead.personId);
      expect(timeline).toHaveLength(1);
      expect(timeline[0]).toMatchObject({ lead_id: lead.id, type: 'system', channel: 'tracking' });
      expect(JSON.parse(timeline[0]?.data ?? '{}')).toMatchObject({
        kind: 'click',
        contentItemId: content.id,
      });
    });
  });

  describe('recorded engagement', () => {
    it('puts a known person’s engagement on their timeline once per content item and day, storing every event', async () => {
      const { content, call } = await newContent();
      const email = uniqueEmail('known');
      const lead = await newLead(t.app, (await as('rep')).session, {
        person: { firstName: 'Rūta', lastName: 'Žinoma', emails: [email] },
      });
      const times = ['2026-03-10T07:00:00.000Z', '2026-03-10T15:00:00.000Z', '2026-03-11T08:00:00.000Z'];
      for (const [i, occurredAt] of times.entries()) {
        const res = await call('POST', '/engagements', {
          contentItemId: content.id,
          kind: i === 1 ? 'share' : 'like',
          email: email.toUpperCase(),
          occurredAt,
        });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json()).toMatchObject({ personId: lead.personId, leadId: lead.id, leadCreated: false });
      }
      expect(await engagementsOf(lead.personId)).toHaveLength(3);
      const timeline = await timelineOf(lead.personId);
      expect(timeline.map((a) => a.occurred_at).sort()).toEqual([times[0], times[2]]);
      const byId = await call('POST', '/engagements', {
        contentItemId: content.id,
        kind: 'comment',
        personId: lead.personId,
        occurredAt: times[2],
      });
      expect(byId.statusCode).toBe(201);
      expect(await timelineOf(lead.personId)).toHaveLength(2);
      const listed = await call('GET', `/content/${content.id}/engagements`);
      expect(listed.json().counts).toEqual({ view: 0, click: 0, like: 2, reaction: 0, share: 1, comment: 1 });
      expect(listed.json().items[0]).toMatchObject({ kind: 'comment', personName: 'Rūta Žinoma' });
    });

    it('turns a new e-mail into a suspect lead credited to the content’s source, through the capture path', async () => {
      const { content, call } = await newContent({ kind: 'social_post', channel: 'linkedin' });
      const email = uniqueEmail('naujas');
      const res = await call('POST', '/engagements', {
        contentItemId: content.id,
        kind: 'reaction',
        email,
        firstName: 'Naujas',
        lastName: 'Sekėjas',
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({ leadCreated: true, duplicate: false });
      const lead = await t.deps.db
        .selectFrom('leads')
        .selectAll()
        .where('id', '=', body.leadId)
        .executeTakeFirstOrThrow();
      expect(lead).toMatchObject({
        stage: 'suspect',
        source_id: sourceId('linkedin'),
        person_id: body.personId,
        created_by: null,
        owner_id: null,
      });
      const touch = await t.deps.db
        .selectFrom('touches')
        .selectAll()
        .where('lead_id', '=', lead.id)
        .executeTakeFirstOrThrow();
      expect(touch).toMatchObject({ channel: 'tracking', origin_kind: 'content', origin_id: content.id });
      expect(touch.landing_page).toBe(content.url);
      const events = await t.deps.db
        .selectFrom('activities')
        .select(['subject', 'channel'])
        .where('lead_id', '=', lead.id)
        .execute();
      expect(events.map((e) => e.subject).sort()).toEqual(['created', 'engagement']);
      // the next engagement that day is stored, not put on the timeline again
      await call('POST', '/engagements', { contentItemId: content.id, kind: 'like', email });
      expect(await engagementsOf(body.personId)).toHaveLength(2);
      expect(await timelineOf(body.personId)).toHaveLength(1);
    });

    it('stores an external id once: a repeat answers 200 with the first event and stores nothing', async () => {
      const { content, call } = await newContent();
      const payload = {
        contentItemId: content.id,
        kind: 'like',
        email: uniqueEmail('kartas'),
        externalId: 'urn:li:activity:123',
      };
      const one = await call('POST', '/engagements', payload);
      const two = await call('POST', '/engagements', { ...payload, kind: 'share' });
      expect(one.statusCode).toBe(201);
      expect(two.statusCode).toBe(200);
      expect(two.json()).toMatchObject({
        id: one.json().id,
        kind: 'like',
        duplicate: true,
        leadCreated: false,
      });
      const stored = await t.deps.db
        .selectFrom('engagement_events')
        .select('id')
        .where('content_item_id', '=', content.id)
        .execute();
      expect(stored).toHaveLength(1);
      const other = await newContent();
      const elsewhere = await other.call('POST', '/engagements', {
        ...payload,
        contentItemId: other.content.id,
      });
      expect(elsewhere.statusCode).toBe(201);
    });

    it('refuses an engagement without a person, with both, for unknown content or in the future', async () => {
      const { content, call } = await newContent();
      const none = await call('POST', '/engagements', { contentItemId: content.id, kind: 'like' });
      expect(problem(none).errors?.map((e) => `${e.field}:${e.code}`)).toEqual(['email:required']);
      const both = await call('POST', '/engagements', {
        contentItemId: content.id,
        kind: 'like',
        email: uniqueEmail(),
        personId: UNKNOWN_ID,
        occurredAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      expect(
        problem(both)
          .errors?.map((e) => `${e.field}:${e.code}`)
          .sort(),
      ).toEqual(['occurredAt:out_of_range', 'personId:not_allowed']);
      const unknown = await call('POST', '/engagements', {
        contentItemId: UNKNOWN_ID,
        kind: 'like',
        email: uniqueEmail(),
      });
      expect(problem(unknown).errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
        'contentItemId:not_found',
      ]);
      const nobody = await call('POST', '/engagements', {
        contentItemId: content.id,
        kind: 'like',
        personId: UNKNOWN_ID,
      });
      expect(problem(nobody).errors?.map((e) => `${e.field}:${e.code}`)).toEqual(['personId:not_found']);
    });
  });
});
