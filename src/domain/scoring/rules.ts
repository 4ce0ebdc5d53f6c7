import { type FieldError, Validation } from '../errors/app-error.js';

/**
 * Scoring rules: what a lead is (fit) and what its person did (behaviour), each worth points.
 * Fields, operators and behaviours are closed lists, so a rule is checked when it is saved and
 * the editor can offer exactly these.
 */

/** Fields a fit rule may test; custom fields are `custom.<entity>.<key>`. */
export const FIT_FIELDS = [
  'person.jobTitle',
  'person.country',
  'person.city',
  'person.language',
  'organisation.size',
  'organisation.industry',
  'organisation.country',
  'organisation.city',
  'lead.source',
  'lead.campaign',
  'lead.products',
  'lead.tags',
  'lead.temperature',
  'email.kind',
] as const;
export type StandardFitField = (typeof FIT_FIELDS)[number];
export const CUSTOM_FIELD_PATTERN = /^custom\.(lead|person|organisation)\.[a-z][a-z0-9_]{0,39}$/u;

export const OPERATORS = ['equals', 'in', 'contains', 'range', 'empty'] as const;
export type Operator = (typeof OPERATORS)[number];

/** What a person did, as the timeline records it. */
export const BEHAVIOURS = [
  'form_submitted',
  'email_opened',
  'email_clicked',
  'content_viewed',
  'content_liked',
  'content_shared',
  'chat',
  'meeting_held',
  'call_connected',
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

/** The values `email.kind` takes: the person's first e-mail is a free mailbox, a company's, or none. */
export const EMAIL_KINDS = ['free', 'company', 'none'] as const;

export interface Range {
  min?: number | undefined;
  max?: number | undefined;
}

export interface FitRule {
  id: string;
  kind: 'fit';
  field: string;
  operator: Operator;
  /** equals/contains: one text; in: texts; range: bounds; empty: nothing. */
  value: string | string[] | Range | null;
  points: number;
  /** Rules of one group share the group's cap. */
  group: string | null;
}

export interface BehaviourRule {
  id: string;
  kind: 'behaviour';
  behaviour: Behaviour;
  points: number;
  group: string | null;
}

export type ScoringRule = FitRule | BehaviourRule;
/** A rule before it is saved. */
export type NewRule = Omit<FitRule, 'id'> | Omit<BehaviourRule, 'id'>;

/** One score (e.g. per product line) with its thresholds, caps, decay and rules. */
export interface ScoreModel {
  id: string;
  nameLt: string;
  nameEn: string;
  /** The score a lead's list sorts by (`leads.score`). */
  primary: boolean;
  mqlThreshold: number;
  sqlThreshold: number;
  /** The most points a lead can have in total (null: no cap). */
  totalCap: number | null;
  /** The most points each named group can give. */
  groupCaps: Record<string, number>;
  /** Behaviour points halve every this many days (null: they never fade). */
  halfLifeDays: number | null;
  /** Whether a lead falls back a stage when its score fades below the threshold. */
  demoteOnDecay: boolean;
  rules: ScoringRule[];
}

export const MAX_POINTS = 1_000;
export const MAX_RULES_PER_SCORE = 200;
const MAX_TEXT = 200;
const MAX_LIST = 100;

export function isFitField(field: string): boolean {
  return (FIT_FIELDS as readonly string[]).includes(field) || CUSTOM_FIELD_PATTERN.test(field);
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';
const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * A rule as it may be saved: known field, operator and behaviour; a value the operator can match
 * (a rule that can never match is refused, naming `value`); points other than 0. Field names are
 * prefixed (`rules.3.`) by the caller.
 */
export function ruleErrors(
  rule: NewRule,
  prefix = '',
  isField: (field: string) => boolean = isFitField,
): FieldError[] {
  const v = new Validation();
  if (!Number.isInteger(rule.points) || Math.abs(rule.points) > MAX_POINTS)
    v.add(`${prefix}points`, 'out_of_range');
  else v.check(rule.points !== 0, `${prefix}points`, 'never_matches');
  if (rule.group !== null)
    v.check(!blank(rule.group) && rule.group.length <= 60, `${prefix}group`, 'invalid');
  if (rule.kind === 'behaviour') {
    v.check(
      (BEHAVIOURS as readonly string[]).includes(rule.behaviour),
      `${prefix}behaviour`,
      'invalid_value',
    );
    return v.errors;
  }
  if (!v.check(isField(rule.field), `${prefix}field`, 'invalid_value')) return v.errors;
  if (
    !v.check((OPERATORS as readonly string[]).includes(rule.operator), `${prefix}operator`, 'invalid_value')
  )
    return v.errors;
  const value = rule.value;
  const field = `${prefix}value`;
  switch (rule.operator) {
    case 'equals':
    case 'contains':
      if (typeof value !== 'string') v.add(field, 'invalid_type');
      else if (blank(value)) v.add(field, 'never_matches');
      else v.check(value.length <= MAX_TEXT, field, 'too_long');
      break;
    case 'in':
      if (!Array.isArray(value)) v.add(field, 'invalid_type');
      else if (value.filter((s) => !blank(s)).length === 0) v.add(field, 'never_matches');
      else v.check(value.length <= MAX_LIST && value.every((s) => s.length <= MAX_TEXT), field, 'too_long');
      break;
    case 'range': {
      const r = value as Range | null;
      if (!r || typeof r !== 'object' || Array.isArray(r)) v.add(field, 'invalid_type');
      else if (!finite(r.min) && !finite(r.max)) v.add(field, 'never_matches');
      else if (finite(r.min) && finite(r.max) && r.min > r.max) v.add(field, 'never_matches');
      break;
    }
    case 'empty':
      v.check(value === null, field, 'not_allowed');
      break;
  }
  if (rule.field === 'email.kind' && rule.operator !== 'empty') {
    const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    const known = texts.filter((s) => (EMAIL_KINDS as readonly string[]).includes(s.trim().toLowerCase()));
    if (v.errors.length === 0) v.check(known.length > 0 && rule.operator !== 'range', field, 'never_matches');
  }
  return v.errors;
}

/** A score's own settings: names, thresholds in order (MQL below SQL), caps and half-life. */
export function modelErrors(model: Omit<ScoreModel, 'id' | 'rules' | 'primary'>): FieldError[] {
  const v = new Validation();
  v.check(!blank(model.nameLt) && model.nameLt.length <= 100, 'nameLt', 'required');
  v.check(!blank(model.nameEn) && model.nameEn.length <= 100, 'nameEn', 'required');
  const mqlOk = v.check(
    Number.isInteger(model.mqlThreshold) && model.mqlThreshold > 0,
    'mqlThreshold',
    'out_of_range',
  );
  const sqlOk = v.check(
    Number.isInteger(model.sqlThreshold) && model.sqlThreshold > 0,
    'sqlThreshold',
    'out_of_range',
  );
  if (mqlOk && sqlOk) v.check(model.sqlThreshold > model.mqlThreshold, 'sqlThreshold', 'threshold_order');
  if (
    model.totalCap !== null &&
    v.check(Number.isInteger(model.totalCap) && model.totalCap > 0, 'totalCap', 'out_of_range')
  )
    v.check(!sqlOk || model.totalCap >= model.sqlThreshold, 'totalCap', 'below_threshold');
  for (const [group, cap] of Object.entries(model.groupCaps))
    v.check(Number.isInteger(cap) && cap > 0 && !blank(group), `groupCaps.${group}`, 'out_of_range');
  if (model.halfLifeDays !== null)
    v.check(
      finite(model.halfLifeDays) && model.halfLifeDays > 0 && model.halfLifeDays <= 3650,
      'halfLifeDays',
      'out_of_range',
    );
  return v.errors;
}
