import { PostgresAdapter, sql } from 'kysely';
import { OPEN_STAGES } from '../../../domain/leads/stages.js';
import { todayIn } from '../../../domain/leads/temperature.js';
import { type Candidate, type Decision, type RuleState, skipReason } from '../../../domain/routing/route.js';
import type { Condition, RoutingRule, Strategy } from '../../../domain/routing/rules.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { jsonColumn } from '../../db/json-column.js';

export async function loadRoutingRules(db: Db): Promise<RoutingRule[]> {
  const rows = await db.selectFrom('routing_rules').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    active: Number(r.active) === 1,
    conditions: jsonColumn<Condition[]>(r.conditions_json, []),
    teamId: r.team_id,
    userIds: jsonColumn<string[]>(r.user_ids_json, []),
    strategy: r.strategy as Strategy,
    weights: jsonColumn<Record<string, number>>(r.weights_json, {}),
  }));
}

function ruleColumns(rule: Omit<RoutingRule, 'id'>) {
  return {
    name: rule.name.trim(),
    active: rule.active ? 1 : 0,
    conditions_json: JSON.stringify(rule.conditions),
    team_id: rule.teamId,
    user_ids_json: JSON.stringify(rule.userIds),
    strategy: rule.strategy,
    weights_json: JSON.stringify(rule.weights),
  };
}

/** A new rule goes last (or at `position`, the others moving down), with an empty state. */
export async function insertRoutingRule(
  db: Db,
  id: string,
  rule: Omit<RoutingRule, 'id'>,
  position: number | undefined,
  at: string,
): Promise<void> {
  const count = Number(
    (
      await db
        .selectFrom('routing_rules')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const place = position === undefined ? count : Math.min(Math.max(position, 0), count);
  await db
    .updateTable('routing_rules')
    .set((eb) => ({ position: eb('position', '+', 1) }))
    .where('position', '>=', place)
    .execute();
  await db
    .insertInto('routing_rules')
    .values({ id, position: place, ...ruleColumns(rule), created_at: at, updated_at: at })
    .execute();
  await db
    .insertInto('routing_state')
    .values({ rule_id: id, last_user_id: null, currents_json: '{}', updated_at: at })
    .execute();
}

export async function updateRoutingRule(
  db: Db,
  id: string,
  rule: Omit<RoutingRule, 'id'>,
  at: string,
): Promise<void> {
  await db
    .updateTable('routing_rules')
    .set({ ...ruleColumns(rule), updated_at: at })
    .where('id', '=', id)
    .execute();
  // a changed rule starts its turns over: weights or people may differ
  await db
    .updateTable('routing_state')
    .set({ last_user_id: null, currents_json: '{}', updated_at: at })
    .where('rule_id', '=', id)
    .execute();
}

/** Removes a rule and closes the gap in the order; recorded assignments keep its id and name. */
export async function deleteRoutingRule(db: Db, id: string): Promise<void> {
  const row = await db.selectFrom('routing_rules').select('position').where('id', '=', id).executeTakeFirst();
  if (!row) return;
  await db.deleteFrom('routing_state').where('rule_id', '=', id).execute();
  await db.deleteFrom('routing_rules').where('id', '=', id).execute();
  await db
    .updateTable('routing_rules')
    .set((eb) => ({ position: eb('position', '-', 1) }))
    .where('position', '>', row.position)
    .execute();
}

/**
 * The rules' states, locked for the rest of the transaction on PostgreSQL (SQLite has one writer):
 * instances routing at once take turns, so no turn is given twice.
 */
export async function lockStates(db: Db, ruleIds: readonly string[]): Promise<Map<string, RuleState>> {
  if (ruleIds.length === 0) return new Map();
  let query = db
    .selectFrom('routing_state')
    .selectAll()
    .where('rule_id', 'in', [...ruleIds].sort())
    .orderBy('rule_id');
  if (db.getExecutor().adapter instanceof PostgresAdapter) query = query.forUpdate();
  const rows = await query.execute();
  return new Map(
    rows.map((r) => [
      r.rule_id,
      { lastUserId: r.last_user_id, currents: jsonColumn<Record<string, number>>(r.currents_json, {}) },
    ]),
  );
}

/**
 * The leads' owners and first contacts, their rows locked for the rest of the transaction on
 * PostgreSQL (SQLite has one writer): what routing decides from them cannot change before it writes.
 */
export async function lockLeads(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { ownerId: string | null; firstContactAt: string | null }>> {
  if (ids.length === 0) return new Map();
  let query = db
    .selectFrom('leads')
    .select(['id', 'owner_id', 'first_contact_at'])
    .where('id', 'in', [...ids].sort())
    .orderBy('id');
  if (db.getExecutor().adapter instanceof PostgresAdapter) query = query.forUpdate();
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.id, { ownerId: r.owner_id, firstContactAt: r.first_contact_at }]));
}

/** Every rule's state as it is, unlocked (the "who would get it?" tester moves no turn). */
export async function peekStates(db: Db): Promise<Map<string, RuleState>> {
  const rows = await db.selectFrom('routing_state').selectAll().execute();
  return new Map(
    rows.map((r) => [
      r.rule_id,
      { lastUserId: r.last_user_id, currents: jsonColumn<Record<string, number>>(r.currents_json, {}) },
    ]),
  );
}

