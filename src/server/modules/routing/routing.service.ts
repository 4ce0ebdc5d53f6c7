import { mayConfigure } from '../../../domain/access/policy.js';
import { AppError, Validation } from '../../../domain/errors/app-error.js';
import { route } from '../../../domain/routing/route.js';
import { isConditionField, type RoutingRule, routingRuleErrors } from '../../../domain/routing/rules.js';
import type { ActorContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { assertVisible } from '../../db/scope.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findLead } from '../leads/leads.repository.js';
import {
  assignmentsOf,
  candidatesOf,
  deleteRoutingRule,
  inboxOf,
  insertRoutingRule,
  loadRoutingRules,
  peekStates,
  routingPeople,
  slaOf,
  teamMembers,
  updateRoutingRule,
  userNames,
} from './routing.repository.js';
import type { RoutingRuleInput, RoutingTestInput } from './routing.schemas.js';

function assertMay(caller: ActorContext, action: 'read' | 'change'): void {
  if (!mayConfigure(caller.actor, action))
    throw new AppError(
      'forbidden',
      action === 'read'
        ? 'Only admins, marketers and managers see routing'
        : 'Only admins and marketers change routing',
    );
}

function toRule(input: RoutingRuleInput): Omit<RoutingRule, 'id'> {
  return {
    name: input.name.trim(),
    active: input.active ?? true,
    conditions: (input.conditions ?? []).map((c) => ({
      field: c.field,
      operator: c.operator,
      value: c.value ?? null,
    })),
    teamId: input.teamId ?? null,
    userIds: input.userIds ?? [],
    strategy: input.strategy,
    weights: input.weights ?? {},
  };
}

/** The rule's target must exist: a team, or users who exist (inactive ones are skipped when routing). */
async function checkRule(db: Db, rule: Omit<RoutingRule, 'id'>): Promise<void> {
  const v = new Validation();
  v.errors.push(...routingRuleErrors(rule));
  if (rule.teamId) {
    const team = await db.selectFrom('teams').select('id').where('id', '=', rule.teamId).executeTakeFirst();
    v.check(team !== undefined, 'teamId', 'not_found');
  }
  if (rule.userIds.length) {
    const found = await db.selectFrom('users').select('id').where('id', 'in', rule.userIds).execute();
    const known = new Set(found.map((u) => u.id));
    v.checkEach(rule.userIds, 'userIds', (id) => known.has(id), 'not_found');
  }
  v.throwIfAny();
}

export async function listRoutingRules(deps: Deps, caller: ActorContext) {
  assertMay(caller, 'read');
  return { items: await loadRoutingRules(deps.db) };
}

export async function addRoutingRule(deps: Deps, caller: ActorContext, input: RoutingRuleInput) {
  assertMay(caller, 'change');
  const rule = toRule(input);
  const now = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await checkRule(trx, rule);
    const id = newId();
    await insertRoutingRule(trx, id, rule, input.position, now);
    const saved = (await loadRoutingRules(trx)).find((r) => r.id === id) as RoutingRule;
    await recordAudit(trx, caller, {
      entityType: 'routing_rule',
      entityId: id,
      action: 'create',
      after: saved,
      at: now,
    });
    return saved;
  });
}

export async function changeRoutingRule(
  deps: Deps,
  caller: ActorContext,
  id: string,
  input: RoutingRuleInput,
) {
  assertMay(caller, 'change');
  const rule = toRule(input);
  const now = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = (await loadRoutingRules(trx)).find((r) => r.id === id);
    if (!before) throw new AppError('not_found', 'No such routing rule');
    await checkRule(trx, rule);
    await updateRoutingRule(trx, id, rule, now);
    const saved = (await loadRoutingRules(trx)).find((r) => r.id === id) as RoutingRule;
    await recordAudit(trx, caller, {
      entityType: 'routing_rule',
      entityId: id,
      action: 'update',
      before,
      after: saved,
      at: now,
    });
    return saved;
  });
}

