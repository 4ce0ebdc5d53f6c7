import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, useTestApp } from '../../../../test/harness.js';
import {
  FACEBOOK_LEAD_ADS_EXAMPLE,
  GENERIC_EXAMPLE,
  LINKEDIN_LEAD_GEN_EXAMPLE,
} from '../../../domain/integrations/presets.js';
import { SEED_SOURCES } from '../../db/migrations/seed-sources.js';
import { webhookInboxIdle } from './webhook-inbox.js';
import { WEBHOOK_MAX_PER_MINUTE } from './webhooks.service.js';

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000ffff';
const sign = (secret: string, body: string | Buffer) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}-${Date.now()}`;

describeEachDialect('inbound webhooks', (dialect) => {
  const t = useTestApp(dialect);

  async function newIntegration(kind: string, extra: Record<string, unknown> = {}) {
    const s = await t.signedIn('marketer');
    const owner = await t.newUser({ role: 'rep' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integrations',
      headers: s.headers,
      payload: { name: `Hook ${kind}`, kind, sourceId: SEED_SOURCES[1].id, ownerId: owner.id, ...extra },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, secret } = res.json() as { id: string; secret: string };
    const patch = (payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/integrations/${id}`, headers: s.headers, payload });
    return { id, secret, owner, patch };
  }

  function post(id: string, body: string | Buffer, headers: Record<string, string> = {}) {
    return t.app.inject({
      method: 'POST',
      url: `/api/public/webhooks/${id}`,
      headers: { 'content-type': 'application/json', ...headers },
      payload: body,
    });
  }
  const deliver = (id: string, secret: string, body: string) =>
    post(id, body, { 'x-piltuvas-signature': sign(secret, body) });

  const count = async (table: 'webhook_events' | 'leads') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function eventRow(id: string) {
    await webhookInboxIdle(t.deps);
    return t.deps.db.selectFrom('webhook_events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  async function leadView(leadId: string) {
    const lead = await t.deps.db
      .selectFrom('leads')
      .selectAll()
      .where('id', '=', leadId)
      .executeTakeFirstOrThrow();
    const person = await t.deps.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', lead.person_id as string)
      .executeTakeFirstOrThrow();
    const emails = await t.deps.db
      .selectFrom('person_emails')
      .select('email')
      .where('person_id', '=', person.id)
      .execute();
    const phones = await t.deps.db
      .selectFrom('person_phones')
      .select('phone')
      .where('person_id', '=', person.id)
      .execute();
    const activities = await t.deps.db
      .selectFrom('activities')
      .select(['subject', 'channel', 'data'])
      .where('lead_id', '=', leadId)
      .execute();
    return {
      lead,
      person,
      emails: emails.map((e) => e.email),
      phones: phones.map((p) => p.phone),
      activities,
    };
  }

  describe('signature', () => {
    it('accepts a correctly signed event (202) and refuses a missing, malformed or wrong signature (401)', async () => {
      const { id, secret } = await newIntegration('generic');
      const other = await newIntegration('generic');
      const body = JSON.stringify({ ...GENERIC_EXAMPLE, id: unique('sig') });
      const good = sign(secret, body);
      const flipped = good.slice(0, -1) + (good.endsWith('0') ? '1' : '0');
      const refusals = {
        missing: {},
        malformed: { 'x-piltuvas-signature': good.replace('sha256=', 'sha1=') },
        bare: { 'x-piltuvas-signature': good.slice('sha256='.length) },
        flipped: { 'x-piltuvas-signature': flipped },
        'other integration': { 'x-piltuvas-signature': sign(other.secret, body) },
        'another body': { 'x-piltuvas-signature': sign(secret, `${body} `) },
      };
      const before = await count('webhook_events');
      for (const [name, headers] of Object.entries(refusals)) {
        const res = await post(id, body, headers);
        expect(res.statusCode, name).toBe(401);
        expect(problem(res).type).toBe('urn:piltuvas:problem:unauthenticated');
      }
      expect(await count('webhook_events')).toBe(before);
      const ok = await post(id, body, {
        'x-piltuvas-signature': good.toUpperCase().replace('SHA256=', 'sha256='),
      });
      expect(ok.statusCode, ok.body).toBe(202);
      expect(ok.json()).toEqual({ id: expect.any(String), status: 'accepted' });
      await webhookInboxIdle(t.deps);
    });

    it('answers 404 to an unknown or inactive integration, before looking at the signature', async () => {
      const { id, secret, patch } = await newIntegration('generic');
      const body = JSON.stringify({ ...GENERIC_EXAMPLE, id: unique('gone') });
      expect((await deliver(UNKNOWN_ID, secret, body)).statusCode).toBe(404);
      expect((await post('not-a-uuid', body)).statusCode).toBe(404);
      await patch({ active: false });
      const inactive = await deliver(id, secret, body);
      expect(inactive.statusCode).toBe(404);
      problem(inactive);
    });
  });

  describe('idempotency', () => {
    it('stores the same event once and makes one lead: a repeat answers 200 duplicate', async () => {
      const { id, secret } = await newIntegration('generic');
      const eventId = unique('dup');
      const body = JSON.stringify({ ...GENERIC_EXAMPLE, id: eventId, email: `${eventId}@example.lt` });
      const leadsBefore = await count('leads');
      const one = await deliver(id, secret, body);
      expect(one.statusCode).toBe(202);
      await webhookInboxIdle(t.deps);
      const two = await deliver(id, secret, body);
      expect(two.statusCode).toBe(200);
      expect(two.json()).toEqual({ id: one.json().id, duplicate: true });
      // the same event id with another body (a re-send with a later timestamp) is still a repeat
      const three = await deliver(id, secret, JSON.stringify({ id: eventId, email: 'other@example.lt' }));
      expect(three.json()).toEqual({ id: one.json().id, duplicate: true });
      await webhookInboxIdle(t.deps);
      const rows = await t.deps.db
        .selectFrom('webhook_events')
        .select(['status', 'lead_id'])
        .where('integration_id', '=', id)
        .where('event_id', '=', eventId)
        .execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.status).toBe('processed');
      expect(await count('leads')).toBe(leadsBefore + 1);
    });
  });

  describe('presets end to end', () => {
    it('turns a Facebook Lead Ads lead object into a lead with its owner, source and campaign name', async () => {
      const { id, secret, owner } = await newIntegration('facebook_lead_ads');
      const res = await deliver(id, secret, JSON.stringify(FACEBOOK_LEAD_ADS_EXAMPLE));
      expect(res.statusCode, res.body).toBe(202);
      const row = await eventRow(res.json().id);
      expect(row).toMatchObject({ status: 'processed', event_id: FACEBOOK_LEAD_ADS_EXAMPLE.id, error: null });
      const v = await leadView(row.lead_id as string);
      expect(v.lead).toMatchObject({
        owner_id: owner.id,
        source_id: SEED_SOURCES[1].id,
        source_detail: 'Pavasario seminaras — LT',
        created_by: null,
        stage: 'suspect',
      });
      expect(v.person).toMatchObject({
        first_name: 'Jonas',
        last_name: 'Jonaitis',
        job_title: 'Pardavimų vadovas',
        city: 'Kaunas',
      });
      expect(v.emails).toEqual(['jonas.jonaitis@example.com']);
      expect(v.phones).toEqual(['+37061234567']);
      expect(row.person_id).toBe(v.person.id);
      const received = v.activities.find((a) => a.subject === 'webhook_received');
      expect(received?.channel).toBe('webhook');
      expect(JSON.parse(received?.data as string)).toMatchObject({
        integrationName: 'Hook facebook_lead_ads',
        eventId: FACEBOOK_LEAD_ADS_EXAMPLE.id,
        kind: 'facebook_lead_ads',
        origin: { kind: 'integration', id },
      });
    });

    it('turns a LinkedIn Lead Gen response into a lead with its consents; a test lead is stored, never a lead', async () => {
      const { id, secret } = await newIntegration('linkedin_lead_gen');
      const res = await deliver(id, secret, JSON.stringify(LINKEDIN_LEAD_GEN_EXAMPLE));
      expect(res.statusCode, res.body).toBe(202);
      const row = await eventRow(res.json().id);
      expect(row.status).toBe('processed');
      const v = await leadView(row.lead_id as string);
      expect(v.person).toMatchObject({
        first_name: 'Rūta',
        last_name: 'Kazlauskienė',
        job_title: 'Operations Director',
      });
      expect(v.emails).toEqual(['ruta.kazlauskiene@example.com']);
      expect(v.phones).toEqual(['+37065512345']);
      expect(v.lead.source_detail).toBe('Fleet software demo — Baltics');
      const consents = await t.deps.db
        .selectFrom('consents')
        .select(['purpose', 'granted', 'channel', 'origin_id'])
        .where('person_id', '=', v.person.id)
        .orderBy('purpose')
        .execute();
      expect(consents).toEqual([
        { purpose: `integration:${id}:consent:0`, granted: 1, channel: 'webhook', origin_id: id },
        { purpose: `integration:${id}:consent:1`, granted: 0, channel: 'webhook', origin_id: id },
      ]);

      const leadsBefore = await count('leads');
      const probe = { ...LINKEDIN_LEAD_GEN_EXAMPLE, id: unique('li-test'), testLead: true };
      const test = await deliver(id, secret, JSON.stringify(probe));
      expect(test.statusCode, test.body).toBe(202);
      expect(test.json().status).toBe('test');
      const testRow = await eventRow(test.json().id);
      expect(testRow).toMatchObject({ status: 'test', lead_id: null });
      expect(await count('leads')).toBe(leadsBefore);
    });

    it('adds campaign parameters as a touch and keeps the message on the timeline', async () => {
      const mapping = {
        eventId: { pointer: '/id' },
        fields: {
          'person.email': { pointer: '/email' },
          'person.fullName': { pointer: '/name' },
          'lead.message': { pointer: '/message' },
          'utm.source': { pointer: '/utm/source' },
          'utm.campaign': { pointer: '/utm/campaign' },
          'lead.sourceDetail': { const: 'Zapier' },
        },
      };
      const { id, secret } = await newIntegration('generic', { mapping });
      const body = {
        id: unique('utm'),
        email: `utm${seq}@example.lt`,
        name: 'Ona Marija Petraitė',
        message: 'Norime demonstracijos',
        utm: { source: 'linkedin', campaign: 'ruduo' },
      };
      const res = await deliver(id, secret, JSON.stringify(body));
      expect(res.statusCode, res.body).toBe(202);
      const row = await eventRow(res.json().id);
      const v = await leadView(row.lead_id as string);
      expect(v.person).toMatchObject({ first_name: 'Ona Marija', last_name: 'Petraitė' });
      expect(v.lead.source_detail).toBe('Zapier');
      const touch = await t.deps.db
        .selectFrom('touches')
        .selectAll()
        .where('lead_id', '=', v.lead.id)
        .executeTakeFirstOrThrow();
      expect(touch).toMatchObject({
        utm_source: 'linkedin',
        utm_campaign: 'ruduo',
        channel: 'webhook',
        origin_id: id,
      });
      expect(v.lead.first_touch_id).toBe(touch.id);
      const received = v.activities.find((a) => a.subject === 'webhook_received');
      expect(JSON.parse(received?.data as string).message).toBe('Norime demonstracijos');
    });
  });

  describe('bad input', () => {
    it('refuses values the lead write path would refuse, naming the target field, and stores nothing', async () => {
      const { id, secret } = await newIntegration('generic');
      const before = await count('webhook_events');
      const cases: [Record<string, unknown>, string[]][] = [
        [{ id: unique('bad'), email: 'not-an-email', first_name: 'Ona' }, ['person.email:invalid_format']],
        [{ id: unique('bad'), phone: 'call me', last_name: 'Ona' }, ['person.phone:invalid_format']],
        [{ id: unique('bad'), company: 'UAB Niekas' }, ['person:required']],
        [{ id: unique('bad'), email: 'a@b.lt', first_name: 'x'.repeat(101) }, ['person.firstName:too_long']],
        [{ email: 'a@b.lt' }, ['eventId:required']],
        [{ id: 'x'.repeat(201), email: 'a@b.lt' }, ['eventId:too_long']],
      ];
      for (const [payload, expected] of cases) {
        const res = await deliver(id, secret, JSON.stringify(payload));
        expect(res.statusCode, res.body).toBe(400);
        expect(problem(res).errors?.map((e) => `${e.field}:${e.code}`)).toEqual(expected);
      }
      for (const raw of ['{"id": 1,', 'null', '"text"', '[]']) {
        const res = await deliver(id, secret, raw);
        expect(res.statusCode, raw).toBe(400);
        problem(res);
      }
      const poisoned = await deliver(id, secret, '{"id":"p1","email":"a@b.lt","__proto__":{"x":1}}');
      expect(poisoned.statusCode).toBe(400);
      const latin1 = Buffer.from('{"id":"l1","email":"a@b.lt","first_name":"\xe9"}', 'latin1');
      const notUtf8 = await post(id, latin1, { 'x-piltuvas-signature': sign(secret, latin1) });
      expect(problem(notUtf8).errors?.[0]?.field).toBe('body');
      expect(await count('webhook_events')).toBe(before);
    });

    it('takes text/plain bodies too, refuses other content types (415) and bodies over 256 KiB (413)', async () => {
      const { id, secret } = await newIntegration('generic');
      const body = JSON.stringify({
        ...GENERIC_EXAMPLE,
        id: unique('plain'),
        email: `plain${seq}@example.lt`,
      });
      const plain = await post(id, body, {
        'content-type': 'text/plain',
        'x-piltuvas-signature': sign(secret, body),
      });
      expect(plain.statusCode, plain.body).toBe(202);
      const form = await post(id, 'id=1', {
        'content-type': 'application/x-www-form-urlencoded',
        'x-piltuvas-signature': sign(secret, 'id=1'),
      });
      expect(form.statusCode).toBe(415);
      problem(form);
      const huge = JSON.stringify({ id: unique('huge'), email: 'a@b.lt', pad: 'x'.repeat(256 * 1024) });
      const tooBig = await deliver(id, secret, huge);
      expect(tooBig.statusCode).toBe(413);
      problem(tooBig);
      await webhookInboxIdle(t.deps);
    });

    it('answers 429 with Retry-After past the per-integration limit, counting signed events only', async () => {
      const { id, secret } = await newIntegration('generic');
      const realNow = t.deps.now;
      // why a fixed clock: the limit counts per minute, and a minute turning mid-test would reset it.
      const fixed = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 5_000);
      t.deps.now = () => fixed;
      try {
        for (let i = 0; i < 5; i++)
          expect((await post(id, '{}', { 'x-piltuvas-signature': 'sha256=00' })).statusCode).toBe(401);
        const signedJunk = 'not json';
        for (let i = 0; i < WEBHOOK_MAX_PER_MINUTE; i++) {
          const res = await post(id, signedJunk, { 'x-piltuvas-signature': sign(secret, signedJunk) });
          if (res.statusCode !== 400) throw new Error(`request ${i}: ${res.statusCode} ${res.body}`);
        }
        const limited = await deliver(id, secret, JSON.stringify({ ...GENERIC_EXAMPLE, id: unique('rl') }));
        expect(limited.statusCode).toBe(429);
        expect(Number(limited.headers['retry-after'])).toBe(55);
        problem(limited);
        const otherHook = await newIntegration('generic');
        const other = await deliver(
          otherHook.id,
          otherHook.secret,
          JSON.stringify({ ...GENERIC_EXAMPLE, id: unique('rl') }),
        );
        expect(other.statusCode).toBe(202);
      } finally {
        t.deps.now = realNow;
      }
      await webhookInboxIdle(t.deps);
    });
  });

  describe('the worker', () => {
    it('marks an event failed with the reasons when it no longer fits the mapping, and never drops it', async () => {
      const { id, secret, patch } = await newIntegration('generic');
      const res = await deliver(
        id,
        secret,
        JSON.stringify({ id: unique('refit'), email: 'refit@example.lt' }),
      );
      expect(res.statusCode).toBe(202);
      await webhookInboxIdle(t.deps);
      // a later mapping that reads a custom field no one defined: the stored event is re-read through it
      await patch({
        mapping: {
          eventId: { pointer: '/id' },
          fields: { 'person.email': { pointer: '/email' }, 'cf.budget': { const: '10' } },
        },
      });
      const second = await deliver(
        id,
        secret,
        JSON.stringify({ id: unique('refit'), email: 'refit2@example.lt' }),
      );
      expect(second.statusCode).toBe(400);
      expect(problem(second).errors?.map((e) => `${e.field}:${e.code}`)).toEqual(['cf.budget:not_allowed']);
      await t.deps.db
        .insertInto('webhook_events')
        .values({
          id: '01900000-0000-7000-8000-0000000000a1',
          integration_id: id,
          event_id: unique('stored-before'),
          status: 'pending',
          body: JSON.stringify({ id: 'x', email: 'stored@example.lt' }),
          received_at: new Date().toISOString(),
        })
        .execute();
      const { drainWebhookInbox } = await import('./webhook-inbox.js');
      await drainWebhookInbox(t.deps);
      const row = await eventRow('01900000-0000-7000-8000-0000000000a1');
      expect(row.status).toBe('failed');
      expect(JSON.parse(row.error as string)).toMatchObject({
        code: 'validation',
        errors: [{ field: 'cf.budget' }],
      });
    });
  });
});