export async function saveState(db: Db, ruleId: string, state: RuleState, at: string): Promise<void> {
  await db
    .updateTable('routing_state')
    .set({ last_user_id: state.lastUserId, currents_json: JSON.stringify(state.currents), updated_at: at })
    .where('rule_id', '=', ruleId)
    .execute();
}

/** Members of these teams who are active users. */
export async function teamMembers(db: Db, teamIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(teamIds.map((t) => [t, []]));
  if (teamIds.length === 0) return out;
  const rows = await db
    .selectFrom('users')
    .select(['id', 'team_id'])
    .where('team_id', 'in', teamIds)
    .where('role', 'in', ['rep', 'manager'])
    .orderBy('id')
    .execute();
  for (const r of rows) out.get(r.team_id as string)?.push(r.id);
  return out;
}

/** People as routing sees them now: active, away (in their own time zone), capacity and open leads. */
export async function candidatesOf(
  db: Db,
  userIds: readonly string[],
  now: Date,
  opts: { loads: 'all' | 'capped' } = { loads: 'all' },
): Promise<Map<string, Candidate & { teamId: string | null }>> {
  if (userIds.length === 0) return new Map();
  const users = await db
    .selectFrom('users')
    .select(['id', 'active', 'out_of_office_from', 'out_of_office_until', 'time_zone', 'capacity', 'team_id'])
    .where('id', 'in', userIds)
    .execute();
  // why 'capped': only least loaded reads everyone's load; otherwise only a capacity needs it
  const counted =
    opts.loads === 'all' ? [...userIds] : users.filter((u) => u.capacity !== null).map((u) => u.id);
  const loads =
    counted.length === 0
      ? []
      : await db
          .selectFrom('leads')
          .select((eb) => ['owner_id', eb.fn.countAll().as('n')])
          .where('owner_id', 'in', counted)
          .where('stage', 'in', OPEN_STAGES)
          .where('deleted_at', 'is', null)
          .groupBy('owner_id')
          .execute();
  const open = new Map(loads.map((l) => [l.owner_id as string, Number(l.n)]));
  return new Map(
    users.map((u) => [
      u.id,
      {
        userId: u.id,
        active: Number(u.active) === 1,
        awayFrom: u.out_of_office_from,
        awayUntil: u.out_of_office_until,
        today: todayIn(u.time_zone, now),
        capacity: u.capacity === null ? null : Number(u.capacity),
        openLeads: open.get(u.id) ?? 0,
        teamId: u.team_id,
      },
    ]),
  );
}

/** For each lead, the owner of the same person's other open lead (the most recent), if any. */
export async function returningOwners(
  db: Db,
  leads: readonly { id: string; personId: string | null }[],
): Promise<Map<string, string>> {
  const personIds = [...new Set(leads.flatMap((l) => (l.personId ? [l.personId] : [])))];
  if (personIds.length === 0) return new Map();
  // Only the person is asked of SQL, the rest is filtered here: with "owner is set", "open" or an
  // ORDER BY in the query, SQLite walked an owner or creation-time index over every lead instead
  // of looking up these people's (3–4 ms per 100 new leads at 25,000 leads, and growing).
  const open = new Set<string>(OPEN_STAGES);
  const rows = (
    await db
      .selectFrom('leads')
      .select(['id', 'person_id', 'owner_id', 'stage', 'created_at'])
      .where('person_id', 'in', personIds)
      .where('deleted_at', 'is', null)
      .execute()
  )
    .filter((r) => r.owner_id !== null && open.has(r.stage))
    .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
  const out = new Map<string, string>();
  for (const lead of leads) {
    const other = rows.find((r) => r.person_id === lead.personId && r.id !== lead.id);
    if (other?.owner_id) out.set(lead.id, other.owner_id);
  }
  return out;
}

/**
 * Owners (and their teams) for many leads: one `with v(…) as (values …) update … from v` per 500,
 * each only where the lead's owner is still `from` (null: still unowned).
 */
export async function setOwners(
  db: Db,
  owners: readonly { id: string; ownerId: string; teamId: string | null; from?: string | null }[],
  at: string,
): Promise<void> {
  for (let i = 0; i < owners.length; i += 500) {
    const values = sql.join(
      owners.slice(i, i + 500).map((o) => sql`(${o.id}, ${o.ownerId}, ${o.teamId}, ${o.from ?? ''})`),
    );
    // '' stands for "no owner": a null in every row would leave PostgreSQL without a type to compare
    await sql`with v(id, owner_id, team_id, from_owner) as (values ${values})
      update leads set owner_id = v.owner_id, team_id = v.team_id, updated_at = ${at}
      from v where leads.id = v.id and coalesce(leads.owner_id, '') = v.from_owner`.execute(db);
    // the search terms carry their lead's owner (a rep's and a manager's search start from them)
    const ids = owners.slice(i, i + 500).map((o) => o.id);
    await sql`update lead_terms set owner_id = leads.owner_id from leads
      where leads.id = lead_terms.lead_id and lead_terms.lead_id in (${sql.join(ids)})`.execute(db);
  }
}

