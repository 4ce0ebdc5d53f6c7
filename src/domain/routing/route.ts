import { type FactValue, matches } from '../scoring/score.js';
import type { RoutingRule, Strategy } from './rules.js';

/** Someone a rule may send leads to, as they stand at the moment of routing. */
export interface Candidate {
  userId: string;
  active: boolean;
  /** Out of office from/until, calendar days both included (either may be open). */
  awayFrom: string | null;
  awayUntil: string | null;
  /** Today in their own time zone (YYYY-MM-DD). */
  today: string;
  /** Most open leads they take (null: no limit). */
  capacity: number | null;
  /** Open leads they own now. */
  openLeads: number;
}

/** Why a candidate was passed over; `missed_sla`: the lead is re-routed because they missed its first response. */
export type SkipReason = 'inactive' | 'away' | 'over_capacity' | 'weight_zero' | 'missed_sla';

/** A rule's memory between leads: who got the last one (round robin), running weights (weighted). */
export interface RuleState {
  lastUserId: string | null;
  currents: Record<string, number>;
}

export interface Decision {
  userId: string | null;
  ruleId: string | null;
  strategy: Strategy | null;
  /** Why this way: a rule matched; a returning person went to their owner; no rule; nobody free. */
  reason: 'rule' | 'returning_person' | 'no_rule' | 'nobody_available';
  candidates: { userId: string; skipped: SkipReason | null }[];
  state: RuleState | null;
}

/** Whether a person may get a lead now, or why not. */
export function skipReason(c: Candidate): Exclude<SkipReason, 'weight_zero' | 'missed_sla'> | null {
  if (!c.active) return 'inactive';
  const away =
    (c.awayFrom !== null || c.awayUntil !== null) &&
    (c.awayFrom === null || c.awayFrom <= c.today) &&
    (c.awayUntil === null || c.today <= c.awayUntil);
  if (away) return 'away';
  if (c.capacity !== null && c.openLeads >= c.capacity) return 'over_capacity';
  return null;
}

/** The first active rule whose conditions all hold for these fields. */
export function matchingRule(
  rules: readonly RoutingRule[],
  fields: Readonly<Record<string, FactValue>>,
): RoutingRule | undefined {
  return rules.find((r) => r.active && r.conditions.every((c) => matches(c, fields[c.field])));
}

/**
 * A number from a lead and a person that no order of accounts favours (FNV-1a): ties are broken
 * by it, so neither the oldest account nor the first in a list wins them.
 */
