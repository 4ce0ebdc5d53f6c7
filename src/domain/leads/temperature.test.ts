import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  DEFAULT_TEMPERATURE,
  dayStartIn,
  isCalendarDate,
  parseTimeframe,
  type Temperature,
  type TemperatureSettings,
  type Timeframe,
  temperatureBounds,
  temperatureOf,
  temperatureSettingsProblems,
  timeframeFilterFor,
  todayIn,
} from './temperature.js';

const today = '2026-03-01';
const on = (date: string): Timeframe => ({ kind: 'date', date });

/** Any date from 1970 to 2100, as YYYY-MM-DD. */
const anyDate = fc.integer({ min: 0, max: 47_000 }).map((days) => addDays('1970-01-01', days));
const anySettings = fc.record({
  hotWithinDays: fc.integer({ min: 0, max: 400 }),
  warmWithinDays: fc.integer({ min: 0, max: 400 }),
});
const anyTimeframe = fc.oneof(
  fc.constant<Timeframe>(null),
  fc.constant<Timeframe>({ kind: 'now' }),
  anyDate.map((date): Timeframe => ({ kind: 'date', date })),
);

describe('temperatureOf', () => {
  it.each<[string, Timeframe, Temperature]>([
    ['"now" is hot', { kind: 'now' }, 'hot'],
    ['no timeframe is cold', null, 'cold'],
    ['today is hot', on('2026-03-01'), 'hot'],
    ['a past date is hot: they wanted it already', on('2025-12-24'), 'hot'],
    ['14 days ahead is still hot', on('2026-03-15'), 'hot'],
    ['15 days ahead is warm', on('2026-03-16'), 'warm'],
    ['61 days ahead is still warm', on('2026-05-01'), 'warm'],
    ['62 days ahead is cold', on('2026-05-02'), 'cold'],
    ['next year is cold', on('2027-03-01'), 'cold'],
  ])('%s', (_name, timeframe, expected) => {
    expect(temperatureOf(timeframe, today)).toBe(expected);
  });

  it('warms up as the calendar nears the date, without any edit', () => {
    const timeframe = on('2026-06-30');
    expect(temperatureOf(timeframe, '2026-04-01')).toBe('cold');
    expect(temperatureOf(timeframe, '2026-05-15')).toBe('warm');
    expect(temperatureOf(timeframe, '2026-06-20')).toBe('hot');
  });

  it.each<[TemperatureSettings, string, Temperature]>([
    [{ hotWithinDays: 7, warmWithinDays: 30 }, '2026-03-08', 'hot'],
    [{ hotWithinDays: 7, warmWithinDays: 30 }, '2026-03-09', 'warm'],
    [{ hotWithinDays: 7, warmWithinDays: 30 }, '2026-04-01', 'cold'],
    [{ hotWithinDays: 0, warmWithinDays: 0 }, '2026-03-02', 'cold'],
    [{ hotWithinDays: 30, warmWithinDays: 10 }, '2026-03-20', 'hot'],
  ])('follows the thresholds in the settings (%o, %s → %s)', (settings, date, expected) => {
    expect(temperatureOf(on(date), today, settings)).toBe(expected);
  });
});

describe('temperatureBounds', () => {
  it('gives the last hot and warm dates with the default thresholds', () => {
    expect(temperatureBounds(today)).toEqual({ hotUntil: '2026-03-15', warmUntil: '2026-05-01' });
    expect(DEFAULT_TEMPERATURE).toEqual({ hotWithinDays: 14, warmWithinDays: 61 });
  });

  it('agrees with temperatureOf for any date, today and settings', () => {
    fc.assert(
      fc.property(anyDate, anyDate, anySettings, (date, day, settings) => {
        const { hotUntil, warmUntil } = temperatureBounds(day, settings);
        const expected = date <= hotUntil ? 'hot' : date <= warmUntil ? 'warm' : 'cold';
        expect(temperatureOf(on(date), day, settings)).toBe(expected);
      }),
    );
  });

  it('gives each timeframe exactly the filter of its own temperature', () => {
    fc.assert(
      fc.property(anyTimeframe, anyDate, anySettings, (timeframe, day, settings) => {
        const bounds = temperatureBounds(day, settings);
        const matching = (['hot', 'warm', 'cold'] as const).filter((temperature) => {
          const filter = timeframeFilterFor(temperature, bounds);
          if (timeframe === null) return filter.includesNone;
          if (timeframe.kind === 'now') return filter.includesNow;
          const { date } = timeframe;
          return (
            (filter.after === null || date > filter.after) && (filter.until === null || date <= filter.until)
          );
        });
        expect(matching).toEqual([temperatureOf(timeframe, day, settings)]);
      }),
    );
  });
});

