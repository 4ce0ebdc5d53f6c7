import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkStageChange,
  DISQUALIFY_REASONS,
  isDueForRevisit,
  LEAD_STAGES,
  type LeadStage,
  type NormalisedChange,
  OPEN_STAGES,
  type StageChange,
  type StageHistoryEntry,
  timeInStages,
} from './stages.js';

const today = '2026-03-01';
const cleared = { disqualifyReason: null, disqualifyNote: null, revisitOn: null, competitor: null };

function errorsOf(current: LeadStage, change: StageChange): [string, string][] {
  const result = checkStageChange(current, change, today);
  return result.ok ? [] : result.errors.map((e) => [e.field, e.code]);
}

describe('checkStageChange refusals', () => {
  it.each<[string, LeadStage, StageChange, [string, string][]]>([
    ['moving to the same stage', 'mql', { stage: 'mql' }, [['stage', 'same_stage']]],
    [
      'parking a parked lead again',
      'parked',
      { stage: 'parked', revisitOn: '2026-06-01' },
      [['stage', 'same_stage']],
    ],
    ['converting by hand', 'sql', { stage: 'converted' }, [['stage', 'converted_by_pipeline']]],
    ['moving a converted lead', 'converted', { stage: 'sql' }, [['stage', 'lead_converted']]],
    [
      'disqualifying a converted lead',
      'converted',
      { stage: 'disqualified', reason: 'spam' },
      [['stage', 'lead_converted']],
    ],
    ['an unknown stage', 'mql', { stage: 'won' as LeadStage }, [['stage', 'invalid_value']]],
    ['disqualifying without a reason', 'mql', { stage: 'disqualified' }, [['reason', 'required']]],
    [
      'disqualifying with a blank reason',
      'mql',
      { stage: 'disqualified', reason: '  ' },
      [['reason', 'required']],
    ],
    [
      'disqualifying with an unknown reason',
      'mql',
      { stage: 'disqualified', reason: 'rude' },
      [['reason', 'invalid_value']],
    ],
    [
      'reason "other" without text',
      'mql',
      { stage: 'disqualified', reason: 'other' },
      [['reasonText', 'required']],
    ],
    [
      'reason "other" with blank text',
      'mql',
      { stage: 'disqualified', reason: 'other', reasonText: ' ' },
      [['reasonText', 'required']],
    ],
    [
      'a reason text that is too long',
      'mql',
      { stage: 'disqualified', reason: 'other', reasonText: 'x'.repeat(2_001) },
      [['reasonText', 'too_long']],
    ],
    ['parking without a revisit date', 'sql', { stage: 'parked' }, [['revisitOn', 'required']]],
    [
      'parking with a blank revisit date',
      'sql',
      { stage: 'parked', revisitOn: '' },
      [['revisitOn', 'required']],
    ],
    [
      'parking with a malformed date',
      'sql',
      { stage: 'parked', revisitOn: '1 June' },
      [['revisitOn', 'invalid_format']],
    ],
    [
      'parking until a date that does not exist',
      'sql',
      { stage: 'parked', revisitOn: '2026-02-30' },
      [['revisitOn', 'invalid_format']],
    ],
    ['parking until today', 'sql', { stage: 'parked', revisitOn: today }, [['revisitOn', 'not_in_future']]],
    [
      'parking until a past date',
      'sql',
      { stage: 'parked', revisitOn: '2025-12-01' },
      [['revisitOn', 'not_in_future']],
    ],
    [
      'a competitor name over 200 characters',
      'sql',
      { stage: 'parked', revisitOn: '2026-06-01', competitor: 'c'.repeat(201) },
      [['competitor', 'too_long']],
    ],
    [
      'several problems at once',
      'sql',
      { stage: 'parked', revisitOn: 'soon', competitor: 'c'.repeat(201) },
      [
        ['revisitOn', 'invalid_format'],
        ['competitor', 'too_long'],
      ],
    ],
  ])('refuses %s', (_name, current, change, expected) => {
    expect(errorsOf(current, change)).toEqual(expected);
  });

  it('gives every refusal a message', () => {
    const result = checkStageChange('mql', { stage: 'mql' }, today);
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'stage', code: 'same_stage', message: 'is already the stage of this lead' }],
    });
  });
});

