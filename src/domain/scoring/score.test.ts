import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { behaviourOfActivity, behaviourOfEngagement, emailKind, factsNeeded } from './facts.js';
import {
  BEHAVIOURS,
  type FitRule,
  modelErrors,
  ruleErrors,
  type ScoreModel,
  type ScoringRule,
} from './rules.js';
import {
  carrySince,
  changeTouches,
  decayed,
  type LeadFacts,
  matches,
  qualify,
  scoreLead,
  stageMoves,
  targetStage,
} from './score.js';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

function model(rules: ScoringRule[], over: Partial<ScoreModel> = {}): ScoreModel {
  return {
    id: 'm1',
    nameLt: 'Balai',
    nameEn: 'Score',
    primary: true,
    mqlThreshold: 50,
    sqlThreshold: 100,
    totalCap: null,
    groupCaps: {},
    halfLifeDays: null,
    demoteOnDecay: false,
    rules,
    ...over,
  };
}

const fitRule = (
  id: string,
  field: string,
  operator: FitRule['operator'],
  value: FitRule['value'],
  points: number,
  group: string | null = null,
): FitRule => ({
  id,
  kind: 'fit',
  field,
  operator,
  value,
  points,
  group,
});

describe('matches', () => {
  it.each([
    ['equals', 'CEO', ' ceo ', true],
    ['equals', 'CEO', 'CTO', false],
    ['equals', 'Lietuva', ['Latvija', 'LIETUVA'], true],
    ['in', ['LT', 'LV'], 'lv', true],
    ['in', ['LT', 'LV'], 'EE', false],
    ['contains', 'direktor', 'Generalinė DIREKTORĖ', true],
    ['contains', 'direktor', null, false],
    ['range', { min: 50 }, '51-200', true],
    ['range', { min: 50, max: 100 }, 250, false],
    ['range', { max: 10 }, 'unknown', false],
    ['range', { min: 1, max: 3 }, ['0', '2'], true],
    ['empty', null, null, true],
    ['empty', null, '', true],
    ['empty', null, [], true],
    ['empty', null, 'x', false],
  ] as const)('%s %j against %j → %s', (operator, value, fact, expected) => {
    expect(matches({ operator, value: value as FitRule['value'] }, fact as never)).toBe(expected);
  });
});

