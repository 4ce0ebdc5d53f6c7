import { addDays, dayStartIn, todayIn } from '../leads/temperature.js';

/** The seeded lead source of a referred lead (db/migrations/seed-sources.ts). */
export const REFERRAL_SOURCE_KEY = 'customer_referral';

/** When, in the organisation's day, a thank-you task falls due. */
const DUE_HOUR = 9;
const HOUR_MS = 3_600_000;

/**
 * When the thank-you for a referral is due: 09:00 of the next working day (Monday to Friday) in the
 * organisation's time zone, as an ISO instant. A referral on Friday is thanked on Monday.
 * Example: `thankYouDueAt('Europe/Vilnius', new Date('2026-11-27T10:00:00Z'))` (a Friday) →
 * `'2026-11-30T07:00:00.000Z'`.
 */
export function thankYouDueAt(timeZone: string, now: Date): string {
  let day = addDays(todayIn(timeZone, now), 1);
  while (isWeekend(day)) day = addDays(day, 1);
  return new Date(Date.parse(dayStartIn(timeZone, day)) + DUE_HOUR * HOUR_MS).toISOString();
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * Whether a submission earns its referrer a credit: a live link whose person is not the one who
 * submitted (`referralEarned('p1', ['p2'])` → true; `referralEarned('p1', ['p1'])` → false).
 */
export function referralEarned(referrerId: string, submitterIds: readonly string[]): boolean {
  return !submitterIds.includes(referrerId);
}
