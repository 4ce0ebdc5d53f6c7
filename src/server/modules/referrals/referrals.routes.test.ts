import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { newLead, uniqueEmail } from '../../../../test/factories.js';
import { problem, type Session, useTestApp } from '../../../../test/harness.js';
import { SEED_SOURCES } from '../../db/migrations/seed-sources.js';
import { renderToken } from '../forms/form-guards.js';
import { formInboxIdle } from '../forms/form-inbox.js';

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000ffff';
const REFERRAL_SOURCE = SEED_SOURCES.find((s) => s.key === 'customer_referral')?.id;
const WEB_FORM_SOURCE = SEED_SOURCES.find((s) => s.key === 'web_form')?.id;
const text = (lt: string, en = lt) => ({ lt, en });

describeEachDialect('referrals', (dialect) => {
  const t = useTestApp(dialect);
  let seq = 0;
  const nextAddress = () => `10.${dialect === 'sqlite' ? 3 : 13}.${Math.floor(++seq / 250)}.${seq % 250}`;

  function referralLink(session: Session | null, personId: string) {
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${personId}/referral-link`,
      ...(session ? { headers: session.headers } : {}),
    });
  }

  /** A referrer: a person with a lead (owned by a rep unless `unowned`), and a live referral link. */
  async function referrer(opts: { unowned?: boolean } = {}) {
    const rep = await t.signedIn('rep');
    const creator = opts.unowned ? await t.signedIn('admin') : rep;
    const lead = await newLead(t.app, creator, {
      person: { firstName: 'Ona', lastName: 'Rekomendė', emails: [uniqueEmail('ona')] },
    });
    const link = await referralLink(creator, lead.personId);
    expect([200, 201]).toContain(link.statusCode);
    return {
      rep,
      lead,
      token: link.json().token as string,
      email: (lead.person as { emails: string[] }).emails[0],
    };
  }

  async function referralForm(extra: Record<string, unknown> = {}) {
    const admin = await t.signedIn('admin');
    const owner = await t.newUser({ role: 'rep' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms',
      headers: admin.headers,
      payload: {
        name: 'Rekomenduok draugą',
        kind: 'referral',
        fields: [
          { key: 'person.firstName', required: true, label: text('Vardas'), help: null },
          { key: 'person.email', required: true, label: text('El. paštas'), help: null },
        ],
        sourceId: WEB_FORM_SOURCE,
        ownerId: owner.id,
        minFillSeconds: 0,
        ...extra,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().kind).toBe('referral');
    return { form: res.json() as { id: string }, owner };
  }

  async function submit(formId: string, values: Record<string, string>) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/public/forms/${formId}/submissions`,
      remoteAddress: nextAddress(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _t: renderToken(t.deps.config.sessionSecret, formId, Date.now() - 10_000),
        ...values,
      }).toString(),
    });
    expect(res.statusCode, res.body).toBe(201);
    await formInboxIdle(t.deps);
    const row = await t.deps.db
      .selectFrom('form_submissions')
      .selectAll()
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.status, row.error ?? '').toBe('processed');
    return t.deps.db
      .selectFrom('leads')
      .selectAll()
      .where('id', '=', row.lead_id as string)
      .executeTakeFirstOrThrow();
  }

  const thankYouTasks = (referredLeadId: string) =>
    t.deps.db
      .selectFrom('activities')
      .selectAll()
      .where('type', '=', 'task')
      .where('channel', '=', 'referral')
      .execute()
      .then((rows) => rows.filter((r) => JSON.parse(r.data).referredLeadId === referredLeadId));

  describe('links', () => {
    it('gives a person one live referral link, reused on every later ask, to anyone who may see them', async () => {
      const rep = await t.signedIn('rep');
      const lead = await newLead(t.app, rep);
      const first = await referralLink(rep, lead.personId);
      expect(first.statusCode, first.body).toBe(201);
      const { token, url } = first.json();
      expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(url).toMatch(new RegExp(`^https?://[^/]+/r/${token}$`));
      const again = await referralLink(rep, lead.personId);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ token, url });
      const marketer = await referralLink(await t.signedIn('marketer'), lead.personId);
      expect(marketer.json().token).toBe(token);
      const otherRep = await referralLink(await t.signedIn('rep'), lead.personId);
      expect(otherRep.statusCode).toBe(404);
      problem(otherRep);
      expect((await referralLink(rep, UNKNOWN_ID)).statusCode).toBe(404);
      expect((await referralLink(null, lead.personId)).statusCode).toBe(401);
      const rows = await t.deps.db
        .selectFrom('referral_links')
        .select('id')
        .where('person_id', '=', lead.personId)
        .execute();
      expect(rows).toHaveLength(1);
    });

    it('sends /r/{token} to the newest active referral form with the token as _ref, and 404s an unknown one', async () => {
      const { token } = await referrer();
      const { form } = await referralForm();
      await referralForm({ status: 'draft' });
      const res = await t.app.inject({ method: 'GET', url: `/r/${token}` });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe(`/embed/forms/${form.id}?_ref=${token}`);
      for (const unknown of ['AAAAAAAAAAAAAAAAAAAAAA', 'x']) {
        const missing = await t.app.inject({ method: 'GET', url: `/r/${unknown}` });
        expect(missing.statusCode).toBe(404);
        problem(missing);
      }
    });
  });

  describe('naming a referrer by hand', () => {
    it('takes a person the caller may see, and refuses anyone else as not found — on create and on change', async () => {
      const { lead: othersLead } = await referrer(); // a person of another rep
      const me = await t.signedIn('rep');
      const mine = await newLead(t.app, me, {
        person: { firstName: 'Jonas', lastName: 'Savas', emails: [uniqueEmail('jonas')] },
      });
      const create = (referredByPersonId: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/leads',
          headers: me.headers,
          payload: { person: { lastName: 'Draugas', emails: [uniqueEmail('draugas')] }, referredByPersonId },
        });
      for (const refused of [othersLead.personId, UNKNOWN_ID]) {
        const res = await create(refused);
        expect(res.statusCode).toBe(400);
        expect(problem(res).errors).toEqual([
          expect.objectContaining({ field: 'referredByPersonId', code: 'not_found' }),
        ]);
      }
      const change = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/leads/${mine.id}`,
        headers: me.headers,
        payload: { referredByPersonId: othersLead.personId },
      });
      expect(change.statusCode).toBe(400);
      expect(problem(change).errors?.[0]).toMatchObject({ field: 'referredByPersonId', code: 'not_found' });
      const own = await create(mine.personId as string);
      expect(own.statusCode, own.body).toBe(201);
      expect(own.json()).toMatchObject({ referredByPersonId: mine.personId, referredByName: 'Jonas Savas' });
    });

    it('shows a referrer without a name as no name, never their e-mail', async () => {
      const admin = await t.signedIn('admin');
      const nameless = await newLead(t.app, admin, { person: { emails: [uniqueEmail('be.vardo')] } });
      const referred = await newLead(t.app, admin, {
        person: { lastName: 'Rekomenduotas' },
        referredByPersonId: nameless.personId,
      });
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/leads/${referred.id}`,
        headers: admin.headers,
      });
      expect(res.json()).toMatchObject({ referredByPersonId: nameless.personId, referredByName: null });
    });
  });

  describe('credit', () => {
    it('credits a referred lead to its referrer with the referral source, and tasks the referrer’s owner to thank them', async () => {
      const { rep, lead, token } = await referrer();
      const { form } = await referralForm();
      const referred = await submit(form.id, {
        'person.firstName': 'Draugas',
        'person.email': uniqueEmail('draugas'),
        _ref: token,
      });
      expect(referred).toMatchObject({ referred_by_person_id: lead.personId, source_id: REFERRAL_SOURCE });
      // The referred lead names its referrer, for whoever works it.
      const admin = await t.signedIn('admin');
      const shown = await t.app.inject({
        method: 'GET',
        url: `/api/v1/leads/${referred.id}`,
        headers: admin.headers,
      });
      expect(shown.json()).toMatchObject({
        referredByPersonId: lead.personId,
        referredByName: 'Ona Rekomendė',
      });
      const [task, ...more] = await thankYouTasks(referred.id);
      expect(more).toHaveLength(0);
      expect(task).toMatchObject({
        lead_id: lead.id,
        subject: 'Thank Ona Rekomendė for the referral',
        assignee_id: rep.user.id,
        done_at: null,
      });
      expect(Date.parse(task?.due_at ?? '')).toBeGreaterThan(Date.now());
      expect(Date.parse(task?.due_at ?? '') - Date.now()).toBeLessThan(4 * 86_400_000);
      const events = await t.deps.db
        .selectFrom('activities')
        .select('subject')
        .where('lead_id', '=', referred.id)
        .execute();
      expect(events.map((e) => e.subject).sort()).toEqual(['created', 'form_submitted', 'referred']);
    });

    it('tasks the new lead’s owner when the referrer’s leads have none', async () => {
      const { token } = await referrer({ unowned: true });
      const { form, owner } = await referralForm();
      const referred = await submit(form.id, {
        'person.firstName': 'Kitas',
        'person.email': uniqueEmail('kitas'),
        _ref: token,
      });
      expect(referred.owner_id).toBe(owner.id);
      const tasks = await thankYouTasks(referred.id);
      expect(tasks).toEqual([expect.objectContaining({ lead_id: referred.id, assignee_id: owner.id })]);
    });

    it('gives no credit for a self-referral or an unknown token: the form’s own source, no task', async () => {
      const { rep, lead, token, email } = await referrer();
      const stage = await t.app.inject({
        method: 'POST',
        url: `/api/v1/leads/${lead.id}/stage`,
        headers: rep.headers,
        payload: { stage: 'disqualified', reason: 'no_need' },
      });
      expect(stage.statusCode, stage.body).toBe(200);
      const { form } = await referralForm();
      const self = await submit(form.id, {
        'person.firstName': 'Ona',
        'person.email': email as string,
        _ref: token,
      });
      expect(self.id).not.toBe(lead.id);
      expect(self).toMatchObject({
        person_id: lead.personId,
        referred_by_person_id: null,
        source_id: WEB_FORM_SOURCE,
      });
      expect(await thankYouTasks(self.id)).toHaveLength(0);
      const forged = await submit(form.id, {
        'person.firstName': 'Jonas',
        'person.email': uniqueEmail('jonas'),
        _ref: 'AAAAAAAAAAAAAAAAAAAAAA',
      });
      expect(forged).toMatchObject({ referred_by_person_id: null, source_id: WEB_FORM_SOURCE });
      expect(await thankYouTasks(forged.id)).toHaveLength(0);
    });
  });
});

describeEachDialect('referral links without a referral form', (dialect) => {
  const t = useTestApp(dialect);

  it('answers /r/{token} with 404 while no referral form is active', async () => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep);
    const link = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${lead.personId}/referral-link`,
      headers: rep.headers,
    });
    const res = await t.app.inject({ method: 'GET', url: `/r/${link.json().token}` });
    expect(res.statusCode).toBe(404);
    expect(problem(res).detail).toBe('No referral form is active');
  });
});
