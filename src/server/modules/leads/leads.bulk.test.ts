import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { newLead } from '../../../../test/factories.js';
import { problem, useTestApp } from '../../../../test/harness.js';

describeEachDialect('leads: bulk actions with undo', (dialect) => {
  const t = useTestApp(dialect);

  it('tags, moves and deletes many leads, skips the ones the caller may not see, and undoes each', async () => {
    const rep = await t.signedIn('rep');
    const other = await t.signedIn('rep');
    const mine = [
      await newLead(t.app, rep),
      await newLead(t.app, rep),
      await newLead(t.app, rep, { tags: ['vip'] }),
    ];
    const theirs = await newLead(t.app, other);
    const ids = [...mine.map((l) => l.id), theirs.id];
    const bulk = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/leads/bulk', headers: rep.headers, payload });
    const undo = (bulkId: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/leads/bulk/${bulkId}/undo`, headers: rep.headers });
    const lead = async (id: string, s = rep) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/leads/${id}`, headers: s.headers })).json();

    const tagged = (await bulk({ ids, action: 'tag', tag: 'VIP' })).json();
    expect(tagged.done).toBe(2);
    expect(tagged.skipped).toEqual(
      expect.arrayContaining([
        { id: theirs.id, code: 'not_found' },
        { id: mine[2]!.id, code: 'unchanged' },
      ]),
    );
    expect((await lead(theirs.id, other)).tags).toEqual([]);

    const staged = (await bulk({ ids, action: 'stage', stage: { stage: 'mql' } })).json();
    expect(staged.done).toBe(3);
    expect((await lead(mine[0]!.id)).stage).toBe('mql');
    const noReason = (
      await bulk({ ids: [mine[0]!.id], action: 'stage', stage: { stage: 'disqualified' } })
    ).json();
    expect(noReason.skipped).toEqual([{ id: mine[0]!.id, code: 'required' }]);

    const deleted = (await bulk({ ids, action: 'delete' })).json();
    expect(deleted.done).toBe(3);
    expect((await undo(deleted.bulkId)).json()).toEqual({ restored: 3, skipped: [] });
    expect((await undo(staged.bulkId)).json().restored).toBe(3);
    expect((await lead(mine[0]!.id)).stage).toBe('suspect');
    expect((await undo(tagged.bulkId)).json().restored).toBe(2);
    expect((await lead(mine[1]!.id)).tags).toEqual([]);
    expect((await lead(mine[2]!.id)).tags).toEqual(['vip']);
    const twice = await undo(tagged.bulkId);
    expect(twice.statusCode).toBe(409);
    expect(problem(twice).errors?.[0]?.code).toBe('already_undone');
  });

  it("answers 404 to someone else's undo and names missing parameters", async () => {
    const rep = await t.signedIn('rep');
    const other = await t.signedIn('rep');
    const l = await newLead(t.app, rep);
    const { bulkId } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/leads/bulk',
        headers: rep.headers,
        payload: { ids: [l.id], action: 'tag', tag: 'x' },
      })
    ).json();
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/leads/bulk/${bulkId}/undo`,
          headers: other.headers,
        })
      ).statusCode,
    ).toBe(404);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads/bulk',
      headers: rep.headers,
      payload: { ids: [l.id], action: 'assign' },
    });
    expect(problem(missing).errors?.[0]).toMatchObject({ field: 'ownerId', code: 'required' });
  });
});