/** The row that records a routing decision (kept for the lead's "why" and the routing delay). */
export function assignmentRow(a: {
  leadId: string;
  leadCreatedAt: string;
  ruleName: string | null;
  decision: Decision;
  at: string;
}) {
  return {
    id: newId(),
    lead_id: a.leadId,
    user_id: a.decision.userId,
    rule_id: a.decision.ruleId,
    rule_name: a.ruleName,
    strategy: a.decision.strategy,
    reason: a.decision.reason,
    candidates_json: JSON.stringify(a.decision.candidates),
    lead_created_at: a.leadCreatedAt,
    assigned_at: a.at,
  };
}

export interface AssignmentRecord {
  userId: string | null;
  userName: string | null;
  ruleId: string | null;
  ruleName: string | null;
  strategy: Strategy | null;
  reason: Decision['reason'];
  candidates: (Decision['candidates'][number] & { name: string | null })[];
  leadCreatedAt: string;
  assignedAt: string;
  /** Seconds from the lead's creation to this assignment. */
  routingDelaySeconds: number;
}

/** A lead's recorded routing decisions, newest first, with people's names. */
export async function assignmentsOf(db: Db, leadId: string): Promise<AssignmentRecord[]> {
  const rows = await db
    .selectFrom('lead_assignments')
    .selectAll()
    .where('lead_id', '=', leadId)
    .orderBy('assigned_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const ids = new Set<string>();
  for (const r of rows) {
    if (r.user_id) ids.add(r.user_id);
    for (const c of jsonColumn<Decision['candidates']>(r.candidates_json, [])) ids.add(c.userId);
  }
  const names = await userNames(db, [...ids]);
  return rows.map((r) => ({
    userId: r.user_id,
    userName: r.user_id ? (names.get(r.user_id) ?? null) : null,
    ruleId: r.rule_id,
    ruleName: r.rule_name,
    strategy: r.strategy as Strategy | null,
    reason: r.reason as Decision['reason'],
    candidates: jsonColumn<Decision['candidates']>(r.candidates_json, []).map((c) => ({
      ...c,
      name: names.get(c.userId) ?? null,
    })),
    leadCreatedAt: r.lead_created_at,
    assignedAt: r.assigned_at,
    routingDelaySeconds: Math.max(
      0,
      Math.round((Date.parse(r.assigned_at) - Date.parse(r.lead_created_at)) / 1000),
    ),
  }));
}

/** Everyone who can receive leads (reps and managers), with their team, availability, capacity and load. */
export async function routingPeople(db: Db, now: Date) {
  const users = await db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select(['users.id', 'users.name', 'users.team_id', 'teams.name as team_name'])
    .where('users.role', 'in', ['rep', 'manager'])
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  const candidates = await candidatesOf(
    db,
    users.map((u) => u.id),
    now,
  );
  return users.map((u) => {
    const c = candidates.get(u.id) as Candidate & { teamId: string | null };
    return {
      id: u.id,
      name: u.name,
      teamId: u.team_id,
      teamName: u.team_name,
      active: c.active,
      outOfOfficeFrom: c.awayFrom,
      outOfOfficeUntil: c.awayUntil,
      capacity: c.capacity,
      openLeads: c.openLeads,
      available: skipReason(c) === null,
      unavailableBecause: skipReason(c),
    };
  });
}

/** A lead's speed-to-lead clock as stored. */
export async function slaOf(db: Db, leadId: string) {
  return db
    .selectFrom('leads')
    .select(['assigned_at', 'first_response_due_at', 'first_contact_at', 'sla_escalated_at'])
    .where('id', '=', leadId)
    .executeTakeFirst();
}

/**
 * A person's new leads: open, theirs, not contacted yet — the highest score first, then the
 * earliest due. What a rep works through first thing.
 */
export async function inboxOf(db: Db, ownerId: string, limit: number) {
  return db
    .selectFrom('leads')
    .leftJoin('people', 'people.id', 'leads.person_id')
    .leftJoin('organisations', 'organisations.id', 'leads.organisation_id')
    .select([
      'leads.id',
      'leads.title',
      'leads.score',
      'leads.temperature',
      'leads.stage',
      'leads.created_at',
      'leads.assigned_at',
      'leads.first_response_due_at',
      'people.first_name',
      'people.last_name',
      'organisations.name as organisation_name',
    ])
    .where('leads.owner_id', '=', ownerId)
    .where('leads.deleted_at', 'is', null)
    .where('leads.stage', 'in', OPEN_STAGES)
    .where('leads.first_contact_at', 'is', null)
    .orderBy('leads.score', 'desc')
    .orderBy(sql`case when leads.first_response_due_at is null then 1 else 0 end`)
    .orderBy('leads.first_response_due_at')
    .orderBy('leads.created_at', 'desc')
    .limit(limit)
    .execute();
}

/** People's names by id (for the "why" of routing decisions and notices). */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
