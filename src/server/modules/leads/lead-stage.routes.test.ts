import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { newLead } from '../../../../test/factories.js';
import { problem, useTestApp } from '../../../../test/harness.js';

const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describeEachDialect('leads: life cycle', (dialect) => {
  const t = useTestApp(dialect);

  const stage = async (headers: Record<string, string>, id: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1/leads/${id}/stage`, headers, payload });

  it('moves suspect → MQL → SQL and records each step in history and on the timeline', async () => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep);
    expect((await stage(rep.headers, lead.id, { stage: 'mql' })).json().stage).toBe('mql');
    expect((await stage(rep.headers, lead.id, { stage: 'sql' })).json().stage).toBe('sql');
    const history = await t.deps.db
      .selectFrom('lead_history')
      .selectAll()
      .where('lead_id', '=', lead.id)
      .where('field', '=', 'stage')
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(history.map((h) => `${h.from_value}→${h.to_value}`)).toEqual([
      'null→suspect',
      'suspect→mql',
      'mql→sql',
    ]);
    expect(history.every((h) => h.channel === 'ui' && h.actor_id === rep.user.id)).toBe(true);
    const timeline = (
      await t.app.inject({ method: 'GET', url: `/api/v1/leads/${lead.id}/activities`, headers: rep.headers })
    ).json().items;
    expect(timeline.map((a: { subject: string }) => a.subject)).toEqual([
      'stage_changed',
      'stage_changed',
      'created',
    ]);
  });

  it('refuses to disqualify without a reason, or with "other" and no text (422 naming the field)', async () => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep);
    const noReason = await stage(rep.headers, lead.id, { stage: 'disqualified' });
    expect(noReason.statusCode).toBe(422);
    expect(problem(noReason).errors).toEqual([
      expect.objectContaining({ field: 'reason', code: 'required' }),
    ]);
    const other = await stage(rep.headers, lead.id, { stage: 'disqualified', reason: 'other' });
    expect(problem(other).errors).toEqual([
      expect.objectContaining({ field: 'reasonText', code: 'required' }),
    ]);
    const ok = await stage(rep.headers, lead.id, { stage: 'disqualified', reason: 'only_inquiring' });
    expect(ok.json()).toMatchObject({ stage: 'disqualified', disqualifyReason: 'only_inquiring' });
  });

  it('parks only with a revisit date after today; the competitor is kept; the lead shows in the revisit queue when due', async () => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep);
    const missing = await stage(rep.headers, lead.id, { stage: 'parked' });
    expect(missing.statusCode).toBe(422);
    expect(problem(missing).errors?.[0]).toMatchObject({ field: 'revisitOn', code: 'required' });
    const past = await stage(rep.headers, lead.id, { stage: 'parked', revisitOn: addDays(-1) });
    expect(problem(past).errors?.[0]).toMatchObject({ field: 'revisitOn', code: 'not_in_future' });
    const parked = await stage(rep.headers, lead.id, {
      stage: 'parked',
      revisitOn: addDays(30),
      competitor: 'Konkurentas UAB',
    });
    expect(parked.json()).toMatchObject({
      stage: 'parked',
      revisitOn: addDays(30),
      competitor: 'Konkurentas UAB',
    });
    const notYet = await t.app.inject({
      method: 'GET',
      url: '/api/v1/leads?revisitDue=true',
      headers: rep.headers,
    });
    expect(notYet.json().items.map((i: { id: string }) => i.id)).not.toContain(lead.id);
    await t.deps.db
      .updateTable('leads')
      .set({ revisit_on: addDays(0) })
      .where('id', '=', lead.id)
      .execute();
    const due = await t.app.inject({
      method: 'GET',
      url: '/api/v1/leads?revisitDue=true',
      headers: rep.headers,
    });
    expect(due.json().items.map((i: { id: string }) => i.id)).toContain(lead.id);
  });

  it('reopens a parked or disqualified lead, clearing its reason, and records the reopening', async () => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep);
    await stage(rep.headers, lead.id, { stage: 'parked', revisitOn: addDays(10), competitor: 'X' });
    const reopened = await stage(rep.headers, lead.id, { stage: 'mql' });
    expect(reopened.json()).toMatchObject({ stage: 'mql', revisitOn: null, competitor: null });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', lead.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('reopen');
  });

  it('refuses converted (the pipeline converts), the same stage and an unknown one', async () => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep);
    const converted = await stage(rep.headers, lead.id, { stage: 'converted' });
    expect(converted.statusCode).toBe(422);
    expect(problem(converted).errors?.[0]?.code).toBe('converted_by_pipeline');
    expect(problem(await stage(rep.headers, lead.id, { stage: 'suspect' })).errors?.[0]?.code).toBe(
      'same_stage',
    );
    const unknown = await stage(rep.headers, lead.id, { stage: 'won' });
    expect(unknown.statusCode).toBe(400);
    expect(problem(unknown).errors?.[0]?.field).toBe('stage');
  });
});
