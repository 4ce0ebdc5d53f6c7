import { addDays, type Temperature } from '../leads/temperature.js';

/**
 * Speed-to-lead (issue #5 §5): first-response targets counted in working time — the owner's time
 * zone, working days and hours, public holidays skipped — so a hot lead arriving on Friday at 16:30
 * is due on Monday at 09:30, and the change to or from summer time moves nothing.
 */
export interface WorkCalendar {
  timeZone: string;
  /** ISO weekdays worked: 1 Monday … 7 Sunday. */
  workdays: readonly number[];
  /** Minutes after midnight, local: 9:00 → 540. */
  dayStart: number;
  dayEnd: number;
  /** Local dates (YYYY-MM-DD) not worked. */
  holidays: ReadonlySet<string>;
}

/** First-response targets in working minutes (defaults: hot 1 working hour, warm 1 working day, cold 3). */
export type SlaTargets = Record<Temperature, number>;

export const DEFAULT_CALENDAR = { workdays: [1, 2, 3, 4, 5], dayStart: 9 * 60, dayEnd: 17 * 60 } as const;

export function defaultTargets(calendar: Pick<WorkCalendar, 'dayStart' | 'dayEnd'>): SlaTargets {
  const day = calendar.dayEnd - calendar.dayStart;
  return { hot: 60, warm: day, cold: 3 * day };
}

const MINUTE = 60_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formats.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** An instant as the wall clock of a time zone shows it. */
export function wallClock(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    format(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const minutes = Number(parts.hour) * 60 + Number(parts.minute) + Number(parts.second) / 60;
  return { date, minutes, weekday: WEEKDAYS[parts.weekday as string] as number };
}

/** The instant a time zone's wall clock shows `minutes` after midnight of `date` (the later one in a repeated hour). */
export function instantOf(date: string, minutes: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d) + minutes * MINUTE;
  let guess = asUtc;
  // two corrections settle on the offset in force at that wall time (it differs across a change)
  for (let i = 0; i < 2; i++) {
    const shown = wallClock(new Date(guess), timeZone);
    const [sy, sm, sd] = shown.date.split('-').map(Number) as [number, number, number];
    const shownUtc = Date.UTC(sy, sm - 1, sd) + Math.round(shown.minutes) * MINUTE;
    guess += asUtc - shownUtc;
  }
  return new Date(guess);
}

function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

function worked(date: string, cal: WorkCalendar): boolean {
  return cal.workdays.includes(weekdayOf(date)) && !cal.holidays.has(date);
}

/**
 * The instant `minutes` of working time after `from`: time outside working hours, on days off and
 * on holidays does not count. A start outside hours counts from the next opening.
 */
export function addWorkingMinutes(from: Date, minutes: number, cal: WorkCalendar): Date {
  const start = wallClock(from, cal.timeZone);
  let date = start.date;
  let at = Math.max(start.minutes, cal.dayStart);
  let left = minutes;
  for (let guard = 0; guard < 3660; guard++) {
    if (worked(date, cal) && at < cal.dayEnd) {
      const room = cal.dayEnd - at;
      if (left <= room) return instantOf(date, at + left, cal.timeZone);
      left -= room;
    }
    date = addDays(date, 1);
    at = cal.dayStart;
  }
  throw new Error('no working time in ten years: check the calendar');
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, cal: WorkCalendar): number {
  if (to <= from) return 0;
  const a = wallClock(from, cal.timeZone);
  const b = wallClock(to, cal.timeZone);
  let total = 0;
  let date = a.date;
  for (let guard = 0; guard < 3660; guard++) {
    if (worked(date, cal)) {
      const open = date === a.date ? Math.max(a.minutes, cal.dayStart) : cal.dayStart;
      const close = date === b.date ? Math.min(b.minutes, cal.dayEnd) : cal.dayEnd;
      if (close > open) total += close - open;
    }
    if (date === b.date) return Math.round(total);
    date = addDays(date, 1);
  }
  return Math.round(total);
}

/** When a lead assigned at `assignedAt` must have had its first contact, by its temperature. */
export function firstResponseDue(
  assignedAt: Date,
  temperature: Temperature,
  cal: WorkCalendar,
  targets: SlaTargets,
): Date {
  return addWorkingMinutes(assignedAt, targets[temperature], cal);
}
