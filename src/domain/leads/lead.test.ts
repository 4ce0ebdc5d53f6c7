import { describe, expect, it } from 'vitest';
import { defaultLeadTitle, normaliseTags, timeframeOf, timeframeText } from './lead.js';

describe('lead helpers', () => {
  it.each([
    [{ kind: 'now' as const }, 'now'],
    [{ kind: 'date' as const, date: '2026-12-24' }, '2026-12-24'],
    [null, null],
  ])('stores the timeframe %j as %j and reads it back', (timeframe, text) => {
    expect(timeframeText(timeframe)).toBe(text);
    expect(timeframeOf(text)).toEqual(timeframe);
  });

  it('normalises tags: trimmed, lower-case, unique, none empty or too long', () => {
    expect(normaliseTags([' VIP ', 'vip', '', 'Expo 2026', 'x'.repeat(41)])).toEqual(['vip', 'expo 2026']);
  });

  it.each([
    ['Ona Petraitė', 'UAB Saulė', 'Ona Petraitė — UAB Saulė'],
    ['Ona Petraitė', null, 'Ona Petraitė'],
    [null, 'UAB Saulė', 'UAB Saulė'],
    [null, null, '—'],
  ])('titles a lead of %j at %j as %j', (person, org, title) => {
    expect(defaultLeadTitle(person, org)).toBe(title);
  });
});
