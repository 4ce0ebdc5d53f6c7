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
  lockLeads,
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

/** A lead as routing deals it: unowned, or taken from the owner who missed its first response. */
interface Routable {
  id: string;
  person_id: string | null;
  title: string;
  created_at: string;
  temperature: string;
  missedBy: string | null;
}

/**
 * Routes leads that have no owner — new ones, inside the transaction that creates them (after their
 * score, which conditions may read), and leads a score just made SQL: each gets an owner by the first
 * matching rule — or the owner of the same person's open lead. Without rules nothing is read.
 */
export async function routeUnowned(db: Db, at: string, leadIds: readonly string[]): Promise<Assigned> {
  const rules = leadIds.length ? await activeRules(db) : [];
  if (rules.length === 0) return new Map();
  const unowned = await db
    .selectFrom('leads')
    .select(['id', 'person_id', 'title', 'created_at', 'temperature'])
    .where('id', 'in', [...leadIds])
    .where('owner_id', 'is', null)
    .where('deleted_at', 'is', null)
    .execute();
  return dealLeads(
    db,
    at,
    rules,
    unowned.map((l) => ({ ...l, missedBy: null })),
  );
}

/**
 * Re-routes leads whose owner missed the first response (the SLA setting "re-route"): by the same
 * rules, passing over that owner (recorded as `missed_sla`). A lead no rule matches, or that nobody
 * else may take now, stays with its owner. Returns the new owners.
 */
export async function rerouteMissed(
  db: Db,
  at: string,
  leads: readonly { id: string; ownerId: string }[],
): Promise<Assigned> {
  const rules = leads.length ? await activeRules(db) : [];
  if (rules.length === 0) return new Map();
  const missedBy = new Map(leads.map((l) => [l.id, l.ownerId]));
  const rows = await db
    .selectFrom('leads')
    .select(['id', 'person_id', 'title', 'created_at', 'temperature', 'owner_id'])
    .where('id', 'in', [...missedBy.keys()])
    .where('deleted_at', 'is', null)
    .execute();
  return dealLeads(
    db,
    at,
    rules,
    rows
      .filter((r) => r.owner_id !== null && r.owner_id === missedBy.get(r.id))
      .map(({ owner_id, ...r }) => ({ ...r, missedBy: owner_id })),
  );
}

const activeRules = async (db: Db) => (await loadRoutingRules(db)).filter((r) => r.active);

type Assigned = Map<string, { ownerId: string; teamId: string | null }>;

/**
 * Deals leads by the rules: the decision is recorded with every candidate and why any was skipped,
 * and the new owner is notified and their first-response clock started. The states of the matched
 * rules are locked first (PostgreSQL), so instances routing at the same time take turns.
 */
async function dealLeads(
  db: Db,
  at: string,
  rules: readonly RoutingRule[],
  leads: readonly Routable[],
): Promise<Assigned> {
  const assigned: Assigned = new Map();
  if (leads.length === 0) return assigned;
  const needed = routingFactsNeeded(rules);
  const facts = new Map(
    (
      await scoringFacts(
        db,
        leads.map((l) => l.id),
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
  const matched = new Set(leads.flatMap((l) => matchingRule(rules, fieldsOf(l.id))?.id ?? []));
  // a lead re-routed for a missed response does not go back by "returning person"
  const returning = await returningOwners(
    db,
    leads.filter((l) => !l.missedBy).map((l) => ({ id: l.id, personId: l.person_id })),
  );
  if (matched.size === 0 && returning.size === 0) return assigned;
  const used = rules.filter((r) => matched.has(r.id));
  const teams = await teamMembers(db, [...new Set(used.flatMap((r) => (r.teamId ? [r.teamId] : [])))]);
  const states = await lockStates(db, [...matched]);
  // read again under the lock, the leads' rows locked too: a lead another transaction routed (or
  // contacted, for one being re-routed) meanwhile is not ours to route, and cannot become so later
  const current = await lockLeads(
    db,
    leads.map((l) => l.id),
  );
  const stillOurs = (l: Routable) => {
    const c = current.get(l.id);
    return c !== undefined && c.ownerId === l.missedBy && (l.missedBy === null || c.firstContactAt === null);
  };
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
  const owners: { id: string; ownerId: string; teamId: string | null; from: string | null }[] = [];
  const history = [];
  const activities = [];
  const notifications = [];
  const records = [];
  // a person with two new leads in one pass is a returning person at the second, as one by one
  const dealtByPerson = new Map<string, string>();
  for (const lead of leads.filter(stillOurs)) {
    const earlier = lead.missedBy || !lead.person_id ? undefined : dealtByPerson.get(lead.person_id);
    const decision = route({
      leadId: lead.id,
      fields: fieldsOf(lead.id),
      rules,
      people,
      teams,
      states,
      // (the one just dealt is the person's newest open lead)
      returningOwnerId: earlier ?? returning.get(lead.id) ?? null,
      missedBy: lead.missedBy,
    });
    if (decision.reason === 'no_rule') continue;
    // re-routing that finds nobody else leaves the lead (and its record) as it was
    if (lead.missedBy && !decision.userId) continue;
    if (decision.ruleId && decision.state) {
      states.set(decision.ruleId, decision.state);
      touched.add(decision.ruleId);
    }
    const ruleName = rules.find((r) => r.id === decision.ruleId)?.name ?? null;
    records.push(assignmentRow({ leadId: lead.id, leadCreatedAt: lead.created_at, ruleName, decision, at }));
    const owner = decision.userId ? people.get(decision.userId) : undefined;
    if (!decision.userId || !owner) continue;
    owner.openLeads++;
    const previous = lead.missedBy ? people.get(lead.missedBy) : undefined;
    if (previous) previous.openLeads--;
    owners.push({ id: lead.id, ownerId: decision.userId, teamId: owner.teamId, from: lead.missedBy });
    if (lead.person_id && !lead.missedBy) dealtByPerson.set(lead.person_id, decision.userId);
    assigned.set(lead.id, { ownerId: decision.userId, teamId: owner.teamId });
    history.push(...historyOfChange(AUTOMATION, lead.id, at)('owner', lead.missedBy, decision.userId));
    activities.push(
      activityRow(
        systemEvent(AUTOMATION, { id: lead.id, personId: lead.person_id }, at, {
          event: 'owner_changed',
          from: lead.missedBy,
          to: decision.userId,
          by: lead.missedBy ? 'sla_reroute' : 'routing',
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
          data: {
            title: lead.title,
            rule: ruleName,
            reason: decision.reason,
            rerouted: Boolean(lead.missedBy),
          },
        },
        at,
      ),
    );
  }
  // (`setOwners` sets only leads whose owner is still the one they were dealt from.)
  await setOwners(db, owners, at);
  const temperature = new Map(leads.map((l) => [l.id, l.temperature]));
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