describe('scoreLead', () => {
  it('adds fit points and explains each line', () => {
    const m = model([
      fitRule('r1', 'person.jobTitle', 'contains', 'director', 20),
      fitRule('r2', 'organisation.country', 'equals', 'LT', 10),
      fitRule('r3', 'email.kind', 'equals', 'free', -15),
    ]);
    const facts: LeadFacts = {
      fields: { 'person.jobTitle': 'Sales Director', 'organisation.country': 'LT', 'email.kind': 'free' },
      behaviours: [],
    };
    const r = scoreLead(facts, m, NOW);
    expect(r.total).toBe(15);
    expect(r.lines.map((l) => [l.ruleId, l.points])).toEqual([
      ['r1', 20],
      ['r2', 10],
      ['r3', -15],
    ]);
  });

  it('counts behaviour per occurrence, fading by the half-life', () => {
    const m = model([{ id: 'b1', kind: 'behaviour', behaviour: 'form_submitted', points: 40, group: null }], {
      halfLifeDays: 30,
    });
    const facts: LeadFacts = {
      fields: {},
      behaviours: [
        { behaviour: 'form_submitted', at: daysAgo(0) },
        { behaviour: 'form_submitted', at: daysAgo(30) },
        { behaviour: 'form_submitted', at: daysAgo(60) },
        { behaviour: 'chat', at: daysAgo(0) },
        { behaviour: 'form_submitted', at: daysAgo(-2) }, // still ahead: not counted
      ],
    };
    const r = scoreLead(facts, m, NOW);
    expect(r.total).toBe(70); // 40 + 20 + 10
    expect(r.lines[0]).toMatchObject({ ruleId: 'b1', count: 3, at: daysAgo(0) });
  });

  it('cuts a group and then the total to their caps with a cap line', () => {
    const m = model(
      [
        fitRule('a', 'lead.tags', 'in', ['vip'], 30, 'tags'),
        fitRule('b', 'lead.tags', 'in', ['event'], 30, 'tags'),
        fitRule('c', 'organisation.country', 'equals', 'LT', 50),
      ],
      { groupCaps: { tags: 40 }, totalCap: 80 },
    );
    const r = scoreLead(
      { fields: { 'lead.tags': ['vip', 'event'], 'organisation.country': 'LT' }, behaviours: [] },
      m,
      NOW,
    );
    expect(r.total).toBe(80);
    expect(r.lines.filter((l) => l.kind === 'cap').map((l) => [l.group, l.points])).toEqual([
      ['tags', -20],
      [null, -10],
    ]);
    expect(r.lines.reduce((s, l) => s + l.points, 0)).toBe(r.total);
  });

  const arbRule: fc.Arbitrary<ScoringRule> = fc.oneof(
    fc.record({
      id: fc.uuid(),
      kind: fc.constant('fit' as const),
      field: fc.constantFrom('lead.tags', 'organisation.country'),
      operator: fc.constant('in' as const),
      value: fc.subarray(['a', 'b', 'c', 'LT'], { minLength: 1 }),
      points: fc.integer({ min: -100, max: 100 }).filter((n) => n !== 0),
      group: fc.constantFrom(null, 'g1', 'g2'),
    }),
    fc.record({
      id: fc.uuid(),
      kind: fc.constant('behaviour' as const),
      behaviour: fc.constantFrom(...BEHAVIOURS),
      points: fc.integer({ min: -100, max: 100 }).filter((n) => n !== 0),
      group: fc.constantFrom(null, 'g1', 'g2'),
    }),
  );
  const arbFacts: fc.Arbitrary<LeadFacts> = fc.record({
    fields: fc.record({
      'lead.tags': fc.subarray(['a', 'b', 'c']),
      'organisation.country': fc.constantFrom('LT', 'LV', null),
    }),
    behaviours: fc.array(
      fc.record({
        behaviour: fc.constantFrom(...BEHAVIOURS),
        at: fc.integer({ min: 0, max: 400 }).map(daysAgo),
      }),
      { maxLength: 30 },
    ),
  });

  it('lines always add up to the total, and no cap is ever exceeded (property)', () => {
    fc.assert(
      fc.property(
        fc.array(arbRule, { maxLength: 12 }),
        arbFacts,
        fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
        fc.integer({ min: 1, max: 100 }),
        fc.option(fc.integer({ min: 1, max: 365 }), { nil: null }),
        (rules, facts, totalCap, g1Cap, halfLifeDays) => {
          const m = model(rules, { totalCap, groupCaps: { g1: g1Cap }, halfLifeDays });
          const r = scoreLead(facts, m, NOW);
          expect(r.lines.reduce((s, l) => s + l.points, 0)).toBe(r.total);
          expect(Number.isInteger(r.total)).toBe(true);
          if (totalCap !== null) expect(r.total).toBeLessThanOrEqual(totalCap);
          const g1 = r.lines.filter((l) => l.group === 'g1').reduce((s, l) => s + l.points, 0);
          expect(g1).toBeLessThanOrEqual(g1Cap);
        },
      ),
    );
  });

  it('a behaviour is never worth more as it ages (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 365 }),
        (points, a, b, halfLife) => {
          const [younger, older] = a <= b ? [a, b] : [b, a];
          const y = decayed(points, daysAgo(younger), NOW, halfLife);
          const o = decayed(points, daysAgo(older), NOW, halfLife);
          expect(o).toBeLessThanOrEqual(y);
          expect(y).toBeLessThanOrEqual(points);
        },
      ),
    );
    expect(decayed(80, daysAgo(14), NOW, 14)).toBeCloseTo(40);
    expect(decayed(80, daysAgo(400), NOW, null)).toBe(80);
    // a date in the future (a clock ahead) never adds points
    expect(decayed(80, daysAgo(-3), NOW, 14)).toBe(80);
  });

  it('keeps the "since" of a fit or cap line that held before, never of behaviour', () => {
    const old = [
      { ruleId: 'r1', kind: 'fit' as const, group: null, points: 10, count: null, at: daysAgo(9) },
    ];
    const next = [
      { ruleId: 'r1', kind: 'fit' as const, group: null, points: 10, count: null, at: daysAgo(0) },
      { ruleId: 'r2', kind: 'fit' as const, group: null, points: 5, count: null, at: daysAgo(0) },
    ];
    expect(carrySince(old, next).map((l) => l.at)).toEqual([daysAgo(9), daysAgo(0)]);
    const cap = { ruleId: null, kind: 'cap' as const, group: 'g', points: -5, count: null, at: daysAgo(3) };
    expect(carrySince([cap], [{ ...cap, at: daysAgo(0) }])[0]?.at).toBe(daysAgo(3));
    expect(carrySince([cap], [{ ...cap, points: -6, at: daysAgo(0) }])[0]?.at).toBe(daysAgo(0));
    const behaviour = {
      ruleId: 'b',
      kind: 'behaviour' as const,
      group: null,
      points: 5,
      count: 1,
      at: daysAgo(4),
    };
    expect(carrySince([behaviour], [{ ...behaviour, at: daysAgo(1) }])[0]?.at).toBe(daysAgo(1));
  });
});