export async function removeRoutingRule(deps: Deps, caller: ActorContext, id: string): Promise<void> {
  assertMay(caller, 'change');
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const before = (await loadRoutingRules(trx)).find((r) => r.id === id);
    if (!before) throw new AppError('not_found', 'No such routing rule');
    await deleteRoutingRule(trx, id);
    await recordAudit(trx, caller, {
      entityType: 'routing_rule',
      entityId: id,
      action: 'delete',
      before,
      at: now,
    });
  });
}

/**
 * "Who would get this lead?": the rules as they stand, today's availability and each rule's turn,
 * without assigning anything or moving a turn.
 */
export async function testRouting(deps: Deps, caller: ActorContext, input: RoutingTestInput) {
  assertMay(caller, 'read');
  const v = new Validation();
  for (const key of Object.keys(input.fields))
    v.check(isConditionField(key), `fields.${key}`, 'invalid_value');
  v.throwIfAny();
  const db = deps.db;
  const rules = (await loadRoutingRules(db)).filter((r) => r.active);
  const teams = await teamMembers(db, [...new Set(rules.flatMap((r) => (r.teamId ? [r.teamId] : [])))]);
  const people = await candidatesOf(
    db,
    [...new Set([...rules.flatMap((r) => r.userIds), ...[...teams.values()].flat()])],
    deps.now(),
  );
  const states = await peekStates(db);
  const decision = route({
    // why a fixed id: a first turn decided by the lead's id would differ on every ask
    leadId: 'routing-test',
    fields: input.fields,
    rules,
    people,
    teams,
    states,
    returningOwnerId: null,
  });
  const ids = [
    ...new Set([...decision.candidates.map((c) => c.userId), ...(decision.userId ? [decision.userId] : [])]),
  ];
  const names = await userNames(db, ids);
  return {
    userId: decision.userId,
    userName: decision.userId ? (names.get(decision.userId) ?? null) : null,
    ruleId: decision.ruleId,
    ruleName: rules.find((r) => r.id === decision.ruleId)?.name ?? null,
    strategy: decision.strategy,
    reason: decision.reason,
    candidates: decision.candidates.map((c) => ({ ...c, name: names.get(c.userId) ?? null })),
  };
}

/** Why a lead got its owner: the latest routing decision and those before it. */
export async function leadAssignment(deps: Deps, caller: ActorContext, leadId: string) {
  assertVisible(caller.actor, 'lead', await findLead(deps.db, leadId));
  const history = await assignmentsOf(deps.db, leadId);
  const clock = await slaOf(deps.db, leadId);
  const now = deps.now().toISOString();
  const sla = clock?.assigned_at
    ? {
        assignedAt: clock.assigned_at,
        dueAt: clock.first_response_due_at,
        firstContactAt: clock.first_contact_at,
        escalatedAt: clock.sla_escalated_at,
        overdue:
          clock.first_contact_at === null &&
          clock.first_response_due_at !== null &&
          clock.first_response_due_at < now,
        repDelaySeconds:
          clock.first_contact_at === null
            ? null
            : Math.max(
                0,
                Math.round((Date.parse(clock.first_contact_at) - Date.parse(clock.assigned_at)) / 1000),
              ),
      }
    : null;
  return { current: history[0] ?? null, history, sla };
}

/** The people routing may give leads to: availability (out of office, deactivated), capacity and open leads. */
export async function routingPeopleOf(deps: Deps, caller: ActorContext) {
  assertMay(caller, 'read');
  return { items: await routingPeople(deps.db, deps.now()) };
}

/** "My new leads": the caller's uncontacted open leads, ranked by score, with their first-response times. */
export async function myInbox(deps: Deps, caller: ActorContext, limit: number) {
  const now = deps.now().toISOString();
  const rows = await inboxOf(deps.db, caller.user.id, limit);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      score: Number(r.score),
      temperature: r.temperature as 'hot' | 'warm' | 'cold',
      stage: r.stage as 'suspect' | 'mql' | 'sql',
      personName: [r.first_name, r.last_name].filter(Boolean).join(' ') || null,
      organisationName: r.organisation_name,
      createdAt: r.created_at,
      assignedAt: r.assigned_at,
      dueAt: r.first_response_due_at,
      overdue: r.first_response_due_at !== null && r.first_response_due_at < now,
    })),
  };
}
