import { addDays, todayIn } from '../../domain/leads/temperature';
import { displayTimeZone } from './format';

/**
 * Wall-clock times typed into `datetime-local` inputs mean the user's time zone, not the browser's:
 * a rep in Vilnius on a laptop set to UTC still schedules "09:00" as 09:00 Vilnius time.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(zone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at the instant `at` (ms). */
function offsetAt(zone: string, at: number): number {
  const parts = formatFor(zone).formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/** `'2026-03-02T09:00'` in Europe/Vilnius → `'2026-03-02T07:00:00.000Z'`; null when not a local date-time. */
export function localDateTimeToIso(local: string, zone: string = displayTimeZone()): string | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
  // why two passes: the offset at the guessed instant may differ across a daylight-saving change.
  const guess = wall - offsetAt(zone, wall);
  return new Date(wall - offsetAt(zone, guess)).toISOString();
}

/** Today's date (YYYY-MM-DD) in the user's time zone. */
export function todayLocal(zone: string = displayTimeZone()): string {
  return todayIn(zone, new Date());
}

/** A date-time value for `datetime-local` inputs: `days` from today at `time`, e.g. tomorrow 09:00. */
export function localDateTimeFromToday(days: number, time: string, zone: string = displayTimeZone()): string {
  return `${addDays(todayLocal(zone), days)}T${time}`;
}

/** An instant as a `datetime-local` value in the zone: `'2026-03-02T07:00:00Z'` in Vilnius → `'2026-03-02T09:00'`. */
export function isoToLocalDateTime(iso: string, zone: string = displayTimeZone()): string {
  const parts = formatFor(zone).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