describe('qualification', () => {
  const m = { mqlThreshold: 50, sqlThreshold: 100, demoteOnDecay: false };
  it.each([
    [0, 'suspect'],
    [49, 'suspect'],
    [50, 'mql'],
    [99, 'mql'],
    [100, 'sql'],
    [1000, 'sql'],
  ] as const)('a total of %i points at %s', (total, stage) => {
    expect(targetStage(total, m)).toBe(stage);
  });

  it.each([
    ['suspect', false, [60], false, 'mql'],
    ['suspect', false, [120], false, 'sql'],
    ['mql', false, [120], false, 'sql'],
    ['mql', false, [10], false, null],
    ['mql', false, [10], true, 'suspect'],
    ['sql', false, [60], true, 'mql'],
    ['sql', false, [60], false, null],
    ['suspect', true, [500], false, null],
    ['converted', false, [500], false, null],
    ['disqualified', false, [500], true, null],
    ['parked', false, [0], true, null],
    ['mql', false, [50], false, null],
  ] as const)(
    '%s (set by a person: %s) with %j, demote %s → %s',
    (stage, byPerson, totals, demote, expected) => {
      const scores = totals.map((total) => ({ total, model: { ...m, demoteOnDecay: demote } }));
      expect(qualify({ stage, stageSetByPerson: byPerson }, scores)).toBe(expected);
    },
  );

  it('moves to the highest stage any score reaches; back only when every score allows it', () => {
    const strict = { ...m, demoteOnDecay: false };
    const lenient = { ...m, demoteOnDecay: true };
    const lead = { stage: 'sql' as const, stageSetByPerson: false };
    expect(
      qualify({ stage: 'suspect', stageSetByPerson: false }, [
        { total: 10, model: strict },
        { total: 60, model: lenient },
      ]),
    ).toBe('mql');
    expect(
      qualify(lead, [
        { total: 10, model: lenient },
        { total: 60, model: strict },
      ]),
    ).toBeNull();
    expect(
      qualify(lead, [
        { total: 10, model: lenient },
        { total: 60, model: lenient },
      ]),
    ).toBe('mql');
  });
});

