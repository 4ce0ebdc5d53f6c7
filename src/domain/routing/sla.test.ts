import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  DEFAULT_CALENDAR,
  defaultTargets,
  firstResponseDue,
  instantOf,
  type WorkCalendar,
  wallClock,
  workingMinutesBetween,
} from './sla.js';

const VILNIUS: WorkCalendar = {
  timeZone: 'Europe/Vilnius',
  ...DEFAULT_CALENDAR,
  holidays: new Set(['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01']),
};
const local = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return instantOf(date, h * 60 + m, 'Europe/Vilnius');
};
const shown = (d: Date) => {
  const w = wallClock(d, 'Europe/Vilnius');
  const h = Math.floor(w.minutes / 60);
  const m = Math.round(w.minutes % 60);
  return `${w.date} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
};

describe('working time in Europe/Vilnius', () => {
  it('reads wall clocks across the summer-time change', () => {
    expect(local('2026-07-01', '09:00').toISOString()).toBe('2026-07-01T06:00:00.000Z'); // EEST, UTC+3
    expect(local('2026-11-02', '09:00').toISOString()).toBe('2026-11-02T07:00:00.000Z'); // EET, UTC+2
    expect(local('2026-03-29', '05:00').toISOString()).toBe('2026-03-29T02:00:00.000Z'); // the day clocks go forward
  });

  it.each([
    ['within the day', '2026-11-25', '10:00', 60, '2026-11-25 11:00'],
    ['over the evening', '2026-11-25', '16:30', 60, '2026-11-26 09:30'],
    ['over a weekend', '2026-11-27', '16:30', 60, '2026-11-30 09:30'],
    ['from a Saturday', '2026-11-28', '12:00', 60, '2026-11-30 10:00'],
    ['before opening', '2026-11-25', '07:00', 30, '2026-11-25 09:30'],
    ['over Christmas', '2026-12-23', '16:00', 120, '2026-12-28 10:00'],
    ['one working day', '2026-11-25', '13:00', 480, '2026-11-26 13:00'],
    ['three working days over a weekend', '2026-11-26', '11:00', 1440, '2026-12-01 11:00'],
    ['over the autumn change (Sunday 25 October)', '2026-10-23', '16:30', 60, '2026-10-26 09:30'],
    ['over the spring change (Sunday 29 March)', '2026-03-27', '16:00', 120, '2026-03-30 10:00'],
  ])('%s: %s %s + %i min → %s', (_, date, time, minutes, expected) => {
    expect(shown(addWorkingMinutes(local(date, time), minutes, VILNIUS))).toBe(expected);
  });

  it('the day after the autumn change is a whole working day in UTC too (one hour later than before it)', () => {
    const friday = addWorkingMinutes(local('2026-10-23', '09:00'), 0, VILNIUS);
    const monday = addWorkingMinutes(local('2026-10-23', '17:00'), 0, VILNIUS);
    expect(friday.toISOString()).toBe('2026-10-23T06:00:00.000Z');
    expect(addWorkingMinutes(monday, 1, VILNIUS).toISOString()).toBe('2026-10-26T07:01:00.000Z');
  });

  it('targets: hot 1 working hour, warm 1 working day, cold 3', () => {
    const targets = defaultTargets(VILNIUS);
    expect(targets).toEqual({ hot: 60, warm: 480, cold: 1440 });
    const friday = local('2026-11-27', '15:00');
    expect(shown(firstResponseDue(friday, 'hot', VILNIUS, targets))).toBe('2026-11-27 16:00');
    expect(shown(firstResponseDue(friday, 'warm', VILNIUS, targets))).toBe('2026-11-30 15:00');
    expect(shown(firstResponseDue(friday, 'cold', VILNIUS, targets))).toBe('2026-12-02 15:00');
  });

  it('adding then measuring gives the minutes back, and due times never fall outside working hours (property)', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 24 * 60 }),
        fc.integer({ min: 1, max: 5000 }),
        (offset, minutes) => {
          const from = new Date(start + offset * 60_000);
          const due = addWorkingMinutes(from, minutes, VILNIUS);
          expect(workingMinutesBetween(from, due, VILNIUS)).toBe(minutes);
          const w = wallClock(due, 'Europe/Vilnius');
          expect(w.minutes).toBeGreaterThan(VILNIUS.dayStart);
          expect(w.minutes).toBeLessThanOrEqual(VILNIUS.dayEnd);
          expect(VILNIUS.workdays).toContain(w.weekday);
          expect(VILNIUS.holidays.has(w.date)).toBe(false);
          expect(due.getTime()).toBeGreaterThan(from.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });
});
