import { type FieldError, Validation } from '../errors/app-error.js';
import { type FitRule, isFitField, ruleErrors } from '../scoring/rules.js';

/**
 * Routing rules (issue #5 §4): ordered; the first active rule whose conditions all hold sends a new
 * lead to a team or a list of people, by a strategy. Conditions are scoring's fit conditions (same
 * fields and operators) plus `lead.score`, the primary score.
 */

export const STRATEGIES = ['round_robin', 'weighted', 'least_loaded'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export type Condition = Pick<FitRule, 'field' | 'operator' | 'value'>;

export interface RoutingRule {
  id: string;
  name: string;
  active: boolean;
  conditions: Condition[];
  /** A team's active members, or the people listed. */
  teamId: string | null;
  userIds: string[];
  strategy: Strategy;
  /** `weighted`: each person's share (a missing person weighs 1). */
  weights: Record<string, number>;
}

export const MAX_CONDITIONS = 20;
export const MAX_WEIGHT = 1_000;

export function isConditionField(field: string): boolean {
  return field === 'lead.score' || isFitField(field);
}

/**
 * A rule as it may be saved: a name, conditions that can match (each checked like a scoring rule),
 * exactly one target (a team or people), and weights that are whole numbers 0–1000 with at least one
 * above 0 for the people who can receive leads.
 */
export function routingRuleErrors(rule: Omit<RoutingRule, 'id'>): FieldError[] {
  const v = new Validation();
  v.check(rule.name.trim() !== '' && rule.name.length <= 120, 'name', 'required');
  v.check(rule.conditions.length <= MAX_CONDITIONS, 'conditions', 'too_long');
  for (const [i, c] of rule.conditions.entries()) {
    const prefix = `conditions.${i}.`;
    if (!isConditionField(c.field)) {
      v.add(`${prefix}field`, 'invalid_value');
      continue;
    }
    // why points 1: a condition is checked like a fit rule, whose points do not apply here.
    const asRule = { kind: 'fit' as const, ...c, points: 1, group: null };
    v.errors.push(...ruleErrors(asRule, prefix, isConditionField));
  }
  const targets = (rule.teamId ? 1 : 0) + (rule.userIds.length ? 1 : 0);
  if (targets === 0) v.add('teamId', 'required');
  else v.check(targets === 1, 'userIds', 'not_allowed');
  v.check(new Set(rule.userIds).size === rule.userIds.length, 'userIds', 'invalid');
  for (const [userId, weight] of Object.entries(rule.weights))
    v.check(
      Number.isInteger(weight) && weight >= 0 && weight <= MAX_WEIGHT,
      `weights.${userId}`,
      'out_of_range',
    );
  if (rule.strategy === 'weighted' && rule.userIds.length > 0) {
    const weightOf = (id: string) => rule.weights[id] ?? 1;
    v.check(
      rule.userIds.some((id) => weightOf(id) > 0),
      'weights',
      'all_zero',
    );
  }
  return v.errors;
}

/** A person's capacity for open leads: null is unlimited; below 0 is refused. */
export function capacityErrors(capacity: number | null): FieldError[] {
  const v = new Validation();
  if (capacity !== null)
    v.check(Number.isInteger(capacity) && capacity >= 0 && capacity <= 100_000, 'capacity', 'out_of_range');
  return v.errors;
}
