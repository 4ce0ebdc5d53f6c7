import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/dialects.js';
import { newLead } from '../../../test/factories.js';
import { useTestApp } from '../../../test/harness.js';
import { runRevisitCheck } from './revisits.js';

const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describeEachDialect('revisit notifications', (dialect) => {
  const t = useTestApp(dialect);

  it("notifies the owner once when a parked lead's revisit date comes, however often the job runs", async () => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/stage`,
      headers: rep.headers,
      payload: { stage: 'parked', revisitOn: addDays(5), competitor: 'Kitas' },
    });
    expect(await runRevisitCheck(t.deps)).toBe(0);
    await t.deps.db
      .updateTable('leads')
      .set({ revisit_on: addDays(-1) })
      .where('id', '=', lead.id)
      .execute();
    const created = await Promise.all([runRevisitCheck(t.deps), runRevisitCheck(t.deps)]);
    expect(created.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await runRevisitCheck(t.deps)).toBe(0);

    const inbox = (
      await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: rep.headers })
    ).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: 'lead_revisit_due',
      entityId: lead.id,
      data: { competitor: 'Kitas' },
    });
    const other = await t.signedIn('rep');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/notifications/${inbox.items[0].id}/read`,
          headers: other.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/notifications/${inbox.items[0].id}/read`,
          headers: rep.headers,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: rep.headers })).json()
        .unread,
    ).toBe(0);
  });
});
