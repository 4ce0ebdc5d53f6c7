import type { NewRule } from '../../../domain/scoring/rules.js';
import type { ModelFields } from './scoring.repository.js';
import type { RuleInput, ScoreInput } from './scoring.schemas.js';

/** A rule as the API sends it → the domain's rule (only what its kind reads). */
export function ruleOf(input: RuleInput): NewRule {
  return input.kind === 'behaviour'
    ? {
        kind: 'behaviour',
        behaviour: input.behaviour as never,
        points: input.points,
        group: input.group?.trim() || null,
      }
    : {
        kind: 'fit',
        field: input.field ?? '',
        operator: input.operator as never,
        value: input.value ?? null,
        points: input.points,
        group: input.group?.trim() || null,
      };
}

/** A score's settings as the API sends them → the fields a score keeps. */
export function scoreFieldsOf(input: ScoreInput): ModelFields {
  return {
    nameLt: input.nameLt.trim(),
    nameEn: input.nameEn.trim(),
    mqlThreshold: input.mqlThreshold,
    sqlThreshold: input.sqlThreshold,
    totalCap: input.totalCap ?? null,
    groupCaps: input.groupCaps ?? {},
    halfLifeDays: input.halfLifeDays ?? null,
    demoteOnDecay: input.demoteOnDecay ?? false,
  };
}