describe('rule and score validation', () => {
  const base = {
    kind: 'fit' as const,
    field: 'person.jobTitle',
    operator: 'equals' as const,
    value: 'CEO',
    points: 10,
    group: null,
  };
  it.each([
    [{ ...base, value: '  ' }, 'value', 'never_matches'],
    [{ ...base, operator: 'in' as const, value: [] }, 'value', 'never_matches'],
    [{ ...base, operator: 'in' as const, value: 'CEO' }, 'value', 'invalid_type'],
    [{ ...base, operator: 'range' as const, value: { min: 10, max: 5 } }, 'value', 'never_matches'],
    [{ ...base, operator: 'range' as const, value: {} }, 'value', 'never_matches'],
    [{ ...base, operator: 'empty' as const, value: 'x' }, 'value', 'not_allowed'],
    [{ ...base, field: 'email.kind', value: 'gmail' }, 'value', 'never_matches'],
    [{ ...base, field: 'person.shoeSize' }, 'field', 'invalid_value'],
    [{ ...base, operator: 'like' as never }, 'operator', 'invalid_value'],
    [{ ...base, points: 0 }, 'points', 'never_matches'],
    [{ ...base, points: 1001 }, 'points', 'out_of_range'],
    [
      { kind: 'behaviour' as const, behaviour: 'teleported' as never, points: 5, group: null },
      'behaviour',
      'invalid_value',
    ],
  ])('refuses %j naming %s', (rule, field, code) => {
    expect(ruleErrors(rule as never, 'rules.0.')).toContainEqual(
      expect.objectContaining({ field: `rules.0.${field}`, code }),
    );
  });

  it('accepts good rules, custom fields included', () => {
    expect(ruleErrors(base)).toEqual([]);
    expect(
      ruleErrors({ ...base, field: 'custom.organisation.employees', operator: 'range', value: { min: 50 } }),
    ).toEqual([]);
    expect(ruleErrors({ ...base, field: 'email.kind', value: 'Company' })).toEqual([]);
    expect(ruleErrors({ ...base, operator: 'empty', value: null, points: -5 })).toEqual([]);
  });

  it('refuses an MQL threshold above the SQL one, and a total cap nobody can reach SQL under', () => {
    const good = {
      nameLt: 'A',
      nameEn: 'A',
      mqlThreshold: 50,
      sqlThreshold: 100,
      totalCap: null,
      groupCaps: {},
      halfLifeDays: 30,
      demoteOnDecay: false,
    };
    expect(modelErrors(good)).toEqual([]);
    expect(modelErrors({ ...good, mqlThreshold: 120 })).toContainEqual(
      expect.objectContaining({ field: 'sqlThreshold', code: 'threshold_order' }),
    );
    expect(modelErrors({ ...good, totalCap: 90 })).toContainEqual(
      expect.objectContaining({ field: 'totalCap', code: 'below_threshold' }),
    );
    expect(modelErrors({ ...good, halfLifeDays: 0 })).toContainEqual(
      expect.objectContaining({ field: 'halfLifeDays' }),
    );
    expect(modelErrors({ ...good, groupCaps: { web: -1 } })).toContainEqual(
      expect.objectContaining({ field: 'groupCaps.web' }),
    );
  });
});

describe('facts', () => {
  it.each([
    [{ type: 'system', data: { event: 'form_submitted' }, doneAt: null }, 'form_submitted'],
    [{ type: 'system', data: { event: 'created' }, doneAt: null }, null],
    [{ type: 'chat', data: {}, doneAt: null }, 'chat'],
    [{ type: 'meeting', data: {}, doneAt: null }, 'meeting_held'],
    [{ type: 'meeting', data: {}, doneAt: daysAgo(1) }, 'meeting_held'],
    [{ type: 'call', data: { outcome: 'no_answer' }, doneAt: null }, null],
    [{ type: 'call', data: { outcome: 'connected' }, doneAt: null }, 'call_connected'],
    [{ type: 'note', data: {}, doneAt: null }, null],
  ])('%j reads as %s', (activity, behaviour) => {
    expect(behaviourOfActivity(activity)).toBe(behaviour);
  });

  it('reads engagement kinds and e-mail kinds', () => {
    expect(['view', 'like', 'share', 'nope'].map(behaviourOfEngagement)).toEqual([
      'content_viewed',
      'content_liked',
      'content_shared',
      null,
    ]);
    expect([null, 'a@gmail.com', 'jonas@uab.lt', 'broken'].map(emailKind)).toEqual([
      'none',
      'free',
      'company',
      'none',
    ]);
  });
});