describe('checkStageChange acceptances', () => {
  it.each<[string, LeadStage, StageChange, NormalisedChange]>([
    ['suspect → mql', 'suspect', { stage: 'mql' }, { stage: 'mql', ...cleared, reopened: false }],
    ['mql → sql', 'mql', { stage: 'sql' }, { stage: 'sql', ...cleared, reopened: false }],
    [
      'sql back to suspect: manual changes win',
      'sql',
      { stage: 'suspect' },
      { stage: 'suspect', ...cleared, reopened: false },
    ],
    ['suspect straight to sql', 'suspect', { stage: 'sql' }, { stage: 'sql', ...cleared, reopened: false }],
    [
      'disqualifying with a reason',
      'mql',
      { stage: 'disqualified', reason: 'no_budget' },
      { stage: 'disqualified', ...cleared, disqualifyReason: 'no_budget', reopened: false },
    ],
    [
      'disqualifying as "other" with trimmed text',
      'suspect',
      { stage: 'disqualified', reason: ' other ', reasonText: '  moved abroad ' },
      {
        stage: 'disqualified',
        ...cleared,
        disqualifyReason: 'other',
        disqualifyNote: 'moved abroad',
        reopened: false,
      },
    ],
    [
      'parking with a future date and a competitor',
      'sql',
      { stage: 'parked', revisitOn: '2026-09-01', competitor: '  Rival UAB ' },
      { stage: 'parked', ...cleared, revisitOn: '2026-09-01', competitor: 'Rival UAB', reopened: false },
    ],
    [
      'parking tomorrow without a competitor',
      'mql',
      { stage: 'parked', revisitOn: '2026-03-02', competitor: ' ' },
      { stage: 'parked', ...cleared, revisitOn: '2026-03-02', reopened: false },
    ],
    [
      'parking a disqualified lead (not a reopen)',
      'disqualified',
      { stage: 'parked', revisitOn: '2026-06-01' },
      { stage: 'parked', ...cleared, revisitOn: '2026-06-01', reopened: false },
    ],
    [
      'reopening a disqualified lead, dropping its reason',
      'disqualified',
      { stage: 'mql', reason: 'spam' },
      { stage: 'mql', ...cleared, reopened: true },
    ],
    [
      'reopening a parked lead, dropping its revisit date and competitor',
      'parked',
      { stage: 'suspect', revisitOn: '2026-06-01', competitor: 'Rival' },
      { stage: 'suspect', ...cleared, reopened: true },
    ],
    [
      'ignoring a revisit date when disqualifying',
      'sql',
      { stage: 'disqualified', reason: 'no_need', revisitOn: '2026-06-01' },
      { stage: 'disqualified', ...cleared, disqualifyReason: 'no_need', reopened: false },
    ],
  ])('accepts %s', (_name, current, change, expected) => {
    expect(checkStageChange(current, change, today)).toEqual({ ok: true, value: expected });
  });

  it.each(DISQUALIFY_REASONS.filter((reason) => reason !== 'other'))(
    'accepts reason %s without text',
    (reason) => {
      expect(checkStageChange('mql', { stage: 'disqualified', reason }, today).ok).toBe(true);
    },
  );

  it('allows any move between different open stages', () => {
    for (const from of OPEN_STAGES) {
      for (const to of OPEN_STAGES) {
        if (from !== to) expect(checkStageChange(from, { stage: to }, today).ok).toBe(true);
      }
    }
  });

  it('reopens exactly when a closed lead returns to an open stage', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LEAD_STAGES), fc.constantFrom(...OPEN_STAGES), (current, stage) => {
        const result = checkStageChange(current, { stage }, today);
        if (result.ok) {
          expect(result.value.reopened).toBe(current === 'disqualified' || current === 'parked');
          expect(result.value).toMatchObject(cleared);
        }
      }),
    );
  });
});

describe('isDueForRevisit', () => {
  it.each<[LeadStage, string | null, boolean]>([
    ['parked', '2026-03-01', true],
    ['parked', '2026-02-01', true],
    ['parked', '2026-03-02', false],
    ['parked', null, false],
    ['mql', '2026-02-01', false],
    ['disqualified', '2026-02-01', false],
  ])('a %s lead to revisit on %s is due: %s', (stage, revisitOn, expected) => {
    expect(isDueForRevisit({ stage, revisitOn }, today)).toBe(expected);
  });
});

describe('timeInStages', () => {
  const hour = 3_600_000;
  const history: StageHistoryEntry[] = [
    { at: '2026-03-01T08:00:00Z', from: null, to: 'suspect' },
    { at: '2026-03-01T10:00:00Z', from: 'suspect', to: 'mql' },
    { at: '2026-03-01T13:00:00Z', from: 'mql', to: 'suspect' },
    { at: '2026-03-01T14:00:00Z', from: 'suspect', to: 'mql' },
    { at: '2026-03-02T08:00:00Z', from: 'mql', to: 'sql' },
  ];

  it.each<[string, StageHistoryEntry[], string, Partial<Record<LeadStage, number>>]>([
    [
      'adds up repeated visits to a stage',
      history,
      '2026-03-02T09:00:00Z',
      { suspect: 3 * hour, mql: 21 * hour, sql: hour },
    ],
    [
      'reads the history in any order',
      [...history].reverse(),
      '2026-03-02T09:00:00Z',
      { suspect: 3 * hour, mql: 21 * hour, sql: hour },
    ],
    [
      'counts the current stage up to until',
      history.slice(0, 1),
      '2026-03-01T08:30:00Z',
      { suspect: hour / 2 },
    ],
    ['gives nothing for no history', [], '2026-03-01T08:00:00Z', {}],
    [
      'never counts negative time when until is early',
      history.slice(0, 2),
      '2026-03-01T09:00:00Z',
      { suspect: hour, mql: 0 },
    ],
    [
      'reads instants with offsets',
      [{ at: '2026-03-01T10:00:00+02:00', from: null, to: 'parked' }],
      '2026-03-01T09:00:00Z',
      { parked: hour },
    ],
  ])('%s', (_name, entries, until, expected) => {
    expect(timeInStages(entries, until)).toEqual(expected);
  });

  it('refuses a history entry that is not an instant', () => {
    expect(() => timeInStages([{ at: 'yesterday', from: null, to: 'mql' }], '2026-03-01T00:00:00Z')).toThrow(
      RangeError,
    );
  });

  it('sums to the time from the first entry until the end', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const entries = fc.array(
      fc.record({ offset: fc.integer({ min: 0, max: 10 ** 10 }), to: fc.constantFrom(...LEAD_STAGES) }),
      { minLength: 1, maxLength: 20 },
    );
    fc.assert(
      fc.property(entries, fc.integer({ min: 0, max: 10 ** 9 }), (raw, extra) => {
        const history = raw.map((e) => ({
          at: new Date(start + e.offset).toISOString(),
          from: null,
          to: e.to,
        }));
        const first = Math.min(...raw.map((e) => e.offset));
        const last = Math.max(...raw.map((e) => e.offset));
        const until = start + last + extra;
        const totals = Object.values(timeInStages(history, new Date(until).toISOString()));
        expect(totals.reduce((sum, ms) => sum + ms, 0)).toBe(until - (start + first));
      }),
    );
  });
});
