import { isLeadStage, type LeadStage, type StageHistoryEntry, timeInStages } from './stages.js';

/** One change of a lead's history as the API lists it (stage, owner or temperature). */
export interface LeadChange {
  at: string;
  field: string;
  from: string | null;
  to: string | null;
}

/** How long a lead has been in one stage, all visits together; `current` marks where it is now. */
export interface StageDuration {
  stage: LeadStage;
  ms: number;
  current: boolean;
}

function stageEntries(history: readonly LeadChange[]): StageHistoryEntry[] {
  return history.flatMap((change) =>
    change.field === 'stage' && isLeadStage(change.to)
      ? [{ at: change.at, from: isLeadStage(change.from) ? change.from : null, to: change.to }]
      : [],
  );
}

/**
 * Time in each stage a lead has reached, in the order it first reached them, the current stage
 * counted up to `until` (an ISO instant, usually now). Owner and temperature changes are skipped.
 * Example: `stageDurations([{ at: '2026-03-01T08:00:00Z', field: 'stage', from: null,
 * to: 'suspect' }], '2026-03-01T09:00:00Z')` → `[{ stage: 'suspect', ms: 3_600_000, current: true }]`.
 */
export function stageDurations(history: readonly LeadChange[], until: string): StageDuration[] {
  const entries = stageEntries(history).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const totals = timeInStages(entries, until);
  const current = entries.at(-1)?.to;
  const order = [...new Set(entries.map((entry) => entry.to))];
  return order.map((stage) => ({ stage, ms: totals[stage] ?? 0, current: stage === current }));
}

/** A unit a duration is told in, named as `Intl.NumberFormat` names it. */
export type DurationUnit = 'day' | 'hour' | 'minute';

const UNITS: readonly [DurationUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * A duration as its two largest whole units, the smaller left out when zero; empty under a
 * minute. Example: `durationParts(98_100_000)` → `[{ unit: 'day', value: 1 }, { unit: 'hour', value: 3 }]`.
 */
export function durationParts(ms: number): { unit: DurationUnit; value: number }[] {
  const first = UNITS.findIndex(([, size]) => ms >= size);
  const big = UNITS[first];
  if (!big) return [];
  const parts = [{ unit: big[0], value: Math.floor(ms / big[1]) }];
  const small = UNITS[first + 1];
  const rest = small ? Math.floor((ms % big[1]) / small[1]) : 0;
  if (small && rest > 0) parts.push({ unit: small[0], value: rest });
  return parts;
}
