/**
 * Customers (issue #6 §5): satisfaction by NPS, who to ask for a referral, and when a renewal
 * needs a task. Dates are calendar days (YYYY-MM-DD); "today" comes in as an argument.
 */

export const PROMOTER_FROM = 9;
export const DETRACTOR_UP_TO = 6;

/** A survey answer: 0–10 inclusive, whole. */
export function isNpsScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10;
}

/**
 * Net Promoter Score of a set of answers: % promoters (9–10) − % detractors (0–6), as a whole
 * number from −100 to 100 (rounded half away from zero); null with no answers.
 */
export function netPromoterScore(scores: readonly number[]): {
  answers: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number | null;
} {
  let promoters = 0;
  let detractors = 0;
  for (const s of scores) {
    if (s >= PROMOTER_FROM) promoters++;
    else if (s <= DETRACTOR_UP_TO) detractors++;
  }
  const answers = scores.length;
  const passives = answers - promoters - detractors;
  if (answers === 0) return { answers, promoters, passives, detractors, nps: null };
  const raw = ((promoters - detractors) * 100) / answers;
  return { answers, promoters, passives, detractors, nps: Math.sign(raw) * Math.round(Math.abs(raw)) };
}

/** A satisfied customer is asked for a referral: an answer of 9 or 10 makes the task. */
export function asksForReferral(score: number): boolean {
  return score >= PROMOTER_FROM;
}

/** The calendar day `days` after (or before, negative) a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The day a renewal's task falls due: `aheadDays` before the renewal date — but never before today
 * (a renewal entered late gets its task at once).
 */
export function renewalTaskDue(renewalOn: string, aheadDays: number, today: string): string {
  const due = addDays(renewalOn, -aheadDays);
  return due < today ? today : due;
}
