import { FIELD_MESSAGES, type FieldErrorCode } from '../errors/app-error.js';
import { isCalendarDate } from './temperature.js';

export const LEAD_STAGES = ['suspect', 'mql', 'sql', 'converted', 'disqualified', 'parked'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

/** Stages of a lead still being worked; between them a person may move a lead either way. */
export const OPEN_STAGES = ['suspect', 'mql', 'sql'] as const;
export type OpenStage = (typeof OPEN_STAGES)[number];

export const DISQUALIFY_REASONS = [
  'only_inquiring',
  'no_budget',
  'no_need',
  'unreachable',
  'spam',
  'other',
] as const;
export type DisqualifyReason = (typeof DISQUALIFY_REASONS)[number];

export const MAX_COMPETITOR_LENGTH = 200;
export const MAX_REASON_TEXT_LENGTH = 2_000;

/** A requested stage change as it arrives (`reason` and `stage` may be anything a client sent). */
export interface StageChange {
  stage: LeadStage;
  reason?: string;
  reasonText?: string;
  revisitOn?: string;
  competitor?: string;
}

/** What to store after an accepted change: fields that do not apply to the new stage are null. */
export interface NormalisedChange {
  stage: LeadStage;
  disqualifyReason: DisqualifyReason | null;
  disqualifyNote: string | null;
  revisitOn: string | null;
  competitor: string | null;
  /** A disqualified or parked lead taken back into work: recorded in its history. */
  reopened: boolean;
}

/** Refusals only stage rules give; the server adds them to its code → message map. */
export type StageErrorCode = Extract<
  FieldErrorCode,
  | 'same_stage'
  | 'converted_by_pipeline'
  | 'lead_converted'
  | 'not_in_future'
  | 'required'
  | 'invalid_value'
  | 'invalid_format'
  | 'too_long'
>;

export interface StageError {
  field: string;
  code: StageErrorCode;
  message: string;
}

export type StageCheck = { ok: true; value: NormalisedChange } | { ok: false; errors: StageError[] };

function stageError(field: string, code: StageErrorCode): StageError {
  return { field, code, message: FIELD_MESSAGES[code] };
}

/** Whether a value is one of the lead stages: `isLeadStage('mql')` → true. */
export function isLeadStage(value: unknown): value is LeadStage {
  return (LEAD_STAGES as readonly unknown[]).includes(value);
}

/** Whether a lead in this stage is still being worked: `isOpenStage('sql')` → true. */
export function isOpenStage(stage: LeadStage): stage is OpenStage {
  return (OPEN_STAGES as readonly string[]).includes(stage);
}

function isDisqualifyReason(value: string): value is DisqualifyReason {
  return (DISQUALIFY_REASONS as readonly string[]).includes(value);
}

/** A trimmed optional text, null when blank. */
function text(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function checkTarget(current: LeadStage, target: unknown): StageError[] {
  if (current === 'converted') return [stageError('stage', 'lead_converted')];
  if (!isLeadStage(target)) return [stageError('stage', 'invalid_value')];
  if (target === current) return [stageError('stage', 'same_stage')];
  if (target === 'converted') return [stageError('stage', 'converted_by_pipeline')];
  return [];
}

type Disqualification = Pick<NormalisedChange, 'disqualifyReason' | 'disqualifyNote'>;

function checkDisqualify(change: StageChange, errors: StageError[]): Disqualification {
  const reason = text(change.reason);
  const note = text(change.reasonText);
  if (reason === null) errors.push(stageError('reason', 'required'));
  else if (!isDisqualifyReason(reason)) errors.push(stageError('reason', 'invalid_value'));
  else if (reason === 'other' && note === null) errors.push(stageError('reasonText', 'required'));
  if (note !== null && note.length > MAX_REASON_TEXT_LENGTH)
    errors.push(stageError('reasonText', 'too_long'));
  return {
    disqualifyReason: reason !== null && isDisqualifyReason(reason) ? reason : null,
    disqualifyNote: note,
  };
}

function checkPark(
  change: StageChange,
  today: string,
  errors: StageError[],
): Pick<NormalisedChange, 'revisitOn'> {
  const revisitOn = text(change.revisitOn);
  if (revisitOn === null) errors.push(stageError('revisitOn', 'required'));
  else if (!isCalendarDate(revisitOn)) errors.push(stageError('revisitOn', 'invalid_format'));
  else if (revisitOn <= today) errors.push(stageError('revisitOn', 'not_in_future'));
  return { revisitOn };
}

function checkCompetitor(change: StageChange, errors: StageError[]): string | null {
  const competitor = text(change.competitor);
  if (competitor !== null && competitor.length > MAX_COMPETITOR_LENGTH) {
    errors.push(stageError('competitor', 'too_long'));
  }
  return competitor;
}

/**
 * Checks a manual stage change of a lead in `current` on `today` (YYYY-MM-DD) and returns what to
 * store, or every field error at once. Open stages move freely either way; disqualifying needs a
 * reason (and text for `other`); parking needs a future revisit date and may name the competitor
 * who won; `converted` belongs to the pipeline. Fields that do not apply to the new stage are
 * ignored and stored as null. Example: `checkStageChange('parked', { stage: 'mql' }, today)` →
 * `{ ok: true, value: { stage: 'mql', …nulls, reopened: true } }`.
 */
export function checkStageChange(current: LeadStage, change: StageChange, today: string): StageCheck {
  const errors = checkTarget(current, change.stage);
  if (errors.length > 0) return { ok: false, errors };
  const { stage } = change;
  const value: NormalisedChange = {
    stage,
    disqualifyReason: null,
    disqualifyNote: null,
    revisitOn: null,
    competitor: null,
    ...(stage === 'disqualified' && checkDisqualify(change, errors)),
    ...(stage === 'parked' && checkPark(change, today, errors)),
    ...((stage === 'disqualified' || stage === 'parked') && { competitor: checkCompetitor(change, errors) }),
    reopened: !isOpenStage(current) && isOpenStage(stage),
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** Whether a parked lead belongs in the "to revisit" queue on `today`: its revisit date has come. */
export function isDueForRevisit(
  lead: { stage: LeadStage; revisitOn: string | null },
  today: string,
): boolean {
  return lead.stage === 'parked' && lead.revisitOn !== null && lead.revisitOn <= today;
}

export interface StageHistoryEntry {
  /** ISO 8601 instant of the change. */
  at: string;
  from: LeadStage | null;
  to: LeadStage;
}

function instant(at: string): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 instant: ${at}`);
  return ms;
}

/**
 * Milliseconds a lead spent in each stage, from its stage history up to `until` (an ISO instant,
 * usually now), for KPIs. Each entry's `to` stage lasts until the next entry; the order of the
 * input does not matter. Example: `timeInStages([{ at: '2026-03-01T00:00:00Z', from: null,
 * to: 'suspect' }], '2026-03-01T01:00:00Z')` → `{ suspect: 3_600_000 }`.
 */
export function timeInStages(
  history: readonly StageHistoryEntry[],
  until: string,
): Partial<Record<LeadStage, number>> {
  const entries = history
    .map((entry) => ({ to: entry.to, ms: instant(entry.at) }))
    .sort((a, b) => a.ms - b.ms);
  const end = instant(until);
  const totals: Partial<Record<LeadStage, number>> = {};
  entries.forEach((entry, index) => {
    const next = entries[index + 1]?.ms ?? end;
    // why the clamp: an `until` before the last change (clock skew) must not subtract time.
    const spent = Math.max(0, Math.min(next, end) - entry.ms);
    totals[entry.to] = (totals[entry.to] ?? 0) + spent;
  });
  return totals;
}
