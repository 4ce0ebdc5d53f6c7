import { type FieldError, fieldError } from '../errors/app-error.js';
/** When the lead means to buy: now, by a calendar date, or not said. */
export type Timeframe = { kind: 'now' } | { kind: 'date'; date: string /* YYYY-MM-DD */ } | null;

export const TEMPERATURES = ['hot', 'warm', 'cold'] as const;
export type Temperature = (typeof TEMPERATURES)[number];

/** How many days ahead a purchase date still makes a lead hot, then warm. Admin settings. */
export interface TemperatureSettings {
  hotWithinDays: number;
  warmWithinDays: number;
}

export const DEFAULT_TEMPERATURE: TemperatureSettings = { hotWithinDays: 14, warmWithinDays: 61 };

/** The last purchase dates that are still hot and still warm (or hot); later dates are cold. */
export interface TemperatureBounds {
  hotUntil: string;
  warmUntil: string;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function utcMs(date: string): number | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const value = new Date(0);
  // why setUTCFullYear: Date.UTC reads years 0–99 as 1900–1999.
  value.setUTCFullYear(year, month - 1, day);
  const roundTrips = value.getUTCFullYear() === year && value.getUTCMonth() === month - 1;
  return roundTrips && value.getUTCDate() === day ? value.getTime() : null;
}

