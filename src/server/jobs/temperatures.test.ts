import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/dialects.js';
import { newLead } from '../../../test/factories.js';
import { problem, useTestApp } from '../../../test/harness.js';
import { runTemperatureCheck } from './temperatures.js';

const DAY = 86_400_000;
const addDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describeEachDialect('temperature follows the calendar and the thresholds, in history', (dialect) => {
  const t = useTestApp(dialect);

  const temperatureHistory = async (leadId: string) =>
    (
      await t.deps.db
        .selectFrom('lead_history')
        .select(['from_value', 'to_value', 'channel', 'actor_id'])
        .where('lead_id', '=', leadId)
        .where('field', '=', 'temperature')
        .orderBy('at')
        .orderBy('id')
        .execute()
    ).map((r) => `${r.from_value}→${r.to_value} ${r.channel}${r.actor_id ? '' : ' (no actor)'}`);

  it('records a warm lead turning hot as its date nears: once, however many runs at once', async () => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep, { timeframe: addDays(30) });
    expect(lead.temperature).toBe('warm');
    expect(await runTemperatureCheck(t.deps)).toBe(0);

    const later = { ...t.deps, now: () => new Date(Date.now() + 20 * DAY) };
    const runs = await Promise.all([runTemperatureCheck(later), runTemperatureCheck(later)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await runTemperatureCheck(later)).toBe(0);
    expect(await temperatureHistory(lead.id)).toEqual(['null→warm ui', 'warm→hot system (no actor)']);

    const history = await t.app.inject({
      method: 'GET',
      url: `/api/v1/leads/${lead.id}/history`,
      headers: rep.headers,
    });
    expect(history.statusCode).toBe(200);
    expect(
      history
        .json()
        .items.map((h: Record<string, unknown>) => [h.field, h.from, h.to, h.channel, h.actorName]),
    ).toEqual([
      ['stage', null, 'suspect', 'ui', rep.user.name],
      ['owner', null, rep.user.id, 'ui', rep.user.name],
      ['temperature', null, 'warm', 'ui', rep.user.name],
      ['temperature', 'warm', 'hot', 'system', null],
    ]);
    const other = await t.signedIn('rep');
    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/v1/leads/${lead.id}/history`,
      headers: other.headers,
    });
    expect(refused.statusCode).toBe(404);
  });

  it('credits what the calendar changed to the system when someone edits the lead before the job runs', async () => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep, { timeframe: addDays(30) });
    // days pass: the date is near now, the job has not run yet
    await t.deps.db
      .updateTable('leads')
      .set({ timeframe: addDays(5) })
      .where('id', '=', lead.id)
      .execute();
    const edit = (payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/leads/${lead.id}`, headers: rep.headers, payload });
    expect((await edit({ title: 'Renamed' })).statusCode).toBe(200);
    expect(await temperatureHistory(lead.id)).toEqual(['null→warm ui', 'warm→hot system (no actor)']);
    expect((await edit({ timeframe: null })).statusCode).toBe(200);
    expect(await temperatureHistory(lead.id)).toEqual([
      'null→warm ui',
      'warm→hot system (no actor)',
      'hot→cold ui',
    ]);
    await runTemperatureCheck(t.deps);
    expect(await temperatureHistory(lead.id)).toHaveLength(3);
  });

  it('lets an admin change the thresholds: lists follow at once, history at the next run', async () => {
    const admin = await t.signedIn('admin');
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep, { timeframe: addDays(35) });
    expect(lead.temperature).toBe('warm');

    const put = (s: typeof admin, payload: object) =>
      t.app.inject({ method: 'PUT', url: '/api/v1/settings/temperature', headers: s.headers, payload });
    expect((await put(rep, { hotWithinDays: 40, warmWithinDays: 90 })).statusCode).toBe(403);
    const bad = await put(admin, { hotWithinDays: 40, warmWithinDays: 10 });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors?.map((e) => `${e.field}:${e.code}`)).toEqual(['warmWithinDays:out_of_range']);
    const ok = await put(admin, { hotWithinDays: 40, warmWithinDays: 90 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ hotWithinDays: 40, warmWithinDays: 90 });

    const read = await t.app.inject({
      method: 'GET',
      url: '/api/v1/settings/temperature',
      headers: rep.headers,
    });
    expect(read.json()).toEqual({ hotWithinDays: 40, warmWithinDays: 90 });
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/leads/${lead.id}`,
      headers: rep.headers,
    });
    expect(detail.json().temperature).toBe('hot');
    const hot = await t.app.inject({
      method: 'GET',
      url: '/api/v1/leads?temperature=hot',
      headers: rep.headers,
    });
    expect(hot.json().items.map((i: { id: string }) => i.id)).toEqual([lead.id]);

    // the PUT started a check already; another run at once writes nothing twice
    await runTemperatureCheck(t.deps);
    expect(await temperatureHistory(lead.id)).toEqual(['null→warm ui', 'warm→hot system (no actor)']);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_type', '=', 'settings')
      .execute();
    expect(audit.map((a) => [a.action, JSON.parse(a.after_json ?? '{}')])).toEqual([
      ['update', { hotWithinDays: 40, warmWithinDays: 90 }],
    ]);
  });
});
