import { describe, expect, it } from 'vitest';
import {
  filtersFromParams,
  filtersFromQuery,
  filtersToParams,
  isFiltered,
  type LeadFilters,
  moreFiltersCount,
  NO_MORE_FILTERS,
  rangeErrors,
  toListQuery,
} from './lead-filters';

const everything: LeadFilters = {
  q: 'šimkus',
  stages: ['mql', 'sql'],
  temperatures: ['hot'],
  sourceId: 'src-1',
  tag: 'expo',
  revisitDue: false,
  deleted: false,
  sort: 'updated_desc',
  more: {
    campaignId: 'c-1',
    ownerId: 'none',
    teamId: 't-1',
    productId: 'p-1',
    scoreMin: 10,
    scoreMax: 80,
    createdFrom: '2026-01-01',
    createdTo: '2026-01-31',
    lastActivityFrom: '2026-02-01',
    lastActivityTo: '2026-02-28',
    custom: { tier: 'gold|silver', employees: '10..' },
  },
};

describe('lead list filters', () => {
  it('survive the page address and a saved view unchanged', () => {
    expect(filtersFromParams(filtersToParams(everything))).toEqual(everything);
    expect(filtersFromQuery(toListQuery(everything))).toEqual(everything);
  });

  it('become the list endpoint’s query, custom fields as repeated cf conditions', () => {
    expect(toListQuery(everything)).toMatchObject({
      q: 'šimkus',
      stage: 'mql,sql',
      campaignId: 'c-1',
      ownerId: 'none',
      scoreMin: 10,
      scoreMax: 80,
      lastActivityTo: '2026-02-28',
      cf: expect.arrayContaining(['tier:gold|silver', 'employees:10..']),
    });
  });

  it('ask nothing of a number range still being typed, but keep it in the address', () => {
    const typing = {
      ...everything,
      more: { ...NO_MORE_FILTERS, custom: { employees: '1...', revenue: '..-', tier: 'gold' } },
    };
    expect(toListQuery(typing).cf).toEqual(['tier:gold']);
    expect(filtersToParams(typing).getAll('cf')).toEqual(['employees:1...', 'revenue:..-', 'tier:gold']);
  });

  it('leave defaults out of the address and drop what is not valid there', () => {
    const none = filtersFromParams(new URLSearchParams());
    expect(none.more).toEqual(NO_MORE_FILTERS);
    expect(isFiltered(none)).toBe(false);
    expect(filtersToParams(none).toString()).toBe('');
    const bad = filtersFromParams(new URLSearchParams('scoreMin=lots&createdFrom=2026-02-30&stage=won'));
    expect(bad.more.scoreMin).toBeNull();
    expect(bad.more.createdFrom).toBe('');
    expect(bad.stages).toEqual([]);
  });

  it('count each extra filter once and name backwards ranges', () => {
    expect(moreFiltersCount(everything.more)).toBe(9);
    expect(
      rangeErrors({
        ...NO_MORE_FILTERS,
        scoreMin: 5,
        scoreMax: 1,
        createdFrom: '2026-02-01',
        createdTo: '2026-01-01',
      }),
    ).toEqual({ scoreMax: 'out_of_range', createdTo: 'date_order' });
  });
});