describe('facts needed', () => {
  it('reads only what the rules are about', () => {
    expect(factsNeeded([{ rules: [] }])).toEqual({
      person: false,
      organisation: false,
      source: false,
      email: false,
      products: false,
      tags: false,
      leadCustom: false,
      activityTypes: [],
      engagement: false,
    });
    const needed = factsNeeded([
      {
        rules: [
          fitRule('a', 'person.jobTitle', 'equals', 'CEO', 5),
          fitRule('b', 'custom.lead.budget', 'range', { min: 1 }, 5),
        ],
      },
      {
        rules: [
          { id: 'c', kind: 'behaviour', behaviour: 'call_connected', points: 5, group: null },
          { id: 'd', kind: 'behaviour', behaviour: 'form_submitted', points: 5, group: null },
          { id: 'e', kind: 'behaviour', behaviour: 'content_liked', points: 5, group: null },
        ],
      },
    ]);
    expect(needed).toMatchObject({
      person: true,
      organisation: false,
      leadCustom: true,
      engagement: true,
      products: false,
    });
    expect(needed.activityTypes).toEqual(['call', 'system']);
  });
});

describe('which leads a rule change touches', () => {
  const it_ = fitRule('it', 'organisation.industry', 'equals', 'IT', 12);
  const call: ScoringRule = {
    id: 'call',
    kind: 'behaviour',
    behaviour: 'call_connected',
    points: 5,
    group: null,
  };
  const facts = (industry: string | null, behaviours: LeadFacts['behaviours'] = []): LeadFacts => ({
    fields: { 'organisation.industry': industry },
    behaviours,
  });
  const line = (ruleId: string) => ({
    ruleId,
    kind: 'fit' as const,
    group: null,
    points: 12,
    count: null,
    at: daysAgo(1),
  });
  it.each([
    ['the new rule holds', facts('IT'), [], [it_], true],
    ['it holds for nobody here', facts('Statyba'), [], [it_], false],
    ['the old version gave points', facts('Statyba'), [line('it')], [it_], true],
    ['a deleted rule gave points', facts(null), [line('it')], [], true],
    ['another rule gave points', facts(null), [line('other')], [it_], false],
    [
      'the behaviour happened',
      facts(null, [{ behaviour: 'call_connected', at: daysAgo(3) }]),
      [],
      [call],
      true,
    ],
    ['it is still ahead', facts(null, [{ behaviour: 'call_connected', at: daysAgo(-3) }]), [], [call], false],
  ] as const)('%s → %s', (_, f, previous, changed, expected) => {
    const ids = new Set(['it', 'call']);
    expect(changeTouches(f, previous, changed, ids, NOW)).toBe(expected);
  });
});

describe('stage moves (the preview)', () => {
  it('counts leads a model would move, leaving stages a person set and closed leads alone', () => {
    const m = model([fitRule('t', 'lead.tags', 'in', ['vip'], 60)]);
    const vip: LeadFacts = { fields: { 'lead.tags': ['vip'] }, behaviours: [] };
    const plain: LeadFacts = { fields: {}, behaviours: [] };
    const leads = [
      { facts: vip, stage: 'suspect' as const, stageSetByPerson: false },
      { facts: vip, stage: 'suspect' as const, stageSetByPerson: true },
      { facts: vip, stage: 'converted' as const, stageSetByPerson: false },
      { facts: vip, stage: 'mql' as const, stageSetByPerson: false },
      { facts: plain, stage: 'suspect' as const, stageSetByPerson: false },
    ];
    expect(stageMoves(leads, [m], NOW)).toEqual({ toSuspect: 0, toMql: 1, toSql: 0 });
    expect(stageMoves(leads, [{ ...m, mqlThreshold: 20, sqlThreshold: 50 }], NOW)).toEqual({
      toSuspect: 0,
      toMql: 0,
      toSql: 2,
    });
  });
});
