import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, useTestApp } from '../../../../test/harness.js';
import { SEED_SOURCES } from '../../db/migrations/seed-sources.js';

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000ffff';
type Source = { id: string; key: string; nameLt: string; nameEn: string; active: boolean; position: number };

describeEachDialect('sources', (dialect) => {
  const t = useTestApp(dialect);
  let seq = 0;
  const uniqueKey = () => `src_${++seq}`;

  async function session(role: 'admin' | 'manager' | 'rep' | 'marketer' = 'admin') {
    const s = await t.signedIn(role);
    return (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
  }

  describe('refusals', () => {
    it('answers 401 without a session', async () => {
      for (const [method, url] of [
        ['GET', '/api/v1/sources'],
        ['POST', '/api/v1/sources'],
        ['PATCH', `/api/v1/sources/${SEED_SOURCES[0].id}`],
      ] as const) {
        const res = await t.app.inject({ method, url, ...(method === 'GET' ? {} : { payload: {} }) });
        expect(res.statusCode, `${method} ${url}`).toBe(401);
        problem(res);
      }
    });

    it.each(['manager', 'rep', 'marketer'] as const)(
      'lets a %s read sources but not change them',
      async (role) => {
        const call = await session(role);
        expect((await call('GET', '/sources')).statusCode).toBe(200);
        const post = await call('POST', '/sources', { key: uniqueKey(), nameLt: 'Mano', nameEn: 'Mine' });
        expect(post.statusCode).toBe(403);
        expect(problem(post).type).toContain('forbidden');
        const patch = await call('PATCH', `/sources/${SEED_SOURCES[1].id}`, { active: false });
        expect(patch.statusCode).toBe(403);
        const admin = await session();
        const seeded = (await admin('GET', '/sources'))
          .json()
          .items.find((s: Source) => s.id === SEED_SOURCES[1].id);
        expect(seeded.active).toBe(true);
      },
    );

    it('refuses a malformed key, blank names and an immutable key naming the fields', async () => {
      const call = await session();
      for (const key of ['Web', '1st', 'a', 'has-dash', 'x'.repeat(41), 'ąžuolas']) {
        const res = await call('POST', '/sources', { key, nameLt: 'Šaltinis', nameEn: 'Source' });
        expect(res.statusCode, key).toBe(400);
        expect(problem(res).errors?.[0], key).toMatchObject({ field: 'key', code: 'invalid_format' });
      }
      const blank = await call('POST', '/sources', { key: uniqueKey(), nameLt: ' ', nameEn: '' });
      expect(
        problem(blank)
          .errors?.map((e) => e.field)
          .sort(),
      ).toEqual(['nameEn', 'nameLt']);
      const rekey = await call('PATCH', `/sources/${SEED_SOURCES[2].id}`, { key: 'renamed' });
      expect(problem(rekey).errors?.[0]).toMatchObject({ field: 'key', code: 'not_allowed' });
      const negative = await call('PATCH', `/sources/${SEED_SOURCES[2].id}`, { position: -1 });
      expect(problem(negative).errors?.[0]).toMatchObject({ field: 'position', code: 'out_of_range' });
      expect((await call('PATCH', `/sources/${UNKNOWN_ID}`, { active: false })).statusCode).toBe(404);
    });

    it('refuses a key in use with 409 naming key, a seeded one included', async () => {
      const call = await session();
      const seeded = await call('POST', '/sources', {
        key: 'webinar',
        nameLt: 'Vebinaras 2',
        nameEn: 'Webinar 2',
      });
      expect(seeded.statusCode).toBe(409);
      expect(problem(seeded).errors?.[0]).toEqual({
        field: 'key',
        code: 'in_use',
        message: 'is already in use',
      });
      const key = uniqueKey();
      expect((await call('POST', '/sources', { key, nameLt: 'A', nameEn: 'A' })).statusCode).toBe(201);
      expect((await call('POST', '/sources', { key, nameLt: 'B', nameEn: 'B' })).statusCode).toBe(409);
    });

    it('has no way to delete a source', async () => {
      const call = await session();
      expect((await call('DELETE', `/sources/${SEED_SOURCES[0].id}`)).statusCode).toBe(404);
      const ids = (await call('GET', '/sources')).json().items.map((s: Source) => s.id);
      expect(ids).toContain(SEED_SOURCES[0].id);
    });
  });

  it('lists the 24 seeded sources in order with names in both languages', async () => {
    const call = await session('rep');
    const items: Source[] = (await call('GET', '/sources')).json().items;
    const seeded = items.filter((s) => SEED_SOURCES.some((x) => x.id === s.id));
    expect(seeded).toHaveLength(24);
    expect(items[0]).toMatchObject({
      key: 'customer_referral',
      nameEn: 'Referral from a customer',
      position: 0,
    });
    expect(items.find((s) => s.key === 'trade_show')).toMatchObject({ nameLt: 'Paroda', active: true });
    const positions = items.map((s) => s.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('adds a source after the last one, reorders and deactivates it, with audit rows', async () => {
    const call = await session();
    const key = uniqueKey();
    const res = await call('POST', '/sources', {
      key,
      nameLt: ' Partnerių renginys ',
      nameEn: 'Partner event',
    });
    expect(res.statusCode).toBe(201);
    const created: Source = res.json();
    const before: Source[] = (await call('GET', '/sources')).json().items;
    expect(created).toMatchObject({ key, nameLt: 'Partnerių renginys', active: true });
    expect(created.position).toBe(Math.max(...before.map((s) => s.position)));
    expect(before.at(-1)?.id).toBe(created.id);

    const moved = await call('PATCH', `/sources/${created.id}`, {
      position: 0,
      active: false,
      nameEn: 'Partners',
    });
    expect(moved.json()).toMatchObject({ position: 0, active: false, nameEn: 'Partners', key });
    const active = (await call('GET', '/sources?active=true')).json().items.map((s: Source) => s.id);
    expect(active).not.toContain(created.id);
    const inactive = (await call('GET', '/sources?active=false')).json().items.map((s: Source) => s.id);
    expect(inactive).toContain(created.id);

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'source')
      .where('entity_id', '=', created.id)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]!.before_json!)).toEqual({
      position: created.position,
      active: true,
      nameEn: 'Partner event',
    });
  });

  it('renames a seeded source', async () => {
    const call = await session();
    const res = await call('PATCH', `/sources/${SEED_SOURCES[4].id}`, { nameEn: 'Business lunch' });
    expect(res.json()).toMatchObject({
      key: SEED_SOURCES[4].key,
      nameEn: 'Business lunch',
      nameLt: SEED_SOURCES[4].lt,
    });
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/v1/sources']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/sources/{id}'])).toEqual(['patch']);
    expect(doc.components.schemas.Source).toBeTruthy();
  });
});
