import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { useTestApp } from '../../../../test/harness.js';
import { renderToken } from './form-guards.js';
import { formInboxIdle } from './form-inbox.js';

const FORM_KEYS = [
  'person.firstName',
  'person.email',
  'lead.timeframe',
  'consent',
  '_t',
  '_cid',
  '_first',
  'utm_source',
];

/**
 * The public submission endpoint against anything a visitor or a bot can send: never a 5xx;
 * a refusal (4xx) stores nothing; an acknowledgement (201/202) stores exactly one inbox row
 * (or finds the one a retry with the same client id stored).
 */
describeEachDialect('public form submissions (property)', (dialect) => {
  const t = useTestApp(dialect, { formRateLimit: 1_000_000 });

  async function formId(): Promise<string> {
    const s = await t.signedIn('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms',
      headers: s.headers,
      payload: {
        name: 'Property',
        fields: [
          { key: 'person.firstName', required: true, label: { lt: 'Vardas', en: 'Name' }, help: null },
          { key: 'person.email', required: true, label: { lt: 'El. paštas', en: 'E-mail' }, help: null },
          { key: 'lead.timeframe', required: false, label: { lt: 'Kada', en: 'When' }, help: null },
        ],
        minFillSeconds: 0,
        maxPerMinute: 100_000,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  const count = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('form_submissions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const value = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.emailAddress(),
    fc.constantFrom('now', '1m', 'yes', '', 'Ona', '<script>alert(1)</script>', '=HYPERLINK("x")'),
    fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  );
  const body = fc.dictionary(fc.oneof(fc.constantFrom(...FORM_KEYS), fc.string({ maxLength: 12 })), value, {
    maxKeys: 8,
  });

  it('never answers 5xx, stores nothing on refusal and one row on acknowledgement', async () => {
    const id = await formId();
    const token = renderToken(t.deps.config.sessionSecret, id, Date.now() - 60_000);
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom('urlencoded', 'json', 'raw') as fc.Arbitrary<'urlencoded' | 'json' | 'raw'>,
        fc.boolean(),
        fc.string({ maxLength: 60 }),
        async (values, encoding, withToken, raw) => {
          const sent: Record<string, unknown> = withToken ? { ...values, _t: token } : values;
          const before = await count();
          const res = await t.app.inject({
            method: 'POST',
            url: `/api/public/forms/${id}/submissions`,
            headers: {
              'content-type':
                encoding === 'urlencoded' ? 'application/x-www-form-urlencoded' : 'application/json',
            },
            payload:
              encoding === 'urlencoded'
                ? new URLSearchParams(
                    Object.entries(sent).flatMap(([k, v]) =>
                      [v].flat().map((x) => [k, String(x)] as [string, string]),
                    ),
                  ).toString()
                : encoding === 'json'
                  ? JSON.stringify(sent)
                  : raw,
          });
          expect(res.statusCode, res.body).toBeLessThan(500);
          const after = await count();
          if (res.statusCode >= 400) {
            expect(res.headers['content-type']).toContain('application/problem+json');
            expect(after).toBe(before);
          } else {
            expect([201, 202]).toContain(res.statusCode);
            expect(after - before).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 120 },
    );
    await formInboxIdle(t.deps);
  });

  it('answers 404 problem+json to any unknown or malformed form id', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 })), async (raw) => {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/public/forms/${encodeURIComponent(raw)}/submissions`,
          payload: { 'person.email': 'a@b.lt' },
        });
        expect([400, 404]).toContain(res.statusCode);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }),
      { numRuns: 60 },
    );
  });
});