describe('parseTimeframe', () => {
  it.each<[unknown, ReturnType<typeof parseTimeframe>]>([
    ['now', { kind: 'now' }],
    [' NOW ', { kind: 'now' }],
    ['2026-05-01', { kind: 'date', date: '2026-05-01' }],
    ['2028-02-29', { kind: 'date', date: '2028-02-29' }],
    [null, null],
    ['2026-02-29', 'invalid_format'],
    ['2026-13-01', 'invalid_format'],
    ['2026-04-31', 'invalid_format'],
    ['2026-5-1', 'invalid_format'],
    ['01/05/2026', 'invalid_format'],
    ['2026-05-01T10:00:00Z', 'invalid_format'],
    ['', 'invalid_format'],
    ['soon', 'invalid_format'],
    [undefined, 'invalid_type'],
    [20260501, 'invalid_type'],
    [{ kind: 'now' }, 'invalid_type'],
  ])('reads %o as %o', (value, expected) => {
    expect(parseTimeframe(value)).toEqual(expected);
  });
});

describe('addDays', () => {
  it.each<[string, number, string]>([
    ['2026-03-28', 2, '2026-03-30'],
    ['2026-10-24', 2, '2026-10-26'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-01', 0, '2026-03-01'],
    ['2026-03-01', 365, '2027-03-01'],
  ])('%s %+d days → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('refuses what is not a calendar date or a whole number of days', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-03-01', 1.5)).toThrow(RangeError);
  });

  it('undoes itself and always yields a calendar date', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -3_000, max: 3_000 }), (date, days) => {
        const moved = addDays(date, days);
        expect(isCalendarDate(moved)).toBe(true);
        expect(addDays(moved, -days)).toBe(date);
      }),
    );
  });
});

describe('todayIn', () => {
  it.each<[string, string, string]>([
    ['Europe/Vilnius', '2026-03-29T22:30:00Z', '2026-03-30'],
    ['Europe/Vilnius', '2026-03-29T20:59:59Z', '2026-03-29'],
    ['Europe/Vilnius', '2026-12-31T22:00:00Z', '2027-01-01'],
    ['UTC', '2026-03-29T22:30:00Z', '2026-03-29'],
    ['America/New_York', '2026-03-30T02:00:00Z', '2026-03-29'],
  ])('in %s at %s it is %s', (zone, instant, expected) => {
    expect(todayIn(zone, new Date(instant))).toBe(expected);
  });

  it('refuses an unknown time zone', () => {
    expect(() => todayIn('Mars/Olympus', new Date())).toThrow(RangeError);
  });
});

describe('temperatureSettingsProblems', () => {
  it.each<[number, number, string[]]>([
    [14, 61, []],
    [0, 0, []],
    [30, 30, []],
    [0, 730, []],
    [-1, 61, ['hotWithinDays']],
    [14.5, 61, ['hotWithinDays']],
    [14, 731, ['warmWithinDays']],
    [30, 10, ['warmWithinDays']],
    [800, 900, ['hotWithinDays', 'warmWithinDays']],
  ])('hot %d, warm %d → problems with %j', (hotWithinDays, warmWithinDays, fields) => {
    expect(temperatureSettingsProblems({ hotWithinDays, warmWithinDays }).map((p) => p.field)).toEqual(
      fields,
    );
  });

  it('moves the bounds with the settings', () => {
    expect(
      temperatureOf({ kind: 'date', date: '2026-04-01' }, '2026-03-01', {
        hotWithinDays: 31,
        warmWithinDays: 60,
      }),
    ).toBe('hot');
    expect(temperatureOf({ kind: 'date', date: '2026-04-01' }, '2026-03-01')).toBe('warm');
  });
});

describe('dayStartIn', () => {
  it.each([
    ['Europe/Vilnius', '2026-11-27', '2026-11-26T22:00:00.000Z'],
    ['Europe/Vilnius', '2026-07-01', '2026-06-30T21:00:00.000Z'],
    ['Europe/Vilnius', '2026-03-29', '2026-03-28T22:00:00.000Z'],
    ['Europe/Vilnius', '2026-03-30', '2026-03-29T21:00:00.000Z'],
    ['UTC', '2026-11-27', '2026-11-27T00:00:00.000Z'],
    ['America/New_York', '2026-11-27', '2026-11-27T05:00:00.000Z'],
    ['Asia/Kolkata', '2026-01-01', '2025-12-31T18:30:00.000Z'],
  ])('%s %s starts at %s', (zone, date, instant) => {
    expect(dayStartIn(zone, date)).toBe(instant);
  });

  it('refuses what is not a date', () => {
    expect(() => dayStartIn('UTC', '2026-02-30')).toThrow(RangeError);
  });
});
