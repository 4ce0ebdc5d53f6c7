import { describe, expect, it } from 'vitest';
import { referralEarned, thankYouDueAt } from './referral.js';

describe('thank-you due time', () => {
  it.each([
    ['a Monday morning → Tuesday 09:00', '2026-11-23T08:00:00Z', '2026-11-24T07:00:00.000Z'],
    ['a Thursday → Friday', '2026-11-26T15:00:00Z', '2026-11-27T07:00:00.000Z'],
    ['a Friday → Monday', '2026-11-27T10:00:00Z', '2026-11-30T07:00:00.000Z'],
    ['a Saturday → Monday', '2026-11-28T10:00:00Z', '2026-11-30T07:00:00.000Z'],
    [
      'late Sunday UTC, already Monday in Vilnius → Tuesday',
      '2026-11-29T22:30:00Z',
      '2026-12-01T07:00:00.000Z',
    ],
    ['in summer time (UTC+3)', '2026-07-06T10:00:00Z', '2026-07-07T06:00:00.000Z'],
  ])('%s', (_name, now, due) => {
    expect(thankYouDueAt('Europe/Vilnius', new Date(now))).toBe(due);
  });
});

describe('referral credit', () => {
  it.each([
    ['someone else submitted', 'p1', ['p2'], true],
    ['nobody known submitted', 'p1', [], true],
    ['the referrer referred themselves', 'p1', ['p1'], false],
    ['the referrer is one of the people matched', 'p1', ['p2', 'p1'], false],
  ])('%s', (_name, referrer, submitters, earned) => {
    expect(referralEarned(referrer, submitters)).toBe(earned);
  });
});