function formatUtc(ms: number): string {
  const value = new Date(ms);
  const year = String(value.getUTCFullYear()).padStart(4, '0');
  const month = String(value.getUTCMonth() + 1).padStart(2, '0');
  const day = String(value.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** Whether a string is a real calendar date as YYYY-MM-DD: `isCalendarDate('2026-02-29')` → false. */
export function isCalendarDate(value: string): boolean {
  return utcMs(value) !== null;
}

/** A YYYY-MM-DD date plus whole days (UTC, no zone drift): `addDays('2026-03-28', 2)` → `'2026-03-30'`. */
export function addDays(date: string, days: number): string {
  const ms = utcMs(date);
  if (ms === null) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  return formatUtc(ms + days * DAY_MS);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: making one costs ~0.5 ms, far more than using it. */
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/**
 * The calendar date at `now` in an IANA time zone (throws RangeError for an unknown zone).
 * Example: `todayIn('Europe/Vilnius', new Date('2026-03-29T22:30:00Z'))` → `'2026-03-30'`.
 */
export function todayIn(timeZone: string, now: Date): string {
  const parts = dayFormat(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** How far a zone's wall clock is ahead of UTC at an instant, in ms (whole seconds). */
function zoneOffsetMs(timeZone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = new Date(0);
  wall.setUTCFullYear(part('year'), part('month') - 1, part('day'));
  wall.setUTCHours(part('hour'), part('minute'), part('second'));
  return wall.getTime() - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant (ISO 8601, UTC) a calendar day begins in a time zone, so "created on 27 November" in
 * Vilnius means from 22:00 UTC the evening before. Example:
 * `dayStartIn('Europe/Vilnius', '2026-11-27')` → `'2026-11-26T22:00:00.000Z'`.
 */
export function dayStartIn(timeZone: string, date: string): string {
  const midnight = utcMs(date);
  if (midnight === null) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const first = zoneOffsetMs(timeZone, midnight);
  let start = midnight - first;
  const second = zoneOffsetMs(timeZone, start);
  if (second !== first) start = midnight - second;
  return new Date(start).toISOString();
}

/**
 * Reads a timeframe as the API sends it: `'now'`, a `'YYYY-MM-DD'` calendar date or null. Returns
 * the timeframe or an error code for the field (`'invalid_type'` | `'invalid_format'`).
 * Example: `parseTimeframe('2026-05-01')` → `{ kind: 'date', date: '2026-05-01' }`.
 */
export function parseTimeframe(value: unknown): Timeframe | 'invalid_type' | 'invalid_format' {
  if (value === null) return null;
  if (typeof value !== 'string') return 'invalid_type';
  const trimmed = value.trim();
  if (trimmed.toLowerCase() === 'now') return { kind: 'now' };
  return isCalendarDate(trimmed) ? { kind: 'date', date: trimmed } : 'invalid_format';
}

/**
 * The last dates still hot and still warm-or-hot seen from `today`, so a query can filter on the
 * stored purchase date instead of a stored temperature (which would go stale as the calendar
 * moves). `warmUntil` is never before `hotUntil`. Example: `temperatureBounds('2026-03-01')` →
 * `{ hotUntil: '2026-03-15', warmUntil: '2026-05-01' }`.
 */
export function temperatureBounds(
  today: string,
  settings: TemperatureSettings = DEFAULT_TEMPERATURE,
): TemperatureBounds {
  const hotUntil = addDays(today, settings.hotWithinDays);
  const warmUntil = addDays(today, Math.max(settings.hotWithinDays, settings.warmWithinDays));
  return { hotUntil, warmUntil };
}

/**
 * A lead's temperature on `today` (a date in the organisation's zone): `now` or a date up to
 * `hotWithinDays` ahead is hot (a past date too: they wanted it already), up to `warmWithinDays`
 * warm, later or unknown cold. Example: `temperatureOf({ kind: 'now' }, '2026-03-01')` → `'hot'`.
 */
export function temperatureOf(
  timeframe: Timeframe,
  today: string,
  settings: TemperatureSettings = DEFAULT_TEMPERATURE,
): Temperature {
  if (timeframe === null) return 'cold';
  if (timeframe.kind === 'now') return 'hot';
  const { hotUntil, warmUntil } = temperatureBounds(today, settings);
  // YYYY-MM-DD strings order like the dates they name.
  if (timeframe.date <= hotUntil) return 'hot';
  return timeframe.date <= warmUntil ? 'warm' : 'cold';
}

/**
 * Which stored timeframes have a temperature, as a filter the repository turns into SQL: kind
 * `now` when `includesNow`, no timeframe when `includesNone`, and dates with
 * `after < date <= until` (a null bound is open). Example: `timeframeFilterFor('warm', bounds)` →
 * `{ includesNow: false, includesNone: false, after: bounds.hotUntil, until: bounds.warmUntil }`.
 */
export function timeframeFilterFor(
  temperature: Temperature,
  bounds: TemperatureBounds,
): { includesNow: boolean; includesNone: boolean; after: string | null; until: string | null } {
  switch (temperature) {
    case 'hot':
      return { includesNow: true, includesNone: false, after: null, until: bounds.hotUntil };
    case 'warm':
      return { includesNow: false, includesNone: false, after: bounds.hotUntil, until: bounds.warmUntil };
    case 'cold':
      return { includesNow: false, includesNone: true, after: bounds.warmUntil, until: null };
  }
}

/** The longest a purchase date may stay hot or warm ahead, in days (two years). */
export const MAX_TEMPERATURE_DAYS = 730;

/**
 * What is wrong with temperature thresholds an admin sends, field by field: whole days from 0 to
 * 730, and the warm window not shorter than the hot one.
 * Example: `temperatureSettingsProblems({ hotWithinDays: 30, warmWithinDays: 10 })` →
 * `[{ field: 'warmWithinDays', code: 'out_of_range', … }]`.
 */
export function temperatureSettingsProblems(s: TemperatureSettings): FieldError[] {
  const problems: FieldError[] = [];
  const valid = (n: number) => Number.isInteger(n) && n >= 0 && n <= MAX_TEMPERATURE_DAYS;
  if (!valid(s.hotWithinDays)) problems.push(fieldError('hotWithinDays', 'out_of_range'));
  if (!valid(s.warmWithinDays) || s.warmWithinDays < s.hotWithinDays)
    problems.push(fieldError('warmWithinDays', 'out_of_range'));
  return problems;
}
