import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, useTestApp } from '../../../../test/harness.js';

describeEachDialect('audit log', (dialect) => {
  const t = useTestApp(dialect);

  it('pages through every change of a record, newest first, without gaps or repeats', async () => {
    const admin = await t.signedIn('admin');
    const team = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/teams',
        headers: admin.headers,
        payload: { name: 'Audit team' },
      })
    ).json();
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/teams/${team.id}`,
        headers: admin.headers,
        payload: { name: `Audit team ${i}` },
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `entityId=${team.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/audit?${query}`,
        headers: admin.headers,
      });
      expect(res.statusCode).toBe(200);
      const page = res.json();
      seen.push(...page.items.map((e: { after: { name: string } }) => e.after.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      'Audit team 4',
      'Audit team 3',
      'Audit team 2',
      'Audit team 1',
      'Audit team 0',
      'Audit team',
    ]);
  });

  it('is for admins only, and refuses a forged cursor naming the field', async () => {
    const rep = await t.signedIn('rep');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: rep.headers })).statusCode,
    ).toBe(403);
    const admin = await t.signedIn('admin');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?cursor=bm9wZQ',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0]?.field).toBe('cursor');
  });
});
