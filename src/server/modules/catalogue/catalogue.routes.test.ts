import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, useTestApp } from '../../../../test/harness.js';

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000ffff';

describeEachDialect('catalogue', (dialect) => {
  const t = useTestApp(dialect);
  let seq = 0;
  const uniqueCode = (prefix = 'P') => `${prefix}-${dialect}-${++seq}`;

  async function asAdmin() {
    const admin = await t.signedIn('admin');
    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: admin.headers, ...(payload ? { payload } : {}) });
    return { admin, call };
  }

  describe('refusals', () => {
    it('answers 401 without a session on every catalogue route', async () => {
      for (const [method, url] of [
        ['GET', '/api/v1/products'],
        ['GET', `/api/v1/products/${UNKNOWN_ID}`],
        ['POST', '/api/v1/products'],
        ['PATCH', `/api/v1/products/${UNKNOWN_ID}`],
      ] as const) {
        const res = await t.app.inject({ method, url, ...(method === 'GET' ? {} : { payload: {} }) });
        expect(res.statusCode, `${method} ${url}`).toBe(401);
        problem(res);
      }
    });

    it.each(['manager', 'rep', 'marketer'] as const)(
      'lets a %s read the catalogue but not change it',
      async (role) => {
        const { call } = await asAdmin();
        const product = (
          await call('POST', '/products', { code: uniqueCode(), name: 'CRM', unitPriceCents: 100 })
        ).json();
        const s = await t.signedIn(role);
        const as = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
          t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
        expect((await as('GET', '/products')).statusCode).toBe(200);
        expect((await as('GET', `/products/${product.id}`)).json().code).toBe(product.code);
        const post = await as('POST', '/products', { code: uniqueCode(), name: 'Mine', unitPriceCents: 1 });
        expect(post.statusCode).toBe(403);
        expect(problem(post).type).toContain('forbidden');
        expect((await as('PATCH', `/products/${product.id}`, { unitPriceCents: 0 })).statusCode).toBe(403);
        expect((await call('GET', `/products/${product.id}`)).json().unitPriceCents).toBe(100);
      },
    );

    it('refuses bad input naming each field', async () => {
      const { call } = await asAdmin();
      const res = await call('POST', '/products', {
        code: 'x'.repeat(41),
        name: '   ',
        unitPriceCents: -1,
        colour: 'red',
      });
      expect(res.statusCode).toBe(400);
      expect(Object.fromEntries(problem(res).errors!.map((e) => [e.field, e.code]))).toEqual({
        code: 'too_long',
        name: 'invalid_format',
        unitPriceCents: 'out_of_range',
        colour: 'not_allowed',
      });
      const fractional = await call('POST', '/products', {
        code: uniqueCode(),
        name: 'X',
        unitPriceCents: 9.99,
      });
      expect(problem(fractional).errors?.[0]).toMatchObject({
        field: 'unitPriceCents',
        code: 'invalid_type',
      });
      const missing = await call('POST', '/products', { name: 'No code' });
      expect(
        problem(missing)
          .errors?.map((e) => e.field)
          .sort(),
      ).toEqual(['code', 'unitPriceCents']);
      const empty = await call('PATCH', `/products/${UNKNOWN_ID}`, {});
      expect(problem(empty).errors?.[0]).toMatchObject({ code: 'empty' });
      expect((await call('GET', '/products/not-a-uuid')).statusCode).toBe(400);
      expect((await call('GET', `/products/${UNKNOWN_ID}`)).statusCode).toBe(404);
      expect((await call('PATCH', `/products/${UNKNOWN_ID}`, { name: 'X' })).statusCode).toBe(404);
    });

    it('refuses a code already in use with 409 naming code, on create and on change', async () => {
      const { call } = await asAdmin();
      const code = uniqueCode('DUP');
      await call('POST', '/products', { code, name: 'First', unitPriceCents: 0 });
      const dup = await call('POST', '/products', { code: ` ${code} `, name: 'Second', unitPriceCents: 0 });
      expect(dup.statusCode).toBe(409);
      expect(problem(dup).errors?.[0]).toEqual({
        field: 'code',
        code: 'in_use',
        message: 'is already in use',
      });
      const other = (
        await call('POST', '/products', { code: uniqueCode(), name: 'Other', unitPriceCents: 0 })
      ).json();
      const clash = await call('PATCH', `/products/${other.id}`, { code });
      expect(clash.statusCode).toBe(409);
      expect(problem(clash).errors?.[0]?.field).toBe('code');
      const same = await call('PATCH', `/products/${other.id}`, { code: other.code, name: 'Renamed' });
      expect(same.statusCode).toBe(200);
    });
  });

  it('adds a product with trimmed text, reads it back and lists it by name', async () => {
    const { call } = await asAdmin();
    const code = uniqueCode('CRM');
    const res = await call('POST', '/products', {
      code: `  ${code} `,
      name: ' Piltuvas Cloud ',
      description: '   ',
      unitPriceCents: 4_900,
    });
    expect(res.statusCode).toBe(201);
    const product = res.json();
    expect(product).toMatchObject({
      code,
      name: 'Piltuvas Cloud',
      description: null,
      unitPriceCents: 4900,
      active: true,
    });
    expect((await call('GET', `/products/${product.id}`)).json()).toEqual(product);
    const names = (await call('GET', '/products')).json().items.map((p: { name: string }) => p.name);
    expect(names).toContain('Piltuvas Cloud');
  });

  it('deactivates instead of deleting, filters by active, and audits every change', async () => {
    const { admin, call } = await asAdmin();
    const product = (
      await call('POST', '/products', {
        code: uniqueCode('OLD'),
        name: 'Legacy licence',
        unitPriceCents: 1_000,
      })
    ).json();
    const res = await call('PATCH', `/products/${product.id}`, {
      active: false,
      unitPriceCents: 0,
      description: 'Retired',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, unitPriceCents: 0, description: 'Retired' });
    const ids = async (query: string) =>
      (await call('GET', `/products${query}`)).json().items.map((p: { id: string }) => p.id);
    expect(await ids('?active=false')).toContain(product.id);
    expect(await ids('?active=true')).not.toContain(product.id);
    expect(await ids('')).toContain(product.id);
    expect((await call('GET', '/products?active=maybe')).statusCode).toBe(400);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'product')
      .where('entity_id', '=', product.id)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.actor_id, a.channel])).toEqual([
      ['create', admin.user.id, 'ui'],
      ['update', admin.user.id, 'ui'],
    ]);
    expect(JSON.parse(audit[1]!.before_json!)).toEqual({
      active: true,
      unitPriceCents: 1000,
      description: null,
    });
    expect(JSON.parse(audit[1]!.after_json!)).toEqual({
      active: false,
      unitPriceCents: 0,
      description: 'Retired',
    });
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/products/${product.id}`,
          headers: admin.headers,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/v1/products']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/products/{id}']).sort()).toEqual(['get', 'patch']);
    expect(doc.components.schemas.Product).toBeTruthy();
  });
});
