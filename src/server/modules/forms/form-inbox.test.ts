import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { useTestApp } from '../../../../test/harness.js';
import { SEED_SOURCES } from '../../db/migrations/seed-sources.js';
import { renderToken } from './form-guards.js';
import { drainFormInbox, stopFormInbox } from './form-inbox.js';

const text = (lt: string, en = lt) => ({ lt, en });

/**
 * A drain of many waiting submissions (on PostgreSQL in four lanes at once) gives each the outcome it
 * would have alone: one that no longer fits the form is failed with its reasons and undoes nothing
 * of the others; a person's second submission (their e-mail in other case) joins their lead.
 */
describeEachDialect('form inbox: a drain of many submissions at once', (dialect) => {
  const t = useTestApp(dialect);
  const field = (key: string, required = true) => ({ key, required, label: text(key), help: null });

  /** A new form of these fields (the form inbox stopped, so submissions wait for the drain). */
  async function waitingForm(name: string, fields: ReturnType<typeof field>[]) {
    // why: no drain starts by itself here, so the submissions wait and are drained in one go
    await stopFormInbox(t.deps);
    const admin = await t.signedIn('admin');
    const call = (method: 'POST' | 'PATCH', url: string, payload: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: admin.headers, payload });
    const created = await call('POST', '/forms', {
      name,
      fields,
      consent: null,
      sourceId: SEED_SOURCES[0].id,
      ownerId: (await t.newUser({ role: 'rep' })).id,
      minFillSeconds: 0,
    });
    expect(created.statusCode, created.body).toBe(201);
    const form = created.json() as { id: string };
    let n = 0;
    const submit = async (values: Record<string, string>) => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/public/forms/${form.id}/submissions`,
        remoteAddress: `10.9.${Math.floor(++n / 250)}.${n % 250}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          ...values,
          _t: renderToken(t.deps.config.sessionSecret, form.id, Date.now() - 10_000),
        }).toString(),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    return { form, call, submit };
  }

  it('makes every fitting submission a lead, fails the one that no longer fits, and keeps a person’s order', async () => {
    const fields = [field('person.firstName'), field('person.lastName', false), field('person.email')];
    const { form, call, submit } = await waitingForm('Daug užklausų', fields);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const person = { 'person.firstName': `Vardas${i}`, 'person.email': `p${i}@example.lt` };
      // every fifth leaves the last name out: the form will require it before the drain
      ids.push(await submit(i % 5 === 2 ? person : { ...person, 'person.lastName': 'Pavardė' }));
    }
    const again = await submit({
      'person.firstName': 'Vardas0',
      'person.lastName': 'X',
      'person.email': 'P0@example.lt',
    });
    const patched = await call('PATCH', `/forms/${form.id}`, {
      fields: fields.map((f) => (f.key === 'person.lastName' ? { ...f, required: true } : f)),
    });
    expect(patched.statusCode, patched.body).toBe(200);

    expect(await drainFormInbox(t.deps)).toBe(31);
    const rows = await t.deps.db
      .selectFrom('form_submissions')
      .select(['id', 'status', 'lead_id', 'error'])
      .where('form_id', '=', form.id)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    ids.forEach((id, i) => {
      const row = byId.get(id)!;
      if (i % 5 === 2) {
        expect(row.status).toBe('failed');
        expect(JSON.parse(row.error ?? '{}').code).toBe('validation');
        expect(row.lead_id).toBeNull();
      } else {
        expect(row.status, row.error ?? '').toBe('processed');
        expect(row.lead_id).not.toBeNull();
      }
    });
    // the same person's later submission joins the lead of the first
    expect(byId.get(again)?.lead_id).toBe(byId.get(ids[0]!)?.lead_id);
    const leads = await t.deps.db
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('source_detail', '=', 'Daug užklausų')
      .executeTakeFirstOrThrow();
    expect(Number(leads.n)).toBe(24);
  });

  it('makes one organisation of colleagues’ submissions drained at once with one company code', async () => {
    const { submit } = await waitingForm('Įmonių užklausos', [
      field('person.firstName'),
      field('person.email'),
      field('organisation.name'),
      field('organisation.companyCode'),
    ]);
    for (let i = 0; i < 12; i++) {
      await submit({
        'person.firstName': `Kolega${i}`,
        'person.email': `kolega${i}@azuolas.lt`,
        'organisation.name': 'UAB Ąžuolas',
        'organisation.companyCode': '302123456',
      });
    }
    expect(await drainFormInbox(t.deps)).toBe(12);
    const orgs = await t.deps.db
      .selectFrom('organisations')
      .select('id')
      .where('company_code', '=', '302123456')
      .execute();
    expect(orgs).toHaveLength(1);
  });
});
