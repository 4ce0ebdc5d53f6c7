import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, type Session, useTestApp } from '../../../../test/harness.js';
import type { Role } from '../../../domain/accounts/user.js';
import { SEED_SOURCES } from '../../db/migrations/seed-sources.js';

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000ffff';

describeEachDialect('campaigns', (dialect) => {
  const t = useTestApp(dialect);
  let seq = 0;
  const unique = (label: string) => `${label} ${dialect} ${++seq}`;

  const caller = (s: Session) => (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
  const as = async (role: Role) => caller(await t.signedIn(role));

  describe('refusals', () => {
    it('answers 401 without a session', async () => {
      for (const [method, url] of [
        ['GET', '/campaigns'],
        ['GET', `/campaigns/${UNKNOWN_ID}`],
        ['POST', '/campaigns'],
        ['PATCH', `/campaigns/${UNKNOWN_ID}`],
      ] as const) {
        const res = await t.app.inject({
          method,
          url: `/api/v1${url}`,
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        expect(res.statusCode, `${method} ${url}`).toBe(401);
        problem(res);
      }
    });

    it.each(['rep', 'manager'] as const)(
      'lets a %s read campaigns but not create or change them',
      async (role) => {
        const s = await t.signedIn(role);
        const call = caller(s);
        const marketer = await as('marketer');
        // Even a campaign they own stays read-only to them: campaigns are the organisation's.
        const mine = (
          await marketer('POST', '/campaigns', { name: unique('Theirs'), type: 'email', ownerId: s.user.id })
        ).json();
        expect((await call('GET', '/campaigns')).statusCode).toBe(200);
        expect((await call('GET', `/campaigns/${mine.id}`)).json().ownerId).toBe(s.user.id);
        const post = await call('POST', '/campaigns', { name: unique('Mine'), type: 'email' });
        expect(post.statusCode).toBe(403);
        expect(problem(post).type).toContain('forbidden');
        const patch = await call('PATCH', `/campaigns/${mine.id}`, { name: 'Renamed' });
        expect(patch.statusCode).toBe(403);
        expect((await call('GET', `/campaigns/${mine.id}`)).json().name).toBe(mine.name);
      },
    );

    it('refuses bad input naming each field', async () => {
      const call = await as('marketer');
      const res = await call('POST', '/campaigns', {
        name: '',
        type: 'billboard',
        budgetCents: -5,
        costCents: 1.5,
        startsOn: '2026-02-30',
      });
      expect(res.statusCode).toBe(400);
      const codes = Object.fromEntries(problem(res).errors!.map((e) => [e.field, e.code]));
      expect(codes).toMatchObject({ name: 'too_short', type: 'invalid_value', budgetCents: 'out_of_range' });
      expect(codes.costCents).toBe('invalid_type');
      expect(codes.startsOn).toBe('invalid_format');
      expect(
        (await call('POST', '/campaigns', { name: 'X', type: 'email', budgetCents: 2 ** 31 })).statusCode,
      ).toBe(400);
    });

    it('refuses an unknown or inactive source and an unknown or disabled owner', async () => {
      const call = await as('admin');
      const post = (extra: object) =>
        call('POST', '/campaigns', { name: unique('Refs'), type: 'event', ...extra });
      const expectField = async (extra: object, field: string, code: string) => {
        const res = await post(extra);
        expect(res.statusCode, JSON.stringify(extra)).toBe(400);
        expect(problem(res).errors?.[0]).toMatchObject({ field, code });
      };
      await expectField({ sourceId: UNKNOWN_ID }, 'sourceId', 'not_found');
      await expectField({ ownerId: UNKNOWN_ID }, 'ownerId', 'not_found');
      const gone = await t.newUser({ role: 'marketer' });
      await call('PATCH', `/users/${gone.id}`, { active: false });
      await expectField({ ownerId: gone.id }, 'ownerId', 'user_disabled');
      const source = (
        await call('POST', '/sources', { key: `old_${dialect}_${++seq}`, nameLt: 'Sena', nameEn: 'Old' })
      ).json();
      await call('PATCH', `/sources/${source.id}`, { active: false });
      await expectField({ sourceId: source.id }, 'sourceId', 'inactive');
    });

    it('refuses an end before the start naming endsOn, on create and on change', async () => {
      const call = await as('marketer');
      const bad = await call('POST', '/campaigns', {
        name: unique('Backwards'),
        type: 'webinar',
        startsOn: '2026-05-10',
        endsOn: '2026-05-09',
      });
      expect(bad.statusCode).toBe(400);
      expect(problem(bad).errors).toEqual([
        { field: 'endsOn', code: 'date_order', message: 'must not be before the start date' },
      ]);
      const ok = (
        await call('POST', '/campaigns', {
          name: unique('Day'),
          type: 'webinar',
          startsOn: '2026-05-10',
          endsOn: '2026-05-10',
        })
      ).json();
      const later = await call('PATCH', `/campaigns/${ok.id}`, { startsOn: '2026-05-11' });
      expect(problem(later).errors?.[0]).toMatchObject({ field: 'endsOn', code: 'date_order' });
      expect(
        (await call('PATCH', `/campaigns/${ok.id}`, { startsOn: '2026-05-11', endsOn: null })).statusCode,
      ).toBe(200);
      expect((await call('PATCH', `/campaigns/${UNKNOWN_ID}`, { name: 'X' })).statusCode).toBe(404);
      expect((await call('GET', `/campaigns/${UNKNOWN_ID}`)).statusCode).toBe(404);
    });
  });

  it('lets a marketer create a campaign they own by default, and an admin change it, with audit rows', async () => {
    const marketer = await t.signedIn('marketer');
    const res = await caller(marketer)('POST', '/campaigns', {
      name: '  Vasaros vebinarai ',
      type: 'webinar',
      sourceId: SEED_SOURCES[3].id,
      startsOn: '2026-06-01',
      endsOn: '2026-08-31',
      budgetCents: 150_000,
    });
    expect(res.statusCode).toBe(201);
    const campaign = res.json();
    expect(campaign).toMatchObject({
      name: 'Vasaros vebinarai',
      type: 'webinar',
      sourceId: SEED_SOURCES[3].id,
      budgetCents: 150_000,
      costCents: 0,
      ownerId: marketer.user.id,
    });
    const admin = await t.signedIn('admin');
    const changed = await caller(admin)('PATCH', `/campaigns/${campaign.id}`, {
      costCents: 99_50,
      ownerId: null,
    });
    expect(changed.json()).toMatchObject({ costCents: 9950, ownerId: null, budgetCents: 150_000 });
    expect((await caller(marketer)('GET', `/campaigns/${campaign.id}`)).json()).toEqual(changed.json());
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'campaign')
      .where('entity_id', '=', campaign.id)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ['create', marketer.user.id],
      ['update', admin.user.id],
    ]);
    expect(JSON.parse(audit[1]!.before_json!)).toEqual({ costCents: 0, ownerId: marketer.user.id });
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/v1/campaigns']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/campaigns/{id}']).sort()).toEqual(['get', 'patch']);
    expect(Object.keys(doc.paths['/api/v1/campaigns/{id}/members'])).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/v1/campaigns/{id}/members/{personId}'])).toEqual(['put']);
    expect(doc.components.schemas.Campaign).toBeTruthy();
    expect(doc.components.schemas.CampaignMember).toBeTruthy();
  });
});
