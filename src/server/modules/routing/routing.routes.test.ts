import { beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect, PG_URL } from '../../../../test/dialects.js';
import { newLead } from '../../../../test/factories.js';
import { problem, type Session, useTestApp } from '../../../../test/harness.js';
import type { Deps, SystemContext } from '../../context.js';
import { connect } from '../../db/connect.js';
import { SEED_SOURCES } from '../../db/migrations/seed-sources.js';
import { renderToken } from '../forms/form-guards.js';
import { formInboxIdle } from '../forms/form-inbox.js';
import { type LeadPlan, LeadPlanner, writeLeadPlans } from '../leads/lead-plan.js';
import { rescoreIdle } from '../scoring/scoring.runs.js';
import { rerouteMissed } from './routing.write.js';
import { escalateOverdue } from './sla.service.js';

const WEB_FORM = SEED_SOURCES.find((s) => s.key === 'web_form')?.id as string;
const UNKNOWN_ID = '01900000-0000-7000-8000-00000000ffff';

describeEachDialect('routing', (dialect) => {
  const t = useTestApp(dialect);

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
    const res = await call(s, 'POST', '/routing/rules', rule);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  }

  const ownerOf = async (id: string) =>
    (await t.deps.db.selectFrom('leads').select('owner_id').where('id', '=', id).executeTakeFirstOrThrow())
      .owner_id;

  /** Three reps in a new team, by id order. */
  async function reps(n = 3) {
    const admin = await t.signedIn('admin');
    const team = await call(admin, 'POST', '/teams', { name: `Komanda ${Date.now()}-${Math.random()}` });
    expect(team.statusCode, team.body).toBe(201);
    const people = [];
    for (let i = 0; i < n; i++) people.push(await t.newUser({ role: 'rep', teamId: team.json().id }));
    return { admin, teamId: team.json().id as string, ids: people.map((p) => p.id).sort() };
  }

  beforeEach(async () => {
    await t.deps.db.deleteFrom('routing_state').execute();
    await t.deps.db.deleteFrom('routing_rules').execute();
    await rescoreIdle(t.deps);
    await t.deps.db.deleteFrom('scoring_rules').execute();
  });

  describe('who may see and change routing', () => {
    it('refuses a rep, lets a manager read and test, and a marketer change', async () => {
      const rule = { name: 'Visi', strategy: 'round_robin', userIds: (await reps(1)).ids };
      const rep = await t.signedIn('rep');
      for (const res of [
        await call(rep, 'GET', '/routing/rules'),
        await call(rep, 'POST', '/routing/rules', rule),
        await call(rep, 'POST', '/routing/test', { fields: {} }),
      ]) {
        expect(res.statusCode).toBe(403);
        expect(problem(res).type).toContain('forbidden');
      }
      const manager = await t.signedIn('manager');
      expect((await call(manager, 'GET', '/routing/rules')).statusCode).toBe(200);
      expect((await call(manager, 'POST', '/routing/test', { fields: {} })).statusCode).toBe(200);
      expect((await call(manager, 'POST', '/routing/rules', rule)).statusCode).toBe(403);
      await addRule(await t.signedIn('marketer'), rule);
      expect((await call(null, 'GET', '/routing/rules')).statusCode).toBe(401);
    });
  });

  describe('bad rules', () => {
    it('names the field: weights of 0 for everyone, no target, unknown people, conditions that never match, capacity below 0', async () => {
      const { admin, ids, teamId } = await reps(2);
      const cases: [object, string, string][] = [
        [
          {
            name: 'A',
            strategy: 'weighted',
            userIds: ids,
            weights: Object.fromEntries(ids.map((id) => [id, 0])),
          },
          'weights',
          'all_zero',
        ],
        [{ name: 'A', strategy: 'round_robin' }, 'teamId', 'required'],
        [{ name: 'A', strategy: 'round_robin', teamId, userIds: ids }, 'userIds', 'not_allowed'],
        [{ name: 'A', strategy: 'round_robin', userIds: [UNKNOWN_ID] }, 'userIds.0', 'not_found'],
        [{ name: 'A', strategy: 'round_robin', teamId: UNKNOWN_ID }, 'teamId', 'not_found'],
        [
          {
            name: 'A',
            strategy: 'round_robin',
            userIds: ids,
            conditions: [{ field: 'lead.score', operator: 'range', value: { min: 80, max: 20 } }],
          },
          'conditions.0.value',
          'never_matches',
        ],
      ];
      for (const [body, field, code] of cases) {
        const res = await call(admin, 'POST', '/routing/rules', body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(problem(res).errors).toContainEqual(expect.objectContaining({ field, code }));
      }
      expect((await call(admin, 'GET', '/routing/rules')).json().items).toEqual([]);
      const capacity = await call(admin, 'PATCH', `/users/${ids[0]}`, { capacity: -1 });
      expect(capacity.statusCode).toBe(400);
      expect(problem(capacity).errors).toContainEqual(
        expect.objectContaining({ field: 'capacity', code: 'out_of_range' }),
      );
    });
  });

  describe('assignment through the write path', () => {
    it('deals unowned leads round robin, records why, notifies the owner, and leaves owned leads alone', async () => {
      const { admin, ids } = await reps(3);
      const rule = await addRule(admin, {
        name: 'Svetainė',
        strategy: 'round_robin',
        userIds: ids,
        conditions: [{ field: 'lead.source', operator: 'equals', value: 'web_form' }],
      });
      const leads = [];
      for (let i = 0; i < 9; i++) leads.push(await newLead(t.app, admin, { sourceId: WEB_FORM }));
      const owners = leads.map((l) => l.ownerId as string);
      for (const id of ids) expect(owners.filter((o) => o === id)).toHaveLength(3);
      // consecutive leads go to different people, in turn
      expect(new Set(owners.slice(0, 3)).size).toBe(3);
      const why = await call(admin, 'GET', `/leads/${leads[0]?.id}/assignment`);
      expect(why.statusCode, why.body).toBe(200);
      expect(why.json().current).toMatchObject({
        userId: owners[0],
        ruleId: rule.id,
        ruleName: 'Svetainė',
        strategy: 'round_robin',
        reason: 'rule',
      });
      expect(why.json().current.candidates.map((c: { userId: string }) => c.userId)).toEqual(ids);
      const notes = await t.deps.db
        .selectFrom('notifications')
        .selectAll()
        .where('entity_id', '=', leads[0]?.id as string)
        .execute();
      expect(notes.map((n) => [n.kind, n.user_id])).toEqual([['lead_assigned', owners[0]]]);
      const history = await t.deps.db
        .selectFrom('lead_history')
        .selectAll()
        .where('lead_id', '=', leads[0]?.id as string)
        .where('field', '=', 'owner')
        .execute();
      expect(history.map((h) => [h.to_value, h.channel])).toEqual([[owners[0], 'automation']]);
      // the search terms carry the new owner, so the owner's (and their manager's) search finds it
      const terms = await t.deps.db
        .selectFrom('lead_terms')
        .select('owner_id')
        .where('lead_id', 'in', [leads[0]?.id as string, leads[1]?.id as string])
        .execute();
      expect(terms.length).toBeGreaterThan(0);
      expect(new Set(terms.map((r) => r.owner_id))).toEqual(new Set([owners[0], owners[1]]));
      // a lead with an owner, or that no rule is about, is not routed
      const mine = await newLead(t.app, admin, { sourceId: WEB_FORM, ownerId: ids[0] });
      expect(mine.ownerId).toBe(ids[0]);
      const other = await newLead(t.app, admin, {});
      expect(other.ownerId).toBeNull();
      expect((await call(admin, 'GET', `/leads/${other.id}/assignment`)).json().current).toBeNull();
    });

    it('skips the inactive, the away and those at capacity, saying so; a returning person goes to their owner', async () => {
      const { admin, ids } = await reps(3);
      const [a, b, c] = ids as [string, string, string];
      const today = new Date().toISOString().slice(0, 10);
      expect(
        (
          await call(admin, 'PATCH', `/users/${b}`, {
            outOfOfficeFrom: '2020-01-01',
            outOfOfficeUntil: '2999-12-31',
          })
        ).statusCode,
      ).toBe(200);
      expect((await call(admin, 'PATCH', `/users/${c}`, { capacity: 0 })).statusCode).toBe(200);
      await addRule(admin, { name: 'Visi', strategy: 'least_loaded', userIds: ids });
      const first = await newLead(t.app, admin);
      const firstWhy = (await call(admin, 'GET', `/leads/${first.id}/assignment`)).json().current;
      expect(first.ownerId, JSON.stringify(firstWhy)).toBe(a);
      const why = (await call(admin, 'GET', `/leads/${first.id}/assignment`)).json().current;
      expect(why.candidates).toEqual([
        expect.objectContaining({ userId: a, skipped: null }),
        expect.objectContaining({ userId: b, skipped: 'away' }),
        expect.objectContaining({ userId: c, skipped: 'over_capacity' }),
      ]);
      expect(today).toMatch(/^\d{4}-/);
      // the same person again: their owner, whatever the rule says
      expect((await call(admin, 'PATCH', `/users/${c}`, { capacity: null })).statusCode).toBe(200);
      const again = await newLead(t.app, admin, { person: undefined, personId: first.personId });
      expect(again.ownerId).toBe(a);
      expect((await call(admin, 'GET', `/leads/${again.id}/assignment`)).json().current).toMatchObject({
        reason: 'returning_person',
        ruleId: null,
      });
      // nobody free: the lead waits unassigned, and the record says why
      expect((await call(admin, 'PATCH', `/users/${a}`, { active: false })).statusCode).toBe(200);
      expect((await call(admin, 'PATCH', `/users/${c}`, { capacity: 0 })).statusCode).toBe(200);
      const waiting = await newLead(t.app, admin);
      expect(waiting.ownerId).toBeNull();
      expect((await call(admin, 'GET', `/leads/${waiting.id}/assignment`)).json().current).toMatchObject({
        reason: 'nobody_available',
        userId: null,
      });
    });

    it('routes by score: a scored lead to the senior rep, and an unowned lead made SQL by its score at once', async () => {
      const { admin, ids } = await reps(2);
      const [senior, junior] = ids as [string, string];
      const score = await call(admin, 'POST', '/scoring/rules', {
        kind: 'fit',
        field: 'person.jobTitle',
        operator: 'contains',
        value: 'direktor',
        points: 60,
      });
      expect(score.statusCode).toBe(201);
      await call(admin, 'POST', '/scoring/rules', {
        kind: 'behaviour',
        behaviour: 'meeting_held',
        points: 50,
      });
      await rescoreIdle(t.deps);
      await addRule(admin, {
        name: 'Karšti',
        strategy: 'round_robin',
        userIds: [senior],
        conditions: [{ field: 'lead.score', operator: 'range', value: { min: 50 } }],
      });
      const hot = await newLead(t.app, admin, {
        person: {
          firstName: 'Jonas',
          lastName: 'D',
          jobTitle: 'Direktorius',
          emails: [`jonas.${Date.now()}@uab.lt`],
        },
      });
      expect(hot.ownerId).toBe(senior);
      // no rule for cold leads yet: the next one waits unowned …
      const cold = await newLead(t.app, admin);
      expect(cold.ownerId).toBeNull();
      await addRule(admin, {
        name: 'SQL',
        strategy: 'round_robin',
        userIds: [junior],
        conditions: [{ field: 'lead.score', operator: 'range', value: { min: 100 } }],
        position: 0,
      });
      // … until its score makes it an SQL: then it is handed to sales in the same step
      const meeting = await call(admin, 'POST', `/leads/${cold.id}/activities`, {
        type: 'meeting',
        subject: 'Susitikimas',
      });
      expect(meeting.statusCode, meeting.body).toBe(201);
      await call(admin, 'POST', `/leads/${cold.id}/activities`, { type: 'meeting', subject: 'Dar vienas' });
      expect(await ownerOf(cold.id)).toBe(junior);
      expect((await call(admin, 'GET', `/leads/${cold.id}/assignment`)).json().current).toMatchObject({
        ruleName: 'SQL',
        reason: 'rule',
      });
    });

    it('lists who may get leads, with availability, capacity and open leads', async () => {
      const { admin, ids } = await reps(2);
      const [a, b] = ids as [string, string];
      expect(
        (await call(admin, 'PATCH', `/users/${b}`, { outOfOfficeUntil: '2999-01-01', capacity: 5 }))
          .statusCode,
      ).toBe(200);
      await newLead(t.app, admin, { ownerId: a });
      const res = await call(await t.signedIn('manager'), 'GET', '/routing/people');
      expect(res.statusCode, res.body).toBe(200);
      const people = res.json().items as { id: string }[];
      expect(people.find((p) => p.id === a)).toMatchObject({
        available: true,
        capacity: null,
        openLeads: 1,
        unavailableBecause: null,
      });
      expect(people.find((p) => p.id === b)).toMatchObject({
        available: false,
        unavailableBecause: 'away',
        capacity: 5,
        openLeads: 0,
      });
      expect((await call(await t.signedIn('rep'), 'GET', '/routing/people')).statusCode).toBe(403);
    });

    it('routes a web-form lead on a score that counts the submission itself', async () => {
      const { admin, ids } = await reps(2);
      const [senior, other] = ids as [string, string];
      await call(admin, 'POST', '/scoring/rules', {
        kind: 'fit',
        field: 'lead.source',
        operator: 'equals',
        value: 'web_form',
        points: 25,
      });
      await call(admin, 'POST', '/scoring/rules', {
        kind: 'behaviour',
        behaviour: 'form_submitted',
        points: 30,
      });
      await rescoreIdle(t.deps);
      await addRule(admin, {
        name: 'Karšti',
        strategy: 'round_robin',
        userIds: [senior],
        conditions: [{ field: 'lead.score', operator: 'range', value: { min: 50 } }],
      });
      await addRule(admin, { name: 'Kiti', strategy: 'round_robin', userIds: [other] });
      const form = await call(admin, 'POST', '/forms', {
        name: 'Užklausa',
        fields: [
          { key: 'person.firstName', required: true, label: { lt: 'Vardas', en: 'Name' }, help: null },
          { key: 'person.email', required: true, label: { lt: 'El. paštas', en: 'E-mail' }, help: null },
        ],
        sourceId: WEB_FORM,
        minFillSeconds: 0,
      });
      expect(form.statusCode, form.body).toBe(201);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/public/forms/${form.json().id}/submissions`,
        remoteAddress: `10.${dialect === 'sqlite' ? 7 : 17}.0.1`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          _t: renderToken(t.deps.config.sessionSecret, form.json().id, Date.now() - 10_000),
          'person.firstName': 'Gabija',
          'person.email': `gabija.${Date.now()}@uab.lt`,
        }).toString(),
      });
      expect(res.statusCode, res.body).toBe(201);
      await formInboxIdle(t.deps);
      const row = await t.deps.db
        .selectFrom('form_submissions')
        .selectAll()
        .where('id', '=', res.json().id)
        .executeTakeFirstOrThrow();
      const lead = await t.deps.db
        .selectFrom('leads')
        .selectAll()
        .where('id', '=', row.lead_id as string)
        .executeTakeFirstOrThrow();
      expect(lead).toMatchObject({ score: 55, owner_id: senior });
      expect((await call(admin, 'GET', `/leads/${lead.id}/assignment`)).json().current.ruleName).toBe(
        'Karšti',
      );
    });

    it('answers "who would get it?" without assigning or moving a turn', async () => {
      const { admin, ids } = await reps(2);
      await addRule(admin, {
        name: 'LT',
        strategy: 'round_robin',
        userIds: ids,
        conditions: [{ field: 'person.country', operator: 'equals', value: 'LT' }],
      });
      const ask = async (fields: object) => (await call(admin, 'POST', '/routing/test', { fields })).json();
      const one = await ask({ 'person.country': 'LT' });
      expect(one).toMatchObject({ reason: 'rule', ruleName: 'LT', strategy: 'round_robin' });
      expect(ids).toContain(one.userId);
      expect((await ask({ 'person.country': 'LT' })).userId).toBe(one.userId);
      expect(await ask({ 'person.country': 'LV' })).toMatchObject({ reason: 'no_rule', userId: null });
      const bad = await call(admin, 'POST', '/routing/test', { fields: { 'shoe.size': '42' } });
      expect(bad.statusCode).toBe(400);
      expect(problem(bad).errors?.[0]).toMatchObject({ field: 'fields.shoe.size', code: 'invalid_value' });
    });
  });

  describe('speed to lead', () => {
    it('starts the clock when a lead is routed, stops it at the first call, and escalates a missed one to the manager once', async () => {
      const { admin, ids, teamId } = await reps(2);
      const manager = await t.newUser({ role: 'manager', teamId });
      expect((await call(admin, 'PATCH', `/teams/${teamId}`, { managerId: manager.id })).statusCode).toBe(
        200,
      );
      await addRule(admin, { name: 'Visi', strategy: 'round_robin', userIds: ids });
      const late = await newLead(t.app, admin, { timeframe: 'now' });
      const why = (await call(admin, 'GET', `/leads/${late.id}/assignment`)).json();
      expect(why.sla).toMatchObject({
        firstContactAt: null,
        escalatedAt: null,
        overdue: false,
        repDelaySeconds: null,
      });
      expect(Date.parse(why.sla.dueAt)).toBeGreaterThan(Date.parse(why.sla.assignedAt));
      const quick = await newLead(t.app, admin, { timeframe: 'now' });
      const rep = await t.login(
        (
          await t.deps.db
            .selectFrom('users')
            .select('email')
            .where('id', '=', quick.ownerId as string)
            .executeTakeFirstOrThrow()
        ).email,
      );
      expect(
        (
          await call(rep, 'POST', `/leads/${quick.id}/activities`, {
            type: 'call',
            outcome: 'connected',
            direction: 'outbound',
          })
        ).statusCode,
      ).toBe(201);
      const past = new Date(Date.now() - 60_000).toISOString();
      await t.deps.db
        .updateTable('leads')
        .set({ first_response_due_at: past })
        .where('id', 'in', [late.id, quick.id])
        .execute();
      const contacted = (await call(admin, 'GET', `/leads/${quick.id}/assignment`)).json().sla;
      expect(contacted).toMatchObject({ overdue: false, escalatedAt: null });
      expect(contacted.repDelaySeconds).toBeGreaterThanOrEqual(0);
      expect((await call(admin, 'GET', `/leads/${late.id}/assignment`)).json().sla.overdue).toBe(true);
      expect(await escalateOverdue(t.deps)).toBe(1);
      expect(await escalateOverdue(t.deps)).toBe(0);
      const notes = await t.deps.db
        .selectFrom('notifications')
        .selectAll()
        .where('kind', '=', 'lead_sla_breached')
        .execute();
      expect(notes.map((n) => [n.entity_id, n.user_id])).toEqual([[late.id, manager.id]]);
      expect(
        (await call(admin, 'GET', `/leads/${late.id}/assignment`)).json().sla.escalatedAt,
      ).not.toBeNull();
      // a new owner starts the clock over
      const moved = await call(admin, 'PATCH', `/leads/${late.id}`, {
        ownerId: ids.find((id) => id !== late.ownerId),
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect((await call(admin, 'GET', `/leads/${late.id}/assignment`)).json().sla).toMatchObject({
        escalatedAt: null,
        overdue: false,
      });
    });

    it('with "re-route" on, deals a missed lead past its owner and starts a new clock; with nobody else it stays', async () => {
      const { admin, ids } = await reps(2);
      const settings = (await call(admin, 'GET', '/settings/sla')).json();
      expect(settings.reroute).toBe(false);
      const on = await call(admin, 'PUT', '/settings/sla', { ...settings, reroute: true });
      expect(on.statusCode, on.body).toBe(200);
      const rule = await addRule(admin, { name: 'Visi', strategy: 'round_robin', userIds: ids });
      const lead = await newLead(t.app, admin, { timeframe: 'now' });
      const missedBy = lead.ownerId as string;
      const other = ids.find((id) => id !== missedBy) as string;
      const overdue = () =>
        t.deps.db
          .updateTable('leads')
          .set({ first_response_due_at: new Date(Date.now() - 60_000).toISOString() })
          .where('id', '=', lead.id)
          .execute();
      await overdue();
      // two runs at once (two instances, or a slow one): the lead is escalated and moved once, and
      // the new owner's fresh clock is not marked as missed by the second run
      expect((await Promise.all([escalateOverdue(t.deps), escalateOverdue(t.deps)])).sort()).toEqual([0, 1]);
      expect(await ownerOf(lead.id)).toBe(other);
      const why = (await call(admin, 'GET', `/leads/${lead.id}/assignment`)).json();
      expect(why.current).toMatchObject({ userId: other, reason: 'rule', ruleName: 'Visi' });
      expect(why.current.candidates).toContainEqual(
        expect.objectContaining({ userId: missedBy, skipped: 'missed_sla' }),
      );
      expect(why.history).toHaveLength(2);
      expect(why.sla).toMatchObject({ escalatedAt: null, overdue: false, firstContactAt: null });
      const notes = await t.deps.db
        .selectFrom('notifications')
        .select(['kind', 'user_id', 'data'])
        .where('entity_id', '=', lead.id)
        .where('kind', 'in', ['lead_sla_breached', 'lead_assigned'])
        .orderBy('created_at')
        .execute();
      expect(notes.map((n) => [n.kind, n.user_id])).toEqual(
        expect.arrayContaining([
          ['lead_sla_breached', missedBy],
          ['lead_assigned', other],
        ]),
      );
      const breached = notes.find((n) => n.kind === 'lead_sla_breached');
      expect(JSON.parse(breached?.data as string).reroutedTo).toEqual(expect.any(String));
      const changes = await t.deps.db
        .selectFrom('lead_history')
        .select(['from_value', 'to_value'])
        .where('lead_id', '=', lead.id)
        .where('field', '=', 'owner')
        .execute();
      expect(changes).toContainEqual({ from_value: missedBy, to_value: other });

      // the rule now has only the owner: nobody else may take it, so it stays, escalated once
      const only = await call(admin, 'PUT', `/routing/rules/${rule.id}`, {
        name: 'Visi',
        strategy: 'round_robin',
        userIds: [other],
      });
      expect(only.statusCode, only.body).toBe(200);
      await overdue();
      expect(await escalateOverdue(t.deps)).toBe(1);
      expect(await ownerOf(lead.id)).toBe(other);
      const after = (await call(admin, 'GET', `/leads/${lead.id}/assignment`)).json();
      expect(after.history).toHaveLength(2);
      expect(after.sla.escalatedAt).not.toBeNull();
      // a lead contacted meanwhile is not taken from the one who contacted it
      await call(admin, 'PUT', `/routing/rules/${rule.id}`, {
        name: 'Visi',
        strategy: 'round_robin',
        userIds: ids,
      });
      await t.deps.db
        .updateTable('leads')
        .set({ first_contact_at: new Date().toISOString() })
        .where('id', '=', lead.id)
        .execute();
      expect(
        await rerouteMissed(t.deps.db, new Date().toISOString(), [{ id: lead.id, ownerId: other }]),
      ).toEqual(new Map());
      expect(await ownerOf(lead.id)).toBe(other);
      await t.deps.db.deleteFrom('app_settings').where('key', '=', 'sla').execute();
    });

    it("lists a rep's new leads, highest score first, until they are contacted; never anyone else's", async () => {
      const { admin, ids } = await reps(2);
      const [a, b] = ids as [string, string];
      await call(admin, 'POST', '/scoring/rules', {
        kind: 'fit',
        field: 'lead.tags',
        operator: 'in',
        value: ['karštas'],
        points: 40,
      });
      await rescoreIdle(t.deps);
      const low = await newLead(t.app, admin, { ownerId: a });
      const high = await newLead(t.app, admin, { ownerId: a, tags: ['karštas'] });
      const others = await newLead(t.app, admin, { ownerId: b });
      const repA = await t.login(
        (await t.deps.db.selectFrom('users').select('email').where('id', '=', a).executeTakeFirstOrThrow())
          .email,
      );
      const inbox = async () =>
        ((await call(repA, 'GET', '/leads/inbox')).json().items as { id: string; score: number }[]).map(
          (i) => i.id,
        );
      expect(await inbox()).toEqual([high.id, low.id]);
      expect(await inbox()).not.toContain(others.id);
      expect(
        (
          await call(repA, 'POST', `/leads/${high.id}/activities`, {
            type: 'email',
            subject: 'Pasiūlymas',
            body: 'Sveiki',
          })
        ).statusCode,
      ).toBe(201);
      expect(await inbox()).toEqual([low.id]);
    });

    it('lets an admin set working time, holidays and targets, naming a bad field; others only read them', async () => {
      const admin = await t.signedIn('admin');
      const good = {
        workdays: [1, 2, 3, 4, 5],
        dayStart: 480,
        dayEnd: 1020,
        holidays: ['2026-12-24'],
        targets: { hot: 30, warm: 540, cold: 1620 },
      };
      const put = await call(admin, 'PUT', '/settings/sla', good);
      expect(put.statusCode, put.body).toBe(200);
      expect((await call(await t.signedIn('rep'), 'GET', '/settings/sla')).json()).toEqual({
        ...good,
        reroute: false,
      });
      const backwards = await call(admin, 'PUT', '/settings/sla', { ...good, dayEnd: 400 });
      expect(backwards.statusCode).toBe(400);
      expect(problem(backwards).errors).toContainEqual(expect.objectContaining({ field: 'dayEnd' }));
      expect((await call(await t.signedIn('manager'), 'PUT', '/settings/sla', good)).statusCode).toBe(403);
      await t.deps.db.deleteFrom('app_settings').where('key', '=', 'sla').execute();
    });
  });

  it.runIf(dialect === 'postgres')(
    'two instances routing 10,000 leads round robin to 7 reps at once: counts differ by at most 1, and no lead is routed twice',
    async () => {
      const { admin, ids } = await reps(7);
      await addRule(admin, { name: 'Visi', strategy: 'round_robin', userIds: ids });
      // instance B: its own connection pool on the same schema
      const handle = connect({ url: PG_URL, schema: t.db.schema as string, poolSize: 4 });
      const b: Deps = { ...t.deps, db: handle.db };
      const caller: SystemContext = { user: null, channel: 'import' };
      const batch = (deps: Deps, tag: string, n: number) =>
        deps.db.transaction().execute(async (trx) => {
          const planned = await new LeadPlanner(trx, deps, caller).plan(
            Array.from({ length: n }, (_, i) => ({
              person: {
                firstName: 'Rūta',
                lastName: `Srautas-${tag}-${i}`,
                emails: [`srautas.${tag}.${i}@routing.lt`],
              },
            })),
          );
          await writeLeadPlans(
            trx,
            caller,
            planned.map((p) => (p as { plan: LeadPlan }).plan),
          );
        });
      const instance = (deps: Deps, name: string) =>
        Promise.all(
          Array.from({ length: 4 }, async (_, w) => {
            for (let i = 0; i < 10; i++) await batch(deps, `${name}${w}x${i}`, 125);
          }),
        );
      try {
        await Promise.all([instance(t.deps, 'a'), instance(b, 'b')]);
      } finally {
        await handle.db.destroy();
      }
      const counts = await t.deps.db
        .selectFrom('leads')
        .select((eb) => ['owner_id', eb.fn.countAll().as('n')])
        .where('owner_id', 'in', ids)
        .groupBy('owner_id')
        .execute();
      const values = counts.map((c) => Number(c.n));
      expect(values.reduce((x, y) => x + y, 0)).toBe(10_000);
      expect(values).toHaveLength(7);
      expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
      const twice = await t.deps.db
        .selectFrom('lead_assignments')
        .select('lead_id')
        .where('user_id', 'in', ids)
        .groupBy('lead_id')
        .having((eb) => eb.fn.countAll(), '>', 1)
        .execute();
      expect(twice).toEqual([]);
      const ownerChanges = await t.deps.db
        .selectFrom('lead_history')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('field', '=', 'owner')
        .where('to_value', 'in', ids)
        .executeTakeFirstOrThrow();
      expect(Number(ownerChanges.n)).toBe(10_000);
    },
    120_000,
  );
});
