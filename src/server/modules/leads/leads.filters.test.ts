import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { newLead } from '../../../../test/factories.js';
import { problem, type Session, useTestApp } from '../../../../test/harness.js';
import { todayIn } from '../../../domain/leads/temperature.js';

/** The list filters beyond stage and temperature: custom fields, score and date ranges. */
describeEachDialect('leads: custom-field, score and date filters', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let rep: Session;
  let other: Session;
  const lead: Record<string, string> = {};

  beforeAll(async () => {
    admin = await t.signedIn('admin');
    const define = async (payload: object) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/custom-fields',
        headers: admin.headers,
        payload: { entity: 'lead', labelLt: 'L', labelEn: 'L', ...payload },
      });
      if (res.statusCode !== 201) throw new Error(res.body);
    };
    const option = (value: string) => ({ value, labelLt: value, labelEn: value });
    await define({ key: 'tier', type: 'select', options: [option('gold'), option('silver')] });
    await define({ key: 'channels', type: 'multiselect', options: [option('mail'), option('phone')] });
    await define({ key: 'employees', type: 'number' });
    await define({ key: 'renewal', type: 'date' });
    await define({ key: 'vip', type: 'boolean' });
    await define({ key: 'note', type: 'text' });
    rep = await t.signedIn('rep');
    other = await t.signedIn('rep');
    const values: Record<string, Record<string, unknown>> = {
      a: {
        tier: 'gold',
        channels: ['mail', 'phone'],
        employees: 12,
        renewal: '2027-01-15',
        vip: true,
        note: 'Met at Expo 100%',
      },
      b: {
        tier: 'silver',
        channels: ['phone'],
        employees: 250,
        renewal: '2026-12-01',
        vip: false,
        note: 'cold call',
      },
      c: {},
    };
    for (const [name, customFields] of Object.entries(values)) {
      lead[name] = (await newLead(t.app, rep, { customFields })).id;
    }
    // the same values on a lead the rep may not see
    lead.hidden = (await newLead(t.app, other, { customFields: values.a })).id;
  });

  const ids = async (s: Session, query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/leads?${query}`, headers: s.headers });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: string }[]).map((i) => i.id).sort();
  };
  const names = (...n: string[]) => n.map((k) => lead[k]!).sort();

  it('filters by each type of custom field, within the caller’s scope', async () => {
    expect(await ids(rep, 'cf=tier:gold')).toEqual(names('a'));
    expect(await ids(rep, 'cf=tier:gold|silver')).toEqual(names('a', 'b'));
    expect(await ids(rep, 'cf=channels:phone')).toEqual(names('a', 'b'));
    expect(await ids(rep, 'cf=channels:mail')).toEqual(names('a'));
    expect(await ids(rep, 'cf=employees:10..100')).toEqual(names('a'));
    expect(await ids(rep, 'cf=employees:250')).toEqual(names('b'));
    expect(await ids(rep, 'cf=employees:13..')).toEqual(names('b'));
    expect(await ids(rep, 'cf=renewal:..2026-12-31')).toEqual(names('b'));
    expect(await ids(rep, 'cf=vip:true')).toEqual(names('a'));
    expect(await ids(rep, 'cf=vip:false')).toEqual(names('b'));
    expect(await ids(rep, 'cf=note:EXPO')).toEqual(names('a'));
    expect(await ids(rep, 'cf=note:100%25')).toEqual(names('a'));
    expect(await ids(rep, 'cf=note:1_0')).toEqual([]);
    expect(await ids(rep, 'cf=tier:gold&cf=vip:false')).toEqual([]);
    expect(await ids(admin, 'cf=tier:gold')).toEqual(names('a', 'hidden'));
  });

  it('filters by score and by creation and last-activity days, both ends included', async () => {
    // today where the organisation is: the filter's days are its days
    const day = todayIn(t.deps.config.timeZone, new Date());
    expect(await ids(rep, `createdFrom=${day}&createdTo=${day}`)).toEqual(names('a', 'b', 'c'));
    expect(await ids(rep, 'createdTo=2020-01-01')).toEqual([]);
    expect(await ids(rep, 'scoreMin=0&scoreMax=0')).toEqual(names('a', 'b', 'c'));
    expect(await ids(rep, 'scoreMin=1')).toEqual([]);
    expect(await ids(rep, `lastActivityFrom=2020-01-01&lastActivityTo=${day}`)).toEqual(names('a', 'b', 'c'));
  });

  it('names every bad condition', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/leads?cf=tier:bronze&cf=colour:red&cf=employees:x&scoreMin=5&scoreMax=1&createdFrom=2026-02-01&createdTo=2026-01-01',
      headers: rep.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(
      problem(res)
        .errors?.map((e) => `${e.field}:${e.code}`)
        .sort(),
    ).toEqual([
      'cf.0:invalid_value',
      'cf.1:not_found',
      'cf.2:invalid_format',
      'createdTo:date_order',
      'scoreMax:out_of_range',
    ]);
  });
});
