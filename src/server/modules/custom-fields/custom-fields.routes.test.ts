import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, type Session, useTestApp } from '../../../../test/harness.js';
import type { Role } from '../../../domain/accounts/user.js';

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000ffff';
type Field = { id: string; entity: string; key: string; position: number; active: boolean };
const tiers = [
  { value: 'gold', labelLt: 'Auksas', labelEn: 'Gold' },
  { value: 'silver', labelLt: 'Sidabras', labelEn: 'Silver' },
];

describeEachDialect('custom fields', (dialect) => {
  const t = useTestApp(dialect);
  let seq = 0;
  const uniqueKey = (base = 'field') => `${base}_${++seq}`;

  const caller = (s: Session) => (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
  const as = async (role: Role) => caller(await t.signedIn(role));
  const field = (extra: object = {}) => ({
    entity: 'person',
    key: uniqueKey(),
    labelLt: 'Laukas',
    labelEn: 'Field',
    type: 'text',
    ...extra,
  });

  describe('refusals', () => {
    it('answers 401 without a session', async () => {
      for (const [method, url] of [
        ['GET', '/api/v1/custom-fields'],
        ['POST', '/api/v1/custom-fields'],
        ['PATCH', `/api/v1/custom-fields/${UNKNOWN_ID}`],
      ] as const) {
        const res = await t.app.inject({ method, url, ...(method === 'GET' ? {} : { payload: {} }) });
        expect(res.statusCode, `${method} ${url}`).toBe(401);
        problem(res);
      }
    });

    it.each(['manager', 'rep', 'marketer'] as const)(
      'lets a %s read definitions but not change them',
      async (role) => {
        const admin = await as('admin');
        const made = (await admin('POST', '/custom-fields', field())).json();
        const call = await as(role);
        expect((await call('GET', '/custom-fields')).json().items.map((f: Field) => f.id)).toContain(made.id);
        const post = await call('POST', '/custom-fields', field());
        expect(post.statusCode).toBe(403);
        expect(problem(post).type).toContain('forbidden');
        expect((await call('PATCH', `/custom-fields/${made.id}`, { active: false })).statusCode).toBe(403);
      },
    );

    it('refuses a malformed key, unknown entity or type, and blank labels naming the fields', async () => {
      const call = await as('admin');
      const res = await call(
        'POST',
        '/custom-fields',
        field({ key: 'Bad-Key', entity: 'deal', type: 'colour', labelLt: ' ' }),
      );
      expect(res.statusCode).toBe(400);
      const codes = Object.fromEntries(problem(res).errors!.map((e) => [e.field, e.code]));
      expect(codes).toEqual({
        key: 'invalid_format',
        entity: 'invalid_value',
        type: 'invalid_value',
        labelLt: 'invalid_format',
      });
      const retype = await call('PATCH', `/custom-fields/${UNKNOWN_ID}`, { type: 'number' });
      expect(problem(retype).errors?.[0]).toMatchObject({ field: 'type', code: 'not_allowed' });
      expect((await call('PATCH', `/custom-fields/${UNKNOWN_ID}`, { active: false })).statusCode).toBe(404);
      expect((await call('GET', '/custom-fields?entity=deal')).statusCode).toBe(400);
    });

    it('requires options for select and multiselect and refuses them elsewhere', async () => {
      const call = await as('admin');
      const expectField = async (
        body: object,
        errorField: string,
        code: string,
        url = '/custom-fields',
        method: 'POST' | 'PATCH' = 'POST',
      ) => {
        const res = await call(method, url, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(problem(res).errors).toEqual([expect.objectContaining({ field: errorField, code })]);
      };
      await expectField(field({ type: 'select' }), 'options', 'required');
      await expectField(field({ type: 'multiselect', options: [] }), 'options', 'required');
      await expectField(field({ type: 'number', options: tiers }), 'options', 'not_allowed');
      await expectField(
        field({ type: 'select', options: [...tiers, { ...tiers[0], labelEn: 'Again' }] }),
        'options.2.value',
        'in_use',
      );
      await expectField(
        field({ type: 'select', options: [{ value: 'x', labelLt: 'X' }] }),
        'options.0.labelEn',
        'required',
      );
      const text = (await call('POST', '/custom-fields', field({ type: 'boolean', options: [] }))).json();
      expect(text.options).toEqual([]);
      await expectField({ options: tiers }, 'options', 'not_allowed', `/custom-fields/${text.id}`, 'PATCH');
      const select = (await call('POST', '/custom-fields', field({ type: 'select', options: tiers }))).json();
      await expectField({ options: [] }, 'options', 'required', `/custom-fields/${select.id}`, 'PATCH');
    });

    it('refuses a key in use on the same entity with 409, but not on another entity', async () => {
      const call = await as('admin');
      const key = uniqueKey('shared');
      expect((await call('POST', '/custom-fields', field({ key }))).statusCode).toBe(201);
      const dup = await call('POST', '/custom-fields', field({ key, type: 'number' }));
      expect(dup.statusCode).toBe(409);
      expect(problem(dup).errors?.[0]).toEqual({
        field: 'key',
        code: 'in_use',
        message: 'is already in use',
      });
      expect((await call('POST', '/custom-fields', field({ key, entity: 'lead' }))).statusCode).toBe(201);
    });
  });

  it('defines a select field with trimmed options, placed after the last field of its entity', async () => {
    const call = await as('admin');
    const first = (await call('POST', '/custom-fields', field({ entity: 'organisation' }))).json();
    const res = await call('POST', '/custom-fields', {
      entity: 'organisation',
      key: uniqueKey('tier'),
      labelLt: ' Lygis ',
      labelEn: 'Tier',
      type: 'select',
      options: [{ value: ' gold ', labelLt: 'Auksas', labelEn: ' Gold ' }, tiers[1]],
    });
    expect(res.statusCode).toBe(201);
    const tier = res.json();
    expect(tier).toMatchObject({ entity: 'organisation', labelLt: 'Lygis', type: 'select', active: true });
    expect(tier.options).toEqual(tiers);
    expect(tier.position).toBeGreaterThan(first.position);
    const items: Field[] = (await call('GET', '/custom-fields?entity=organisation')).json().items;
    expect(items.every((f) => f.entity === 'organisation')).toBe(true);
    expect(items.at(-1)?.id).toBe(tier.id);
  });

  it('relabels, reorders, changes options and deactivates a field, with audit rows', async () => {
    const call = await as('admin');
    const made = (
      await call('POST', '/custom-fields', field({ entity: 'lead', type: 'multiselect', options: tiers }))
    ).json();
    const bronze = { value: 'bronze', labelLt: 'Bronza', labelEn: 'Bronze' };
    const res = await call('PATCH', `/custom-fields/${made.id}`, {
      labelEn: 'Medals',
      options: [...tiers, bronze],
      position: 0,
      active: false,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      labelEn: 'Medals',
      position: 0,
      active: false,
      key: made.key,
      type: 'multiselect',
    });
    expect(res.json().options).toHaveLength(3);
    const active = (await call('GET', '/custom-fields?entity=lead&active=true'))
      .json()
      .items.map((f: Field) => f.id);
    expect(active).not.toContain(made.id);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'custom_field')
      .where('entity_id', '=', made.id)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]!.before_json!)).toMatchObject({
      labelEn: 'Field',
      active: true,
      options: tiers,
    });
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/v1/custom-fields']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/custom-fields/{id}'])).toEqual(['patch']);
    expect(doc.components.schemas.CustomField).toBeTruthy();
  });
});
