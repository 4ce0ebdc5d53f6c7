import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, useTestApp } from '../../../../test/harness.js';
import { GENERIC_EXAMPLE, PRESETS } from '../../../domain/integrations/presets.js';
import { SEED_SOURCES } from '../../db/migrations/seed-sources.js';
import { webhookInboxIdle } from './webhook-inbox.js';

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000ffff';
const sign = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describeEachDialect('integrations (admin API)', (dialect) => {
  const t = useTestApp(dialect);

  async function marketer() {
    const s = await t.signedIn('marketer');
    return (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
  }

  function deliver(id: string, body: string, secret: string) {
    return t.app.inject({
      method: 'POST',
      url: `/api/public/webhooks/${id}`,
      headers: { 'content-type': 'application/json', 'x-piltuvas-signature': sign(secret, body) },
      payload: body,
    });
  }

  describe('settings', () => {
    it('lets a marketer create an integration with its preset mapping and shows the secret only then', async () => {
      const call = await marketer();
      const owner = await t.newUser({ role: 'rep' });
      const res = await call('POST', '/integrations', {
        name: 'Facebook — pavasaris',
        kind: 'facebook_lead_ads',
        sourceId: SEED_SOURCES[0].id,
        ownerId: owner.id,
      });
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json();
      expect(created).toMatchObject({
        name: 'Facebook — pavasaris',
        kind: 'facebook_lead_ads',
        active: true,
        mapping: PRESETS.facebook_lead_ads.mapping,
        ownerId: owner.id,
        signatureHeader: 'X-Piltuvas-Signature',
        previousSecretValidUntil: null,
        counts: { pending: 0, processed: 0, failed: 0, test: 0 },
      });
      expect(created.secret).toMatch(/^[\w-]{43}$/);
      expect(created.endpoint).toMatch(new RegExp(`/api/public/webhooks/${created.id}$`));

      const one = await call('GET', `/integrations/${created.id}`);
      expect(one.statusCode).toBe(200);
      expect(one.json().secret).toBeUndefined();
      expect(one.body).not.toContain(created.secret);
      const list = await call('GET', '/integrations');
      expect(list.json().items.map((i: { id: string }) => i.id)).toContain(created.id);
      expect(list.body).not.toContain(created.secret);

      const patched = await call('PATCH', `/integrations/${created.id}`, {
        name: 'Facebook',
        active: false,
        mapping: PRESETS.generic.mapping,
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({
        name: 'Facebook',
        active: false,
        mapping: PRESETS.generic.mapping,
      });
      expect(patched.json().secret).toBeUndefined();
    });

    it('keeps the secret encrypted at rest and out of the audit log', async () => {
      const call = await marketer();
      const { id, secret } = (
        await call('POST', '/integrations', { name: 'Generic', kind: 'generic' })
      ).json();
      await call('PATCH', `/integrations/${id}`, { name: 'Generic 2' });
      const rotated = (await call('POST', `/integrations/${id}/rotate-secret`)).json();
      const row = await t.deps.db
        .selectFrom('integrations')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.secret_enc).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
      for (const s of [secret, rotated.secret]) expect(JSON.stringify(row)).not.toContain(s);
      const audit = await t.deps.db
        .selectFrom('audit_log')
        .select(['action', 'before_json', 'after_json'])
        .where('entity_type', '=', 'integration')
        .where('entity_id', '=', id)
        .orderBy('occurred_at')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'rotate_secret']);
      const text = JSON.stringify(audit);
      for (const s of [secret, rotated.secret, row.secret_enc, row.secret_prev_enc as string])
        expect(text).not.toContain(s);
      expect(text).not.toContain('secret_enc');
    });

    it('refuses a broken mapping, naming each problem under mapping.*, and unknown references', async () => {
      const call = await marketer();
      const res = await call('POST', '/integrations', {
        name: 'Broken',
        kind: 'generic',
        mapping: {
          fields: {
            'person.mail': { pointer: '/m' },
            'person.email': { pointer: 'email' },
            'person.phone': { pointr: '/p' },
          },
        },
        ownerId: UNKNOWN_ID,
        campaignId: UNKNOWN_ID,
      });
      expect(res.statusCode).toBe(400);
      expect(
        problem(res)
          .errors?.map((e) => `${e.field}:${e.code}`)
          .sort(),
      ).toEqual([
        'campaignId:not_found',
        'mapping.eventId:required',
        'mapping.fields.person.email:invalid_pointer',
        'mapping.fields.person.mail:unknown_target',
        'mapping.fields.person.phone:invalid_source',
        'ownerId:not_found',
      ]);
      expect(problem(res).errors?.every((e) => e.message.length > 0)).toBe(true);
      const { id } = (await call('POST', '/integrations', { name: 'Ok', kind: 'generic' })).json();
      const patch = await call('PATCH', `/integrations/${id}`, {
        mapping: { eventId: { const: 1 }, fields: {} },
      });
      expect(problem(patch).errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
        'mapping.eventId:invalid_type',
      ]);
      const wrongKind = await call('POST', '/integrations', { name: 'x', kind: 'zapier' });
      expect(problem(wrongKind).errors?.[0]?.field).toBe('kind');
    });

    it('is for marketers and admins only: reps and managers get 403, strangers 401', async () => {
      const call = await marketer();
      const { id } = (await call('POST', '/integrations', { name: 'Private', kind: 'generic' })).json();
      for (const role of ['rep', 'manager'] as const) {
        const s = await t.signedIn(role);
        const calls = [
          { method: 'GET' as const, url: '/api/v1/integrations' },
          { method: 'GET' as const, url: `/api/v1/integrations/${id}` },
          { method: 'GET' as const, url: `/api/v1/integrations/${id}/events` },
          { method: 'GET' as const, url: '/api/v1/integration-presets' },
          { method: 'POST' as const, url: '/api/v1/integrations', payload: { name: 'x', kind: 'generic' } },
          { method: 'PATCH' as const, url: `/api/v1/integrations/${id}`, payload: { name: 'x' } },
          { method: 'POST' as const, url: `/api/v1/integrations/${id}/rotate-secret` },
        ];
        for (const c of calls) {
          const res = await t.app.inject({ ...c, headers: s.headers });
          expect(res.statusCode, `${role} ${c.method} ${c.url}`).toBe(403);
        }
      }
      const admin = await t.signedIn('admin');
      const asAdmin = await t.app.inject({
        method: 'GET',
        url: `/api/v1/integrations/${id}`,
        headers: admin.headers,
      });
      expect(asAdmin.statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/integrations' })).statusCode).toBe(401);
      expect((await call('GET', `/integrations/${UNKNOWN_ID}`)).statusCode).toBe(404);
      expect((await call('POST', `/integrations/${UNKNOWN_ID}/rotate-secret`)).statusCode).toBe(404);
    });

    it('serves the three presets with their mapping and an example payload', async () => {
      const call = await marketer();
      const res = await call('GET', '/integration-presets');
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { kind: string; mapping: unknown; example: unknown }[];
      expect(items.map((p) => p.kind)).toEqual(['generic', 'facebook_lead_ads', 'linkedin_lead_gen']);
      expect(items[0]).toEqual({
        kind: 'generic',
        mapping: PRESETS.generic.mapping,
        example: GENERIC_EXAMPLE,
      });
    });
  });

  describe('secret rotation', () => {
    it('accepts the previous secret for 24 hours after a rotation, then only the new one', async () => {
      const call = await marketer();
      const { id, secret: old } = (
        await call('POST', '/integrations', { name: 'Rotate', kind: 'generic' })
      ).json();
      const rotated = await call('POST', `/integrations/${id}/rotate-secret`);
      expect(rotated.statusCode, rotated.body).toBe(200);
      const { secret: fresh, previousSecretValidUntil, secretRotatedAt } = rotated.json();
      expect(fresh).not.toBe(old);
      expect(Date.parse(previousSecretValidUntil) - Date.parse(secretRotatedAt)).toBe(24 * 3600_000);
      const body = (n: number) =>
        JSON.stringify({ ...GENERIC_EXAMPLE, id: `rot-${n}`, email: `rot${n}@example.lt` });
      expect((await deliver(id, body(1), old)).statusCode).toBe(202);
      expect((await deliver(id, body(2), fresh)).statusCode).toBe(202);

      const dayAgo = new Date(Date.now() - 24 * 3600_000 - 1000).toISOString();
      await t.deps.db.updateTable('integrations').set({ rotated_at: dayAgo }).where('id', '=', id).execute();
      const late = await deliver(id, body(3), old);
      expect(late.statusCode).toBe(401);
      expect(problem(late).detail).toContain('X-Piltuvas-Signature');
      expect((await deliver(id, body(4), fresh)).statusCode).toBe(202);
      expect((await call('GET', `/integrations/${id}`)).json().previousSecretValidUntil).toBeNull();
      await webhookInboxIdle(t.deps);
    });
  });

  describe('events', () => {
    it('lists received events newest first, page by page, with status, event id, lead and error', async () => {
      const call = await marketer();
      const { id, secret } = (
        await call('POST', '/integrations', { name: 'Events', kind: 'generic' })
      ).json();
      for (let i = 1; i <= 3; i++) {
        const res = await deliver(id, JSON.stringify({ id: `ev-${i}`, email: `ev${i}@example.lt` }), secret);
        expect(res.statusCode).toBe(202);
      }
      await deliver(id, JSON.stringify({ id: 'ev-test', email: 'probe@example.lt', test: true }), secret);
      await webhookInboxIdle(t.deps);
      const first = await call('GET', `/integrations/${id}/events?limit=2`);
      expect(first.statusCode, first.body).toBe(200);
      const page1 = first.json();
      expect(page1.items).toHaveLength(2);
      expect(page1.nextCursor).toBeTruthy();
      const page2 = (
        await call('GET', `/integrations/${id}/events?limit=2&before=${encodeURIComponent(page1.nextCursor)}`)
      ).json();
      const all = [...page1.items, ...page2.items];
      expect(all.map((e: { eventId: string }) => e.eventId).sort()).toEqual([
        'ev-1',
        'ev-2',
        'ev-3',
        'ev-test',
      ]);
      const processed = all.filter((e: { status: string }) => e.status === 'processed');
      expect(processed).toHaveLength(3);
      expect(
        processed.every((e: { leadId: string | null; error: null }) => e.leadId && e.error === null),
      ).toBe(true);
      expect(all.find((e: { eventId: string }) => e.eventId === 'ev-test')).toMatchObject({
        status: 'test',
        leadId: null,
      });
      const tests = (await call('GET', `/integrations/${id}/events?status=test`)).json();
      expect(tests.items).toHaveLength(1);
      // An event a worker holds right now is still "pending" to a person reading the list.
      await t.deps.db
        .updateTable('webhook_events')
        .set({ status: 'processing' })
        .where('event_id', '=', 'ev-1')
        .execute();
      const pending = (await call('GET', `/integrations/${id}/events?status=pending`)).json();
      expect(pending.items.map((e: { eventId: string }) => e.eventId)).toEqual(['ev-1']);
      expect((await call('GET', `/integrations/${id}`)).json().counts.pending).toBe(1);
      await t.deps.db
        .updateTable('webhook_events')
        .set({ status: 'processed' })
        .where('event_id', '=', 'ev-1')
        .execute();
      expect((await call('GET', `/integrations/${id}`)).json().counts).toEqual({
        pending: 0,
        processed: 3,
        failed: 0,
        test: 1,
      });
    });
  });
});