export function tieKey(leadId: string, userId: string): number {
  let h = 0x811c9dc5;
  const s = `${leadId}|${userId}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Round robin: the next person after the last one in a fixed order (by id), wrapping around; the
 * very first turn goes by `tieKey`, not to the oldest account.
 */
export function nextInTurn(
  eligible: readonly string[],
  lastUserId: string | null,
  leadId: string,
): string | undefined {
  const order = [...eligible].sort();
  if (order.length === 0) return undefined;
  if (lastUserId === null) return order.reduce((a, b) => (tieKey(leadId, b) < tieKey(leadId, a) ? b : a));
  return order.find((id) => id > lastUserId) ?? order[0];
}

/**
 * Weighted: smooth weighted round robin (each person's running weight grows by their weight; the
 * highest is chosen and pays back the total), so shares follow the weights and picks spread out
 * rather than coming in bursts. Ties go by `tieKey`.
 */
export function weightedPick(
  eligible: readonly { userId: string; weight: number }[],
  currents: Readonly<Record<string, number>>,
  leadId: string,
): { userId: string; currents: Record<string, number> } | undefined {
  const live = eligible.filter((e) => e.weight > 0);
  if (live.length === 0) return undefined;
  const total = live.reduce((s, e) => s + e.weight, 0);
  const next: Record<string, number> = { ...currents };
  let best: { userId: string; value: number; tie: number } | undefined;
  for (const e of live) {
    const value = (next[e.userId] ?? 0) + e.weight;
    next[e.userId] = value;
    const tie = tieKey(leadId, e.userId);
    if (!best || value > best.value || (value === best.value && tie < best.tie))
      best = { userId: e.userId, value, tie };
  }
  const chosen = best as { userId: string };
  next[chosen.userId] = (next[chosen.userId] ?? 0) - total;
  return { userId: chosen.userId, currents: next };
}

/** Least loaded: the lowest share of capacity in use (open leads when unlimited); ties by `tieKey`. */
export function leastLoaded(eligible: readonly Candidate[], leadId: string): string | undefined {
  const load = (c: Candidate) => (c.capacity ? c.openLeads / c.capacity : c.openLeads);
  let best: { userId: string; load: number; tie: number } | undefined;
  for (const c of eligible) {
    const l = load(c);
    const tie = tieKey(leadId, c.userId);
    if (!best || l < best.load || (l === best.load && tie < best.tie))
      best = { userId: c.userId, load: l, tie };
  }
  return best?.userId;
}

/**
 * Who gets a new lead: the owner of the person's other open lead when they can take it; else the
 * first matching rule's strategy over its candidates, skipping the inactive, the away and those at
 * capacity (each recorded with why). Returns the rule's new state to store with the assignment.
 */
export function route(input: {
  leadId: string;
  fields: Readonly<Record<string, FactValue>>;
  rules: readonly RoutingRule[];
  /** The candidates of every rule's target, by user id. */
  people: ReadonlyMap<string, Candidate>;
  /** Members of each team, by team id. */
  teams: ReadonlyMap<string, readonly string[]>;
  states: ReadonlyMap<string, RuleState>;
  /** The owner of the same person's open lead, if any. */
  returningOwnerId: string | null;
  /** Re-routing a lead whose owner missed its first response: they are passed over. */
  missedBy?: string | null;
}): Decision {
  const { people } = input;
  if (input.returningOwnerId) {
    const owner = people.get(input.returningOwnerId);
    const skipped = owner ? skipReason(owner) : 'inactive';
    if (owner && skipped === null)
      return {
        userId: owner.userId,
        ruleId: null,
        strategy: null,
        reason: 'returning_person',
        candidates: [{ userId: owner.userId, skipped: null }],
        state: null,
      };
  }
  const rule = matchingRule(input.rules, input.fields);
  if (!rule)
    return { userId: null, ruleId: null, strategy: null, reason: 'no_rule', candidates: [], state: null };
  const ids = rule.teamId ? [...(input.teams.get(rule.teamId) ?? [])] : rule.userIds;
  const weightOf = (id: string) => rule.weights[id] ?? 1;
  const candidates = ids.map((userId) => {
    const c = people.get(userId);
    const skipped: SkipReason | null = !c
      ? 'inactive'
      : userId === input.missedBy
        ? 'missed_sla'
        : (skipReason(c) ?? (rule.strategy === 'weighted' && weightOf(userId) === 0 ? 'weight_zero' : null));
    return { userId, skipped };
  });
  const eligible = candidates.filter((c) => c.skipped === null).map((c) => people.get(c.userId) as Candidate);
  const state = input.states.get(rule.id) ?? { lastUserId: null, currents: {} };
  let userId: string | undefined;
  let next: RuleState = state;
  if (rule.strategy === 'round_robin') {
    userId = nextInTurn(
      eligible.map((c) => c.userId),
      state.lastUserId,
      input.leadId,
    );
    if (userId) next = { ...state, lastUserId: userId };
  } else if (rule.strategy === 'weighted') {
    const picked = weightedPick(
      eligible.map((c) => ({ userId: c.userId, weight: weightOf(c.userId) })),
      state.currents,
      input.leadId,
    );
    userId = picked?.userId;
    if (picked) next = { lastUserId: picked.userId, currents: picked.currents };
  } else {
    userId = leastLoaded(eligible, input.leadId);
    if (userId) next = { ...state, lastUserId: userId };
  }
  return {
    userId: userId ?? null,
    ruleId: rule.id,
    strategy: rule.strategy,
    reason: userId ? 'rule' : 'nobody_available',
    candidates,
    state: next,
  };
}
