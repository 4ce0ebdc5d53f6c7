import { beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { newLead, uniqueEmail } from '../../../../test/factories.js';
import { problem, type Session, useTestApp } from '../../../../test/harness.js';
import type { SystemContext } from '../../context.js';
import { DEFAULT_SCORE_ID } from '../../db/migrations/20261127T0200-scoring.js';
import { SEED_SOURCES } from '../../db/migrations/seed-sources.js';
import { renderToken } from '../forms/form-guards.js';
import { formInboxIdle } from '../forms/form-inbox.js';
import { type LeadPlan, LeadPlanner, writeLeadPlans } from '../leads/lead-plan.js';
import { rescoreForDecay, rescoreIdle, runRescore } from './scoring.runs.js';

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000ffff';
const WEB_FORM_SOURCE = SEED_SOURCES.find((s) => s.key === 'web_form')?.id;
const text = (lt: string, en = lt) => ({ lt, en });

type Line = {
  ruleId: string | null;
  kind: string;
  points: number;
  count: number | null;
  rule: { field?: string } | null;
};

describeEachDialect('scoring', (dialect) => {
  const t = useTestApp(dialect);
  let seq = 0;
  const nextAddress = () => `10.${dialect === 'sqlite' ? 5 : 15}.${Math.floor(++seq / 250)}.${seq % 250}`;

  const call = (
    s: Session | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(s ? { headers: s.headers } : {}),
      ...(payload ? { payload } : {}),
    });

  async function addRule(s: Session, rule: object) {
    const res = await call(s, 'POST', '/scoring/rules', rule);
    expect(res.statusCode, res.body).toBe(201);
    await rescoreIdle(t.deps);
    return res.json() as { id: string; scoreId: string };
  }

  const leadRow = (id: string) =>
    t.deps.db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeEach(async () => {
    await rescoreIdle(t.deps);
    await t.deps.db.deleteFrom('scoring_rules').execute();
    await t.deps.db.deleteFrom('scoring_runs').execute();
    await t.deps.db
      .updateTable('scoring_models')
      .set({
        mql_threshold: 50,
        sql_threshold: 100,
        total_cap: null,
        group_caps_json: '{}',
        half_life_days: 30,
        demote_on_decay: 0,
      })
      .execute();
  });

  describe('who may see and change scoring', () => {
    it('answers 401 without a session', async () => {
      expect((await call(null, 'GET', '/scoring/rules')).statusCode).toBe(401);
      expect(
        (await call(null, 'POST', '/scoring/rules', { kind: 'behaviour', behaviour: 'chat', points: 5 }))
          .statusCode,
      ).toBe(401);
    });

    it('refuses a rep both reading and changing, and a manager changing; a marketer may change', async () => {
      const rule = { kind: 'behaviour', behaviour: 'chat', points: 5 };
      const rep = await t.signedIn('rep');
      for (const res of [
        await call(rep, 'GET', '/scoring/rules'),
        await call(rep, 'POST', '/scoring/rules', rule),
      ]) {
        expect(res.statusCode).toBe(403);
        expect(problem(res).type).toContain('forbidden');
      }
      const manager = await t.signedIn('manager');
      expect((await call(manager, 'GET', '/scoring/rules')).statusCode).toBe(200);
      expect((await call(manager, 'POST', '/scoring/rules', rule)).statusCode).toBe(403);
      const marketer = await t.signedIn('marketer');
      await addRule(marketer, rule);
      const settings = (await call(manager, 'GET', '/scoring/rules')).json();
      expect(settings.scores[0].rules).toHaveLength(1);
    });

    it("refuses a lead's score to someone who may not see the lead", async () => {
      const owner = await t.signedIn('rep');
      const other = await t.signedIn('rep');
      const lead = await newLead(t.app, owner);
      expect((await call(owner, 'GET', `/leads/${lead.id}/score`)).statusCode).toBe(200);
      expect((await call(other, 'GET', `/leads/${lead.id}/score`)).statusCode).toBe(404);
    });
  });

  describe('bad rules and scores', () => {
    it('names the field of a rule that can never match, and of thresholds out of order', async () => {
      const admin = await t.signedIn('admin');
      const cases: [object, string, string][] = [
        [
          { kind: 'fit', field: 'person.country', operator: 'in', value: [], points: 10 },
          'value',
          'never_matches',
        ],
        [
          {
            kind: 'fit',
            field: 'organisation.size',
            operator: 'range',
            value: { min: 50, max: 10 },
            points: 10,
          },
          'value',
          'never_matches',
        ],
        [
          { kind: 'fit', field: 'person.shoeSize', operator: 'equals', value: '42', points: 10 },
          'field',
          'invalid_value',
        ],
        [{ kind: 'behaviour', behaviour: 'chat', points: 0 }, 'points', 'never_matches'],
      ];
      for (const [rule, field, code] of cases) {
        const res = await call(admin, 'POST', '/scoring/rules', rule);
        expect(res.statusCode, JSON.stringify(rule)).toBe(400);
        expect(problem(res).errors).toContainEqual(expect.objectContaining({ field, code }));
      }
      const score = { nameLt: 'Balai', nameEn: 'Score', mqlThreshold: 120, sqlThreshold: 100 };
      const order = await call(admin, 'PUT', `/scoring/scores/${DEFAULT_SCORE_ID}`, score);
      expect(order.statusCode).toBe(400);
      expect(problem(order).errors).toContainEqual(
        expect.objectContaining({ field: 'sqlThreshold', code: 'threshold_order' }),
      );
      const cap = await call(admin, 'POST', '/scoring/scores', { ...score, mqlThreshold: 50, totalCap: 80 });
      expect(problem(cap).errors).toContainEqual(
        expect.objectContaining({ field: 'totalCap', code: 'below_threshold' }),
      );
      const unknown = await call(admin, 'POST', '/scoring/rules', {
        scoreId: UNKNOWN_ID,
        kind: 'behaviour',
        behaviour: 'chat',
        points: 5,
      });
      expect(unknown.statusCode).toBe(404);
      expect((await call(admin, 'GET', '/scoring/rules')).json().scores[0].rules).toEqual([]);
    });
  });

  describe('scores through the write path', () => {
    it('scores a new lead on its fit, explains why, and makes it an MQL', async () => {
      const admin = await t.signedIn('admin');
      const title = await addRule(admin, {
        kind: 'fit',
        field: 'person.jobTitle',
        operator: 'contains',
        value: 'direktor',
        points: 30,
      });
      const company = await addRule(admin, {
        kind: 'fit',
        field: 'email.kind',
        operator: 'equals',
        value: 'company',
        points: 25,
      });
      await addRule(admin, {
        kind: 'fit',
        field: 'organisation.country',
        operator: 'equals',
        value: 'LV',
        points: 40,
      });
      const rep = await t.signedIn('rep');
      const lead = await newLead(t.app, rep, {
        person: {
          firstName: 'Jonas',
          lastName: 'Direktorius',
          jobTitle: 'Generalinis direktorius',
          emails: [`jonas.${++seq}@uab-pavyzdys.lt`],
        },
      });
      expect(lead.score).toBe(55);
      expect(lead.stage).toBe('mql');
      const res = await call(rep, 'GET', `/leads/${lead.id}/score`);
      expect(res.statusCode, res.body).toBe(200);
      const [score] = res.json().scores;
      expect(score).toMatchObject({ scoreId: DEFAULT_SCORE_ID, primary: true, total: 55, reaches: 'mql' });
      expect(score.lines.map((l: Line) => [l.ruleId, l.points])).toEqual([
        [title.id, 30],
        [company.id, 25],
      ]);
      expect(score.lines[0].rule.field).toBe('person.jobTitle');
      const history = await t.deps.db
        .selectFrom('lead_history')
        .selectAll()
        .where('lead_id', '=', lead.id)
        .where('field', '=', 'stage')
        .orderBy('at')
        .orderBy('id')
        .execute();
      expect(history.map((h) => [h.from_value, h.to_value, h.channel])).toEqual([
        [null, 'suspect', 'ui'],
        ['suspect', 'mql', 'automation'],
      ]);
      // a free mailbox earns nothing from the company rule
      const free = await newLead(t.app, rep, {
        person: { firstName: 'Ona', lastName: 'X', emails: [`ona.${++seq}@gmail.com`] },
      });
      expect(free.score).toBe(0);
      expect(free.stage).toBe('suspect');
    });

    it('adds behaviour as it happens, hands an SQL to its owner, and a person’s stage wins after that', async () => {
      const admin = await t.signedIn('admin');
      await addRule(admin, { kind: 'behaviour', behaviour: 'call_connected', points: 60 });
      const rep = await t.signedIn('rep');
      const lead = await newLead(t.app, rep);
      const logCall = (outcome: string) =>
        call(rep, 'POST', `/leads/${lead.id}/activities`, { type: 'call', outcome, direction: 'outbound' });
      expect((await logCall('no_answer')).statusCode).toBe(201);
      expect((await leadRow(lead.id)).score).toBe(0);
      await logCall('connected');
      expect(await leadRow(lead.id)).toMatchObject({ score: 60, stage: 'mql' });
      await logCall('connected');
      expect(await leadRow(lead.id)).toMatchObject({ score: 120, stage: 'sql' });
      const notes = await t.deps.db
        .selectFrom('notifications')
        .selectAll()
        .where('entity_id', '=', lead.id)
        .execute();
      expect(notes.map((n) => [n.kind, n.user_id])).toEqual([['lead_sql', rep.user.id]]);
      const lines = (await call(rep, 'GET', `/leads/${lead.id}/score`)).json().scores[0].lines;
      expect(lines).toEqual([expect.objectContaining({ kind: 'behaviour', points: 120, count: 2 })]);
      // the rep moves it back by hand: more calls change its score, never its stage
      expect((await call(rep, 'POST', `/leads/${lead.id}/stage`, { stage: 'mql' })).statusCode).toBe(200);
      await logCall('connected');
      expect(await leadRow(lead.id)).toMatchObject({ score: 180, stage: 'mql', stage_by_person: 1 });
    });

    it('scores a web form submission (fit and the submission itself) before it is acknowledged as stored', async () => {
      const admin = await t.signedIn('admin');
      await addRule(admin, { kind: 'behaviour', behaviour: 'form_submitted', points: 35 });
      await addRule(admin, {
        kind: 'fit',
        field: 'lead.source',
        operator: 'equals',
        value: 'web_form',
        points: 20,
      });
      const form = await call(admin, 'POST', '/forms', {
        name: 'Kainos užklausa',
        fields: [
          { key: 'person.firstName', required: true, label: text('Vardas'), help: null },
          { key: 'person.email', required: true, label: text('El. paštas'), help: null },
        ],
        sourceId: WEB_FORM_SOURCE,
        minFillSeconds: 0,
      });
      expect(form.statusCode, form.body).toBe(201);
      const submit = async (email: string) => {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/public/forms/${form.json().id}/submissions`,
          remoteAddress: nextAddress(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({
            _t: renderToken(t.deps.config.sessionSecret, form.json().id, Date.now() - 10_000),
            'person.firstName': 'Rasa',
            'person.email': email,
          }).toString(),
        });
        expect(res.statusCode, res.body).toBe(201);
        await formInboxIdle(t.deps);
        const row = await t.deps.db
          .selectFrom('form_submissions')
          .selectAll()
          .where('id', '=', res.json().id)
          .executeTakeFirstOrThrow();
        return leadRow(row.lead_id as string);
      };
      const email = uniqueEmail('rasa');
      const first = await submit(email);
      expect(first).toMatchObject({ score: 55, stage: 'mql' });
      // the same person again: the open lead gets the new submission's points
      const again = await submit(email);
      expect(again.id).toBe(first.id);
      expect(again.score).toBe(90);
    });

    it('rescores a lead when its person or organisation changes', async () => {
      const admin = await t.signedIn('admin');
      await addRule(admin, {
        kind: 'fit',
        field: 'person.jobTitle',
        operator: 'in',
        value: ['CEO', 'CFO'],
        points: 50,
      });
      const lead = await newLead(t.app, admin);
      expect((await leadRow(lead.id)).score).toBe(0);
      const res = await call(admin, 'PATCH', `/people/${lead.personId}`, { jobTitle: 'ceo' });
      expect([200, 201], res.body).toContain(res.statusCode);
      expect(await leadRow(lead.id)).toMatchObject({ score: 50, stage: 'mql' });
    });
  });

  describe('preview', () => {
    it('tells how many leads a rule or threshold change would move, before saving it; a stage a person set does not count', async () => {
      const admin = await t.signedIn('admin');
      for (let i = 0; i < 3; i++) await newLead(t.app, admin, { tags: ['peržiūra'] });
      const set = await newLead(t.app, admin, { tags: ['peržiūra'] });
      expect((await call(admin, 'POST', `/leads/${set.id}/stage`, { stage: 'mql' })).statusCode).toBe(200);
      const rule = { kind: 'fit', field: 'lead.tags', operator: 'in', value: ['peržiūra'], points: 60 };
      const res = await call(admin, 'POST', '/scoring/preview', { rule });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ exact: true, moves: { toMql: 3, toSql: 0, toSuspect: 0 } });
      const lower = await call(admin, 'POST', '/scoring/preview', {
        rule,
        settings: { nameLt: 'Balai', nameEn: 'Score', mqlThreshold: 20, sqlThreshold: 50 },
      });
      expect(lower.json().moves).toMatchObject({ toSql: 3, toMql: 0 });
      // nothing was saved
      expect((await call(admin, 'GET', '/scoring/rules')).json().scores[0].rules).toEqual([]);
      const bad = await call(admin, 'POST', '/scoring/preview', { rule: { ...rule, value: [] } });
      expect(bad.statusCode).toBe(400);
      expect(problem(bad).errors).toContainEqual(
        expect.objectContaining({ field: 'rule.value', code: 'never_matches' }),
      );
      expect((await call(await t.signedIn('rep'), 'POST', '/scoring/preview', { rule })).statusCode).toBe(
        403,
      );
    });
  });

  describe('predictive score', () => {
    it('says it has too little history, then learns from outcomes: quality on held-out leads, a probability on the lead page', async () => {
      const admin = await t.signedIn('admin');
      const rep = await t.signedIn('rep');
      expect((await call(rep, 'GET', '/scoring/model')).statusCode).toBe(403);
      expect((await call(await t.signedIn('manager'), 'POST', '/scoring/model/train')).statusCode).toBe(403);
      const first = await call(admin, 'POST', '/scoring/model/train');
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ status: 'too_little_history', quality: { auc: null } });
      const webForm = SEED_SOURCES.find((s) => s.key === 'web_form')?.id as string;
      const imported =
        SEED_SOURCES.find((s) => s.key === 'purchased_list')?.id ??
        SEED_SOURCES.find((s) => s.key !== 'web_form')?.id;
      const caller: SystemContext = { user: null, channel: 'import' };
      const ids: { id: string; good: boolean }[] = [];
      await t.deps.db.transaction().execute(async (trx) => {
        const inputs = Array.from({ length: 400 }, (_, i) => {
          const good = i % 2 === 0;
          return {
            sourceId: good ? webForm : imported,
            person: {
              firstName: 'Istorija',
              lastName: `Nr ${i}`,
              jobTitle: good ? 'Direktorius' : null,
              emails: [good ? `istorija.${i}.${seq}@uab-${i}.lt` : `istorija.${i}.${seq}@gmail.com`],
            },
          };
        });
        const planned = await new LeadPlanner(trx, t.deps, caller).plan(inputs as never);
        const plans = planned.map((p) => (p as { plan: LeadPlan }).plan);
        await writeLeadPlans(trx, caller, plans);
        for (const [i, p] of plans.entries()) ids.push({ id: p.lead.id, good: i % 2 === 0 });
      });
      seq++;
      // good leads mostly convert, the others mostly do not (one in ten the other way)
      for (const [i, l] of ids.entries()) {
        const converted = l.good !== (i % 10 === 0);
        await t.deps.db
          .updateTable('leads')
          .set({ stage: converted ? 'converted' : 'disqualified' })
          .where('id', '=', l.id)
          .execute();
      }
      const trained = (await call(admin, 'POST', '/scoring/model/train')).json();
      expect(trained.status).toBe('ok');
      expect(trained.quality.auc).toBeGreaterThanOrEqual(0.8);
      expect(trained.quality.calibration.length).toBeGreaterThan(0);
      const manager = await t.signedIn('manager');
      expect((await call(manager, 'GET', '/scoring/model')).json().status).toBe('ok');
      const open = await newLead(t.app, admin, {
        sourceId: webForm,
        person: {
          firstName: 'Nauja',
          lastName: 'Vadovė',
          jobTitle: 'Direktorius',
          emails: [`nauja.${seq}@uab.lt`],
        },
      });
      const score = (await call(admin, 'GET', `/leads/${open.id}/score`)).json();
      expect(score.prediction.probability).toBeGreaterThan(0.5);
      expect(score.prediction.factors.length).toBeGreaterThan(0);
      await t.deps.db
        .updateTable('leads')
        .set({ deleted_at: new Date().toISOString() })
        .where(
          'id',
          'in',
          ids.map((l) => l.id),
        )
        .execute();
      await t.deps.db.deleteFrom('predictive_models').execute();
    });
  });

  describe('decay', () => {
    it('fades behaviour points by the half-life, and starts a daily rescore only when something fades', async () => {
      const admin = await t.signedIn('admin');
      expect(await rescoreForDecay(t.deps)).toBe(false); // no behaviour rules: nothing fades
      await addRule(admin, { kind: 'behaviour', behaviour: 'meeting_held', points: 60 });
      const lead = await newLead(t.app, admin);
      const sixtyDaysAgo = new Date(t.deps.now().getTime() - 60 * 86_400_000).toISOString();
      const meeting = await call(admin, 'POST', `/leads/${lead.id}/activities`, {
        type: 'meeting',
        subject: 'Susitikimas',
        occurredAt: sixtyDaysAgo,
      });
      expect(meeting.statusCode, meeting.body).toBe(201);
      expect((await leadRow(lead.id)).score).toBe(15); // 60 points, two half-lives of 30 days ago
      // a meeting still ahead gives nothing until it has taken place
      const ahead = new Date(t.deps.now().getTime() + 7 * 86_400_000).toISOString();
      await call(admin, 'POST', `/leads/${lead.id}/activities`, {
        type: 'meeting',
        subject: 'Kitas',
        occurredAt: ahead,
      });
      expect((await leadRow(lead.id)).score).toBe(15);
      await t.deps.db.updateTable('leads').set({ score: 0 }).where('id', '=', lead.id).execute();
      // the rule's own run rescored only the leads it touched: the others still need a full one
      expect(await rescoreForDecay(t.deps)).toBe(true);
      await rescoreIdle(t.deps);
      expect((await leadRow(lead.id)).score).toBe(15);
      // a full run less than a day ago: no second one yet; a day later, again
      expect(await rescoreForDecay(t.deps)).toBe(false);
      await t.deps.db.updateTable('scoring_runs').set({ started_at: sixtyDaysAgo }).execute();
      expect(await rescoreForDecay(t.deps)).toBe(true);
      await rescoreIdle(t.deps);
    });
  });

  describe('rescoring after a rule change', () => {
    it('rescores every lead in the background with progress, and clears points of a deleted rule', async () => {
      const admin = await t.signedIn('admin');
      const leads = [];
      for (let i = 0; i < 5; i++) leads.push(await newLead(t.app, admin, { tags: ['vip'] }));
      const rule = await addRule(admin, {
        kind: 'fit',
        field: 'lead.tags',
        operator: 'in',
        value: ['VIP'],
        points: 15,
      });
      const settings = (await call(admin, 'GET', '/scoring/rules')).json();
      expect(settings.rescore).toMatchObject({ status: 'done' });
      expect(settings.rescore.done).toBe(settings.rescore.total);
      for (const l of leads) expect((await leadRow(l.id)).score).toBe(15);
      expect((await call(admin, 'DELETE', `/scoring/rules/${rule.id}`)).statusCode).toBe(204);
      await rescoreIdle(t.deps);
      for (const l of leads) expect((await leadRow(l.id)).score).toBe(0);
      const scores = await t.deps.db
        .selectFrom('lead_scores')
        .selectAll()
        .where(
          'lead_id',
          'in',
          leads.map((l) => l.id),
        )
        .execute();
      expect(scores).toEqual([]);
    });

    it('after a rule change rescores only the leads it touches; a change of thresholds, every lead', async () => {
      const admin = await t.signedIn('admin');
      const a = await newLead(t.app, admin, { tags: ['delta-a'] });
      const b = await newLead(t.app, admin, { tags: ['delta-b'] });
      await addRule(admin, {
        kind: 'fit',
        field: 'lead.tags',
        operator: 'in',
        value: ['delta-a'],
        points: 5,
      });
      const rowOf = (id: string) =>
        t.deps.db.selectFrom('lead_scores').selectAll().where('lead_id', '=', id).executeTakeFirst();
      const before = await rowOf(a.id);
      expect(before?.total).toBe(5);
      expect(await rowOf(b.id)).toBeUndefined();
      await new Promise((r) => setTimeout(r, 5));
      await addRule(admin, {
        kind: 'fit',
        field: 'lead.tags',
        operator: 'in',
        value: ['delta-b'],
        points: 7,
      });
      expect((await rowOf(b.id))?.total).toBe(7);
      // the second rule is not about lead a: its score was not touched
      expect((await rowOf(a.id))?.computed_at).toBe(before?.computed_at);
      const runs = await t.deps.db
        .selectFrom('scoring_runs')
        .select(['rule_ids_json', 'status'])
        .orderBy('started_at')
        .execute();
      expect(runs.every((r) => r.status === 'done' && r.rule_ids_json !== null)).toBe(true);
      const put = await call(admin, 'PUT', `/scoring/scores/${DEFAULT_SCORE_ID}`, {
        nameLt: 'Balai',
        nameEn: 'Score',
        mqlThreshold: 6,
        sqlThreshold: 100,
      });
      expect(put.statusCode, put.body).toBe(200);
      await rescoreIdle(t.deps);
      const last = await t.deps.db
        .selectFrom('scoring_runs')
        .selectAll()
        .orderBy('started_at', 'desc')
        .executeTakeFirstOrThrow();
      expect(last).toMatchObject({ rule_ids_json: null, status: 'done' });
      expect(Number(last.done)).toBe(Number(last.total));
      expect(await leadRow(b.id)).toMatchObject({ score: 7, stage: 'mql' });
      expect(await leadRow(a.id)).toMatchObject({ score: 5, stage: 'suspect' });
    });

    it('resumes an interrupted rescore after its cursor, and leaves a run another instance holds alone', async () => {
      const admin = await t.signedIn('admin');
      const leads = [];
      for (let i = 0; i < 4; i++) leads.push(await newLead(t.app, admin, { tags: ['resume'] }));
      await addRule(admin, { kind: 'fit', field: 'lead.tags', operator: 'in', value: ['resume'], points: 7 });
      // an interrupted run: its cursor is the second lead, its lease long gone
      await t.deps.db
        .updateTable('leads')
        .set({ score: 0 })
        .where(
          'id',
          'in',
          leads.map((l) => l.id),
        )
        .execute();
      const sorted = leads.map((l) => l.id).sort();
      const runId = '01900000-0000-7000-8000-0000000000aa';
      const run = {
        id: runId,
        status: 'running',
        total: 4,
        done: 2,
        cursor: sorted[1]!,
        requested_by: null,
        started_at: new Date().toISOString(),
        finished_at: null,
      };
      // held by another instance for another minute: not touched
      await t.deps.db
        .insertInto('scoring_runs')
        .values({ ...run, lease_until: new Date(Date.now() + 60_000).toISOString() })
        .execute();
      expect(await runRescore(t.deps)).toBe(0);
      await t.deps.db
        .updateTable('scoring_runs')
        .set({ lease_until: new Date(Date.now() - 1).toISOString() })
        .where('id', '=', runId)
        .execute();
      expect(await runRescore(t.deps)).toBeGreaterThanOrEqual(2);
      const scores = await Promise.all(sorted.map(async (id) => (await leadRow(id)).score));
      expect(scores.slice(0, 2)).toEqual([0, 0]);
      expect(scores.slice(2)).toEqual([7, 7]);
      const after = await t.deps.db
        .selectFrom('scoring_runs')
        .selectAll()
        .where('id', '=', runId)
        .executeTakeFirstOrThrow();
      expect(after.status).toBe('done');
    });
  });
});
