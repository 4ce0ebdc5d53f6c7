import { matchingRule, route } from '../../../domain/routing/route.js';
import type { RoutingRule } from '../../../domain/routing/rules.js';
import { factsNeeded } from '../../../domain/scoring/facts.js';
import type { SystemContext } from '../../context.js';
import { insertMany } from '../../db/bulk.js';
import type { Db } from '../../db/database.js';
import { activityRow } from '../activities/activities.repository.js';
import { historyRows } from '../leads/leads.repository.js';
import { historyOfChange, systemEvent } from '../leads/leads.view.js';
import { leadNoticeRow } from '../notifications/notifications.repository.js';
import { scoringFacts } from '../scoring/scoring.repository.js';
import {
  assignmentRow,
  candidatesOf,
  loadRoutingRules,
  lockStates,
  returningOwners,
  saveState,
  setOwners,
  teamMembers,
} from './routing.repository.js';
import { startSlaClocks } from './sla.service.js';

const AUTOMATION: SystemContext = { user: null, channel: 'automation' };

/** What the rules' conditions read, as scoring's facts loader understands it. */
export function routingFactsNeeded(rules: readonly RoutingRule[]) {
  return factsNeeded([
    {
      rules: rules.flatMap((r) =>
        r.conditions.map((c, i) => ({
          id: `${r.id}.${i}`,
          kind: 'fit' as const,
          ...c,
          points: 1,
          group: null,
        })),
      ),
    },
  ]);
}

/**
 * Routes leads that have no owner — new ones, inside the transaction that creates them (after their
 * score, which conditions may read), and leads a score just made SQL: each gets an owner by the first matching rule — or the owner
 * of the same person's open lead — and the decision is recorded with every candidate and why any
 * was skipped; the new owner is notified. The states of the rules are locked first (PostgreSQL),
 * so instances routing at the same time take turns. Without rules nothing is read.
 */
export async function routeUnowned(
  db: Db,
  at: string,
  leadIds: readonly string[],
): Promise<Map<string, { ownerId: string; teamId: string | null }>> {
  const assigned = new Map<string, { ownerId: string; teamId: string | null }>();
  if (leadIds.length === 0) return assigned;
  const rules = (await loadRoutingRules(db)).filter((r) => r.active);
  if (rules.length === 0) return assigned;
  const unowned = await db
    .selectFrom('leads')
    .select(['id', 'person_id', 'title', 'created_at', 'temperature'])
    .where('id', 'in', [...leadIds])
    .where('owner_id', 'is', null)
    .where('deleted_at', 'is', null)
    .execute();
  if (unowned.length === 0) return assigned;
  const needed = routingFactsNeeded(rules);
  const facts = new Map(
    (
      await scoringFacts(
        db,
        unowned.map((l) => l.id),
        needed,
      )
    ).map((l) => [l.id, l]),
  );
  const fieldsOf = (leadId: string) => {
    const f = facts.get(leadId);
    return { ...(f?.facts.fields ?? {}), 'lead.score': f?.score ?? 0 };
  };
  // Only the rules these leads match are locked, as late as possible: instances routing other
  // leads by other rules do not wait, and the lock is held for the decision and its writes only.
  const matched = new Set(unowned.flatMap((l) => matchingRule(rules, fieldsOf(l.id))?.id ?? []));
  const returning = await returningOwners(
    db,
    unowned.map((l) => ({ id: l.id, personId: l.person_id })),
  );
  if (matched.size === 0 && returning.size === 0) return assigned;
  const used = rules.filter((r) => matched.has(r.id));
  const teams = await teamMembers(db, [...new Set(used.flatMap((r) => (r.teamId ? [r.teamId] : [])))]);
  const states = await lockStates(db, [...matched]);
  // read again under the lock: a lead another transaction routed meanwhile is not ours to route
  const still = new Set(
    (
      await db
        .selectFrom('leads')
        .select('id')
        .where(
          'id',
          'in',
          unowned.map((l) => l.id),
        )
        .where('owner_id', 'is', null)
        .execute()
    ).map((r) => r.id),
  );
  const userIds = new Set([
    ...used.flatMap((r) => r.userIds),
    ...[...teams.values()].flat(),
    ...returning.values(),
  ]);
  // loads are read after the lock: least loaded and capacities see every lead routed before
  const people = await candidatesOf(db, [...userIds], new Date(at), {
    loads: used.some((r) => r.strategy === 'least_loaded') ? 'all' : 'capped',
  });
  const touched = new Set<string>();
  const owners: { id: string; ownerId: string; teamId: string | null }[] = [];
  const history = [];
  const activities = [];
  const notifications = [];
  const records = [];
  for (const lead of unowned.filter((l) => still.has(l.id))) {
    const decision = route({
      leadId: lead.id,
      fields: fieldsOf(lead.id),
      rules,
      people,
      teams,
      states,
      returningOwnerId: returning.get(lead.id) ?? null,
    });
    if (decision.reason === 'no_rule') continue;
    if (decision.ruleId && decision.state) {
      states.set(decision.ruleId, decision.state);
      touched.add(decision.ruleId);
    }
    const ruleName = rules.find((r) => r.id === decision.ruleId)?.name ?? null;
    records.push(assignmentRow({ leadId: lead.id, leadCreatedAt: lead.created_at, ruleName, decision, at }));
    const owner = decision.userId ? people.get(decision.userId) : undefined;
    if (!decision.userId || !owner) continue;
    owner.openLeads++;
    owners.push({ id: lead.id, ownerId: decision.userId, teamId: owner.teamId });
    assigned.set(lead.id, { ownerId: decision.userId, teamId: owner.teamId });
    history.push(...historyOfChange(AUTOMATION, lead.id, at)('owner', null, decision.userId));
    activities.push(
      activityRow(
        systemEvent(AUTOMATION, { id: lead.id, personId: lead.person_id }, at, {
          event: 'owner_changed',
          from: null,
          to: decision.userId,
          by: 'routing',
          rule: ruleName,
        }),
      ),
    );
    notifications.push(
      leadNoticeRow(
        {
          kind: 'lead_assigned',
          userId: decision.userId,
          leadId: lead.id,
          data: { title: lead.title, rule: ruleName, reason: decision.reason },
        },
        at,
      ),
    );
  }
  // (`setOwners` also sets only leads still without an owner.)
  await setOwners(db, owners, at);
  const temperature = new Map(unowned.map((l) => [l.id, l.temperature]));
  await startSlaClocks(
    db,
    at,
    owners.map((o) => ({ id: o.id, ownerId: o.ownerId, temperature: temperature.get(o.id) ?? 'cold' })),
  );
  await insertMany(db, 'lead_history', historyRows(history));
  await insertMany(db, 'activities', activities);
  await insertMany(db, 'notifications', notifications, { doNothingOn: ['dedupe_key'] });
  await insertMany(db, 'lead_assignments', records);
  for (const ruleId of touched) await saveState(db, ruleId, states.get(ruleId) as never, at);
  return assigned;
}
