import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, type Session, useTestApp } from '../../../../test/harness.js';
import type { Role } from '../../../domain/accounts/user.js';
import { addDays, todayIn } from '../../../domain/leads/temperature.js';

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000ffff';
type Campaign = { id: string };

describeEachDialect('campaign list', (dialect) => {
  const t = useTestApp(dialect);
  let seq = 0;
  const unique = (label: string) => `${label} ${dialect} ${++seq}`;

  const caller = (s: Session) => (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
  const as = async (role: Role) => caller(await t.signedIn(role));

  it('refuses a cursor it did not make, naming cursor', async () => {
    const call = await as('rep');
    for (const cursor of [
      'bm9wZQ',
      Buffer.from(`2026-01-01T00:00:00.000Z|${UNKNOWN_ID}|x`).toString('base64url'),
    ]) {
      const res = await call('GET', `/campaigns?cursor=${cursor}`);
      expect(res.statusCode).toBe(400);
      expect(problem(res).errors?.[0]).toMatchObject({ field: 'cursor', code: 'bad_cursor' });
    }
  });

  it('pages newest first by cursor without gaps or repeats', async () => {
    const call = await as('marketer');
    const tag = unique('Paging').replaceAll(' ', '-');
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push((await call('POST', '/campaigns', { name: `${tag} ${i}`, type: 'content' })).json().id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Campaign[]; nextCursor: string | null } = (
        await call('GET', `/campaigns?q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((c: Campaign) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
  });

  it('finds campaigns by any part of the name in any letter case, wildcards taken literally', async () => {
    const call = await as('rep');
    const marketer = await as('marketer');
    const tag = `Kalėdų${dialect}${++seq}`;
    const a = (
      await marketer('POST', '/campaigns', { name: `Didžioji ${tag} AKCIJA`, type: 'advertising' })
    ).json();
    const b = (await marketer('POST', '/campaigns', { name: `${tag} 100%_off`, type: 'email' })).json();
    const find = async (q: string) =>
      (await call('GET', `/campaigns?q=${encodeURIComponent(q)}`)).json().items.map((c: Campaign) => c.id);
    expect(await find(`${tag} akcija`)).toEqual([a.id]);
    expect((await find(tag.toUpperCase())).sort()).toEqual([a.id, b.id].sort());
    expect(await find(`${tag} 100%_`)).toEqual([b.id]);
    expect(await find(`${tag}%`)).toEqual([]);
    expect(await find(`${tag} 1_0`)).toEqual([]);
  });

  it("filters by running today in the caller's time zone", async () => {
    const admin = await as('admin');
    const east = await t.newUser({ role: 'rep' });
    const west = await t.newUser({ role: 'rep' });
    await admin('PATCH', `/users/${east.id}`, { timeZone: 'Pacific/Kiritimati' });
    await admin('PATCH', `/users/${west.id}`, { timeZone: 'Pacific/Pago_Pago' });
    const eastToday = todayIn('Pacific/Kiritimati', new Date());
    const tag = unique('Running').replaceAll(' ', '-');
    const make = async (label: string, startsOn: string | null, endsOn: string | null) =>
      (await admin('POST', '/campaigns', { name: `${tag} ${label}`, type: 'event', startsOn, endsOn })).json()
        .id;
    const open = await make('open', null, null);
    const ended = await make('ended', addDays(eastToday, -40), addDays(eastToday, -30));
    const future = await make('future', addDays(eastToday, 30), null);
    const eastOnly = await make('east', eastToday, eastToday);
    const ids = async (s: Session, active: boolean) =>
      (await caller(s)('GET', `/campaigns?q=${tag}&active=${active}`))
        .json()
        .items.map((c: Campaign) => c.id)
        .sort();
    const eastSession = await t.login(east.email);
    const westSession = await t.login(west.email);
    expect(await ids(eastSession, true)).toEqual([open, eastOnly].sort());
    expect(await ids(eastSession, false)).toEqual([ended, future].sort());
    expect(await ids(westSession, true)).toEqual([open]);
    expect(await ids(westSession, false)).toEqual([ended, future, eastOnly].sort());
  });
});
