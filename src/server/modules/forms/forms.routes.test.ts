import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, useTestApp } from '../../../../test/harness.js';
import { SEED_SOURCES } from '../../db/migrations/seed-sources.js';
import { renderToken } from './form-guards.js';
import { formInboxIdle } from './form-inbox.js';

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000ffff';
const text = (lt: string, en = lt) => ({ lt, en });

describeEachDialect('web forms', (dialect) => {
  const t = useTestApp(dialect);
  let address = 0;
  /** A fresh client address per test, so per-address limits of one test never touch another. */
  const nextAddress = () => `10.0.${Math.floor(++address / 250)}.${address % 250}`;

  async function marketer() {
    const s = await t.signedIn('marketer');
    return (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
  }

  async function admin() {
    const s = await t.signedIn('admin');
    return (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
  }

  async function newForm(extra: Record<string, unknown> = {}) {
    const call = await admin();
    const owner = await t.newUser({ role: 'rep' });
    const res = await call('POST', '/forms', {
      name: 'Kainų užklausa',
      fields: [
        { key: 'person.firstName', required: true, label: text('Vardas', 'First name'), help: null },
        { key: 'person.lastName', required: false, label: text('Pavardė', 'Last name'), help: null },
        { key: 'person.email', required: true, label: text('El. paštas', 'E-mail'), help: null },
        { key: 'organisation.name', required: false, label: text('Įmonė', 'Company'), help: null },
        { key: 'lead.timeframe', required: false, label: text('Kada?', 'When?'), help: null },
        { key: 'lead.message', required: false, label: text('Žinutė', 'Message'), help: null },
      ],
      consent: { required: true, text: text('Sutinku gauti pasiūlymus', 'I agree to receive offers') },
      sourceId: SEED_SOURCES[0].id,
      ownerId: owner.id,
      minFillSeconds: 0,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { form: res.json(), owner, call };
  }

  function submit(
    formId: string,
    values: Record<string, string>,
    opts: { origin?: string; address?: string; json?: boolean } = {},
  ) {
    const headers: Record<string, string> = {};
    if (opts.origin) headers.origin = opts.origin;
    return t.app.inject({
      method: 'POST',
      url: `/api/public/forms/${formId}/submissions`,
      remoteAddress: opts.address ?? nextAddress(),
      headers: {
        ...headers,
        'content-type': opts.json ? 'application/json' : 'application/x-www-form-urlencoded',
      },
      payload: opts.json ? JSON.stringify(values) : new URLSearchParams(values).toString(),
    });
  }

  const token = (formId: string, agoMs = 10_000) =>
    renderToken(t.deps.config.sessionSecret, formId, Date.now() - agoMs);

  async function leadOf(submissionId: string) {
    await formInboxIdle(t.deps);
    const row = await t.deps.db
      .selectFrom('form_submissions')
      .selectAll()
      .where('id', '=', submissionId)
      .executeTakeFirstOrThrow();
    return row;
  }

  describe('the builder', () => {
    it('lets marketers create and change forms, with embed snippets; reps and managers may not', async () => {
      const { form, call } = await newForm();
      expect(form.status).toBe('active');
      expect(form.version).toBe(1);
      expect(form.embed.script).toContain(`/embed/forms/${form.id}.js`);
      expect(form.honeypotName).toBeTruthy();
      const patched = await call('PATCH', `/forms/${form.id}`, {
        name: 'Nauja',
        allowedOrigins: ['https://www.Example.lt'],
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({
        name: 'Nauja',
        version: 2,
        allowedOrigins: ['https://www.example.lt'],
      });
      for (const role of ['rep', 'manager'] as const) {
        const s = await t.signedIn(role);
        const res = await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/forms/${form.id}`,
          headers: s.headers,
          payload: { name: 'x' },
        });
        expect(res.statusCode, role).toBe(403);
      }
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/forms' })).statusCode).toBe(401);
    });

    it('refuses a form that cannot identify anyone, unknown fields and a disabled owner, naming each', async () => {
      const call = await marketer();
      const res = await call('POST', '/forms', {
        name: 'Blogas',
        fields: [
          { key: 'person.firstName', required: true, label: text('Vardas'), help: null },
          { key: 'lead.stage', required: true, label: text('Etapas'), help: null },
          { key: 'person.firstName', required: false, label: text(''), help: null },
        ],
        ownerId: UNKNOWN_ID,
      });
      expect(res.statusCode).toBe(400);
      const fields = problem(res).errors?.map((e) => `${e.field}:${e.code}`);
      const mine = await call('POST', '/forms', {
        name: 'Mine',
        fields: [{ key: 'person.email', required: true, label: text('El. paštas'), help: null }],
        ownerId: (await t.newUser({ role: 'rep' })).id,
      });
      expect(problem(mine).errors).toEqual([
        expect.objectContaining({ field: 'ownerId', code: 'not_allowed' }),
      ]);
      expect(fields).toEqual(
        expect.arrayContaining([
          'fields.1.key:invalid_value',
          'fields.2.key:in_use',
          'fields.2.label.lt:required',
          'fields:required',
          'ownerId:not_found',
        ]),
      );
    });
  });

  describe('public submission', () => {
    it('serves an active form to the embed script and hides drafts and unknown ids', async () => {
      const { form, call } = await newForm();
      const def = await t.app.inject({ method: 'GET', url: `/api/public/forms/${form.id}` });
      expect(def.statusCode).toBe(200);
      const body = def.json();
      expect(body.fields.map((f: { name: string }) => f.name)).toContain('person.email');
      expect(
        body.fields.find((f: { name: string }) => f.name === 'lead.timeframe').options.length,
      ).toBeGreaterThan(3);
      expect(body.token).toMatch(/^[0-9a-z]+\.[\w-]+$/);
      await call('PATCH', `/forms/${form.id}`, { status: 'draft' });
      expect((await t.app.inject({ method: 'GET', url: `/api/public/forms/${form.id}` })).statusCode).toBe(
        404,
      );
      const unknown = await submit(UNKNOWN_ID, { 'person.email': 'a@b.lt' });
      expect(unknown.statusCode).toBe(404);
      problem(unknown);
    });

    it('stores a submission (201), then makes a lead with the form’s owner and source, attribution and consent', async () => {
      const { form, owner } = await newForm();
      const first = JSON.stringify({
        utm_source: 'newsletter',
        utm_medium: 'email',
        utm_campaign: 'ruduo',
        landing_page: 'https://www.example.lt/?utm_source=newsletter',
        at: new Date(Date.now() - 3600_000).toISOString(),
      });
      const res = await submit(form.id, {
        'person.firstName': 'Ona',
        'person.lastName': 'Žemaitė',
        'person.email': 'ona.zemaite@example.lt',
        'organisation.name': 'Žemaitės ūkis',
        'lead.timeframe': '1m',
        'lead.message': 'Norime pasiūlymo',
        consent: 'yes',
        _t: token(form.id),
        _first: first,
        utm_source: 'google',
        utm_medium: 'cpc',
        gclid: 'abc123',
        _page: 'https://www.example.lt/kainos?utm_source=google',
        [form.honeypotName]: '',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().status).toBe('stored');
      const row = await leadOf(res.json().id);
      expect(row.status).toBe('processed');
      expect(row.lead_id).toBeTruthy();
      const lead = await t.deps.db
        .selectFrom('leads')
        .selectAll()
        .where('id', '=', row.lead_id as string)
        .executeTakeFirstOrThrow();
      expect(lead).toMatchObject({
        owner_id: owner.id,
        source_id: SEED_SOURCES[0].id,
        stage: 'suspect',
        created_by: null,
      });
      expect(lead.timeframe).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const touches = await t.deps.db
        .selectFrom('touches')
        .selectAll()
        .where('lead_id', '=', lead.id)
        .orderBy('occurred_at')
        .execute();
      expect(touches.map((x) => x.utm_source)).toEqual(['newsletter', 'google']);
      expect(lead.first_touch_id).toBe(touches[0]?.id);
      expect(lead.last_touch_id).toBe(touches[1]?.id);
      expect(touches[1]).toMatchObject({
        utm_medium: 'cpc',
        gclid: 'abc123',
        channel: 'form',
        origin_id: form.id,
      });
      const consent = await t.deps.db
        .selectFrom('consents')
        .selectAll()
        .where('person_id', '=', lead.person_id as string)
        .executeTakeFirstOrThrow();
      expect(consent).toMatchObject({ granted: 1, wording: 'Sutinku gauti pasiūlymus', channel: 'form' });
      const events = await t.deps.db
        .selectFrom('activities')
        .select(['subject', 'channel'])
        .where('lead_id', '=', lead.id)
        .execute();
      expect(events.map((e) => e.subject).sort()).toEqual(['created', 'form_submitted']);
      expect(events.every((e) => e.channel === 'form')).toBe(true);
    });

    it('takes JSON too, and a known person’s new submission adds an activity to their open lead', async () => {
      const { form } = await newForm();
      const values = {
        'person.firstName': 'Jonas',
        'person.email': 'Jonas.Known@Example.lt',
        consent: 'yes',
        _t: token(form.id),
      };
      const one = await submit(form.id, values, { json: true });
      expect(one.statusCode, one.body).toBe(201);
      const two = await submit(form.id, { ...values, 'person.email': 'jonas.known@example.lt' });
      expect(two.statusCode).toBe(201);
      const [a, b] = [await leadOf(one.json().id), await leadOf(two.json().id)];
      expect(b.lead_id).toBe(a.lead_id);
      const events = await t.deps.db
        .selectFrom('activities')
        .select('subject')
        .where('lead_id', '=', a.lead_id as string)
        .execute();
      expect(events.filter((e) => e.subject === 'form_submitted')).toHaveLength(2);
    });

    it('refuses fields the form does not have — owner, stage, score — naming them, and stores nothing', async () => {
      const { form } = await newForm();
      const before = await t.deps.db
        .selectFrom('form_submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const res = await submit(form.id, {
        'person.firstName': 'Ona',
        'person.email': 'ona@example.lt',
        consent: 'yes',
        ownerId: UNKNOWN_ID,
        stage: 'sql',
        'lead.score': '100',
        _t: token(form.id),
      });
      expect(res.statusCode).toBe(400);
      expect(
        problem(res)
          .errors?.map((e) => `${e.field}:${e.code}`)
          .sort(),
      ).toEqual(['lead.score:not_allowed', 'ownerId:not_allowed', 'stage:not_allowed']);
      const missing = await submit(form.id, { 'person.email': 'not-an-email', _t: token(form.id) });
      expect(
        problem(missing)
          .errors?.map((e) => `${e.field}:${e.code}`)
          .sort(),
      ).toEqual(['consent:required', 'person.email:invalid_format', 'person.firstName:required']);
      const after = await t.deps.db
        .selectFrom('form_submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('is idempotent on the client id: a retried submission is stored once', async () => {
      const { form } = await newForm();
      const values = {
        'person.firstName': 'Rūta',
        'person.email': 'ruta@example.lt',
        consent: 'yes',
        _t: token(form.id),
        _cid: 'c0ffee00-1111-2222-3333-444455556666',
      };
      const one = await submit(form.id, values);
      const two = await submit(form.id, values);
      expect(one.statusCode).toBe(201);
      expect(two.statusCode).toBe(201);
      expect(two.json().id).toBe(one.json().id);
    });
  });

  describe('spam defence', () => {
    const human = (formId: string, email: string) => ({
      'person.firstName': 'Petras',
      'person.email': email,
      consent: 'yes',
      _t: token(formId),
    });

    it('quarantines a filled honeypot, a missing or forged token and a too-fast fill (202), and a person releases or deletes', async () => {
      const { form, call } = await newForm({ minFillSeconds: 5 });
      const cases = [
        { ...human(form.id, 'bot1@example.lt'), [form.honeypotName]: 'http://spam.example' },
        { ...human(form.id, 'bot2@example.lt'), _t: '' },
        { ...human(form.id, 'bot3@example.lt'), _t: 'kq1.forged' },
        { ...human(form.id, 'bot4@example.lt'), _t: token(form.id, 1000) },
      ];
      const ids: string[] = [];
      for (const values of cases) {
        const res = await submit(form.id, values);
        expect(res.statusCode, res.body).toBe(202);
        expect(res.json().status).toBe('quarantined');
        ids.push(res.json().id);
      }
      const list = await call('GET', `/forms/${form.id}/submissions?status=quarantined`);
      expect(
        list
          .json()
          .items.map((s: { reasons: string[] }) => s.reasons[0])
          .sort(),
      ).toEqual(['honeypot', 'token_invalid', 'token_missing', 'too_fast']);
      await formInboxIdle(t.deps);
      expect(
        await t.deps.db.selectFrom('leads').select('id').where('title', 'like', '%bot1%').execute(),
      ).toHaveLength(0);
      const released = await call('POST', `/form-submissions/${ids[0]}/release`);
      expect(released.statusCode, released.body).toBe(200);
      expect((await leadOf(ids[0] as string)).status).toBe('processed');
      const deleted = await call('DELETE', `/form-submissions/${ids[1]}`);
      expect(deleted.json().status).toBe('deleted');
      expect((await call('DELETE', `/form-submissions/${ids[1]}`)).statusCode).toBe(409);
      const form2 = await call('GET', `/forms/${form.id}`);
      expect(form2.json().counts).toMatchObject({ processed: 1, quarantined: 2 });
    });

    it('quarantines a submission from a site the form does not allow, and accepts the allowed ones', async () => {
      const { form } = await newForm({ allowedOrigins: ['https://www.example.lt'] });
      const ok = await submit(form.id, human(form.id, 'allowed@example.lt'), {
        origin: 'https://www.example.lt',
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.headers['access-control-allow-origin']).toBe('https://www.example.lt');
      const other = await submit(form.id, human(form.id, 'other@example.lt'), {
        origin: 'https://evil.example',
      });
      expect(other.statusCode).toBe(202);
      const none = await submit(form.id, human(form.id, 'none@example.lt'));
      expect(none.statusCode).toBe(202);
    });

    it('quarantines a burst from one address and answers 429 with Retry-After past the limit', async () => {
      const { form } = await newForm();
      const from = nextAddress();
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await submit(form.id, human(form.id, `burst${i}@example.lt`), {
          address: from,
          origin: 'https://site.example',
        });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) {
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
          expect(res.headers['access-control-allow-origin']).toBe('https://site.example');
          expect(res.headers['access-control-expose-headers']).toBe('Retry-After');
          problem(res);
        }
      }
      expect(statuses).toEqual([201, 201, 201, 202, 202, 202, 202, 202, 202, 202, 429, 429]);
      // another visitor is not held back by the flood
      expect((await submit(form.id, human(form.id, 'calm@example.lt'))).statusCode).toBe(201);
    });

    it('answers 429 once a form takes more than its limit per minute', async () => {
      const { form } = await newForm({ maxPerMinute: 2 });
      const codes = [];
      for (let i = 0; i < 3; i++)
        codes.push((await submit(form.id, human(form.id, `max${i}@example.lt`))).statusCode);
      expect(codes).toEqual([201, 201, 429]);
    });
  });
});
