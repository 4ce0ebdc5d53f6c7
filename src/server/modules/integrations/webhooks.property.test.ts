import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { useTestApp } from '../../../../test/harness.js';
import { webhookInboxIdle } from './webhook-inbox.js';

const sign = (secret: string, body: Buffer) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * The public webhook endpoint against anything a sender or an attacker can post: never a 5xx; a
 * refusal (4xx) stores nothing; the same signed body twice stores at most one event and makes at
 * most one lead.
 */
describeEachDialect('public webhooks (property)', (dialect) => {
  const t = useTestApp(dialect);

  async function integration(): Promise<{ id: string; secret: string }> {
    const s = await t.signedIn('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integrations',
      headers: s.headers,
      payload: { name: 'Property', kind: 'generic' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  const count = async (table: 'webhook_events' | 'leads') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Bodies that often get past the mapping: the generic preset's keys, mostly with fitting values. */
  const likely = fc.record(
    {
      id: fc.oneof(
        { arbitrary: fc.uuid(), weight: 4 },
        fc.string({ maxLength: 30 }),
        fc.integer(),
        fc.constant(null),
      ),
      email: fc.oneof({ arbitrary: fc.emailAddress(), weight: 3 }, fc.string({ maxLength: 20 })),
      first_name: fc.string({ unit: 'grapheme', maxLength: 30 }),
      last_name: fc.string({ maxLength: 120 }),
      phone: fc.oneof(fc.constantFrom('+370 612 34567', '861234567', '112'), fc.string({ maxLength: 12 })),
      company: fc.string({ maxLength: 20 }),
      test: fc.oneof(fc.boolean(), fc.constantFrom('yes', 'no', '1')),
    },
    { requiredKeys: ['id', 'email'] },
  );
  const body = fc.oneof(
    { arbitrary: likely.map((v) => Buffer.from(JSON.stringify(v))), weight: 3 },
    fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
    fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
  );
  type Signing = 'good' | 'flipped' | 'missing' | 'garbage';
  const signing: fc.Arbitrary<Signing> = fc.oneof(
    { arbitrary: fc.constant('good' as const), weight: 3 },
    fc.constantFrom('flipped', 'missing', 'garbage'),
  );

  function header(secret: string, payload: Buffer, how: Signing) {
    const good = sign(secret, payload);
    switch (how) {
      case 'good':
        return { 'x-piltuvas-signature': good };
      case 'flipped': {
        const i = 7 + (payload.length % 64);
        const digit = good[i] === 'a' ? 'b' : 'a';
        return { 'x-piltuvas-signature': good.slice(0, i) + digit + good.slice(i + 1) };
      }
      case 'missing':
        return {};
      case 'garbage':
        return { 'x-piltuvas-signature': `sha256=${payload.toString('hex').slice(0, 70)}` };
    }
  }

  it('never answers 5xx; a refusal stores nothing; the same signed body twice stores ≤ 1 event and makes ≤ 1 lead', async () => {
    const { id, secret } = await integration();
    await fc.assert(
      fc.asyncProperty(
        body,
        signing,
        fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8'),
        async (payload, how, contentType) => {
          const send = () =>
            t.app.inject({
              method: 'POST',
              url: `/api/public/webhooks/${id}`,
              headers: { 'content-type': contentType, ...header(secret, payload, how) },
              payload,
            });
          const events = await count('webhook_events');
          const leads = await count('leads');
          const first = await send();
          expect(first.statusCode, first.body).toBeLessThan(500);
          if (first.statusCode >= 400) {
            expect(first.headers['content-type']).toContain('application/problem+json');
            expect(await count('webhook_events')).toBe(events);
          } else {
            expect(how).toBe('good');
            expect(first.statusCode).toBe(202);
            expect(await count('webhook_events')).toBe(events + 1);
          }
          const second = await send();
          expect(second.statusCode, second.body).toBeLessThan(500);
          if (first.statusCode === 202)
            expect(second.json()).toEqual({ id: first.json().id, duplicate: true });
          await webhookInboxIdle(t.deps);
          expect((await count('webhook_events')) - events).toBeLessThanOrEqual(1);
          expect((await count('leads')) - leads).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('answers 404 problem+json to any unknown or malformed integration id', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 })), async (raw) => {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/public/webhooks/${encodeURIComponent(raw)}`,
          headers: { 'content-type': 'application/json', 'x-piltuvas-signature': `sha256=${'0'.repeat(64)}` },
          payload: '{"id":"1","email":"a@b.lt"}',
        });
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }),
      { numRuns: 40 },
    );
  });
});
