import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, asksForReferral, isNpsScore, netPromoterScore, renewalTaskDue } from './customers.js';

describe('NPS', () => {
  it.each([
    [[], { answers: 0, promoters: 0, passives: 0, detractors: 0, nps: null }],
    [[10, 9, 8, 7, 6, 0], { answers: 6, promoters: 2, passives: 2, detractors: 2, nps: 0 }],
    [[10, 10, 10], { answers: 3, promoters: 3, passives: 0, detractors: 0, nps: 100 }],
    [[0, 6], { answers: 2, promoters: 0, passives: 0, detractors: 2, nps: -100 }],
    // 2 promoters, 1 detractor of 3: 33.33 → 33
    [[9, 9, 3], { answers: 3, promoters: 2, passives: 0, detractors: 1, nps: 33 }],
    // 1 promoter of 8: 12.5 → 13; 1 detractor of 8: −12.5 → −13
    [[9, 7, 7, 7, 7, 7, 7, 7], { answers: 8, promoters: 1, passives: 7, detractors: 0, nps: 13 }],
    [[5, 7, 7, 7, 7, 7, 7, 7], { answers: 8, promoters: 0, passives: 7, detractors: 1, nps: -13 }],
  ])('%j → %j', (scores, expected) => {
    expect(netPromoterScore(scores)).toEqual(expected);
  });

  it('stays within −100…100 and its parts add up (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1 }), (scores) => {
        const r = netPromoterScore(scores);
        expect(r.promoters + r.passives + r.detractors).toBe(scores.length);
        expect(r.nps).toBeGreaterThanOrEqual(-100);
        expect(r.nps).toBeLessThanOrEqual(100);
      }),
    );
  });

  it.each([
    [0, true],
    [10, true],
    [11, false],
    [-1, false],
    [7.5, false],
    ['9', false],
  ])('%j is an answer: %s', (value, ok) => {
    expect(isNpsScore(value)).toBe(ok);
  });

  it('asks promoters (9 and 10) for a referral, nobody else', () => {
    expect([8, 9, 10].map(asksForReferral)).toEqual([false, true, true]);
  });
});

describe('renewals', () => {
  it('falls due the given days ahead, across months and leap days, never before today', () => {
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(renewalTaskDue('2027-01-15', 30, '2026-11-27')).toBe('2026-12-16');
    expect(renewalTaskDue('2026-12-01', 30, '2026-11-27')).toBe('2026-11-27');
  });
});
