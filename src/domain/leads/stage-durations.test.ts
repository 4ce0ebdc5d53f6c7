import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationParts, type LeadChange, type StageDuration, stageDurations } from './stage-durations.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const stage = (at: string, from: string | null, to: string): LeadChange => ({ at, field: 'stage', from, to });

describe('stageDurations', () => {
  const history: LeadChange[] = [
    stage('2026-03-01T08:00:00Z', null, 'suspect'),
    { at: '2026-03-01T08:00:00Z', field: 'owner', from: null, to: '0190-owner' },
    { at: '2026-03-01T08:00:00Z', field: 'temperature', from: null, to: 'warm' },
    stage('2026-03-01T10:00:00Z', 'suspect', 'mql'),
    stage('2026-03-01T13:00:00Z', 'mql', 'suspect'),
    { at: '2026-03-01T13:30:00Z', field: 'temperature', from: 'warm', to: 'hot' },
    stage('2026-03-01T14:00:00Z', 'suspect', 'mql'),
    stage('2026-03-02T08:00:00Z', 'mql', 'sql'),
  ];

  it.each<[string, LeadChange[], string, StageDuration[]]>([
    [
      'adds up repeated visits, in the order the stages were first reached, the current one up to now',
      history,
      '2026-03-02T09:00:00Z',
      [
        { stage: 'suspect', ms: 3 * hour, current: false },
        { stage: 'mql', ms: 21 * hour, current: false },
        { stage: 'sql', ms: hour, current: true },
      ],
    ],
    [
      'reads the history in any order',
      [...history].reverse(),
      '2026-03-02T09:00:00Z',
      [
        { stage: 'suspect', ms: 3 * hour, current: false },
        { stage: 'mql', ms: 21 * hour, current: false },
        { stage: 'sql', ms: hour, current: true },
      ],
    ],
    [
      'marks a stage visited before and reached again as current',
      history.slice(0, 5),
      '2026-03-01T15:00:00Z',
      [
        { stage: 'suspect', ms: 4 * hour, current: true },
        { stage: 'mql', ms: 3 * hour, current: false },
      ],
    ],
    ['gives nothing when the history has no stage entry', history.slice(1, 3), '2026-03-02T00:00:00Z', []],
    [
      'skips stages it does not know',
      [stage('2026-03-01T08:00:00Z', null, 'suspect'), stage('2026-03-01T09:00:00Z', 'suspect', 'won')],
      '2026-03-01T10:00:00Z',
      [{ stage: 'suspect', ms: 2 * hour, current: true }],
    ],
    [
      'never counts negative time when now is before the last change',
      history.slice(0, 4),
      '2026-03-01T09:00:00Z',
      [
        { stage: 'suspect', ms: hour, current: false },
        { stage: 'mql', ms: 0, current: true },
      ],
    ],
  ])('%s', (_name, changes, until, expected) => {
    expect(stageDurations(changes, until)).toEqual(expected);
  });

  it('adds up to the time from the first stage entry until now', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const entries = fc.array(
      fc.record({
        offset: fc.integer({ min: 0, max: 10 ** 10 }),
        to: fc.constantFrom('suspect', 'mql', 'sql', 'parked'),
      }),
      { minLength: 1, maxLength: 20 },
    );
    fc.assert(
      fc.property(entries, fc.integer({ min: 0, max: 10 ** 9 }), (raw, extra) => {
        const changes = raw.map((e) => stage(new Date(start + e.offset).toISOString(), null, e.to));
        const first = Math.min(...raw.map((e) => e.offset));
        const until = start + Math.max(...raw.map((e) => e.offset)) + extra;
        const durations = stageDurations(changes, new Date(until).toISOString());
        expect(durations.reduce((sum, d) => sum + d.ms, 0)).toBe(until - (start + first));
        expect(durations.filter((d) => d.current)).toHaveLength(1);
      }),
    );
  });
});

describe('durationParts', () => {
  it.each<[string, number, ReturnType<typeof durationParts>]>([
    ['nothing under a minute', 59_999, []],
    ['nothing for no time', 0, []],
    ['nothing for negative time', -hour, []],
    ['whole minutes', 5 * minute + 59_000, [{ unit: 'minute', value: 5 }]],
    [
      'hours and minutes',
      2 * hour + 7 * minute,
      [
        { unit: 'hour', value: 2 },
        { unit: 'minute', value: 7 },
      ],
    ],
    ['hours alone when the minutes are zero', 3 * hour + 30_000, [{ unit: 'hour', value: 3 }]],
    [
      'days and hours, minutes dropped',
      day + 3 * hour + 15 * minute,
      [
        { unit: 'day', value: 1 },
        { unit: 'hour', value: 3 },
      ],
    ],
    ['days alone when the hours are zero', 40 * day + 59 * minute, [{ unit: 'day', value: 40 }]],
  ])('%s', (_name, ms, expected) => {
    expect(durationParts(ms)).toEqual(expected);
  });
});
