import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countsAddUp,
  decideRow,
  IMPORT_MODES,
  type ImportCounts,
  type ImportMatch,
  type ImportMode,
  matchOrder,
  mergeForUpdate,
  type RowDecision,
} from './outcome.js';

describe('decideRow', () => {
  it.each<[ImportMode, boolean, RowDecision]>([
    ['create_only', false, 'create'],
    ['create_only', true, 'skip'],
    ['skip', false, 'create'],
    ['skip', true, 'skip'],
    ['update_empty', false, 'create'],
    ['update_empty', true, 'update_empty'],
    ['update', false, 'create'],
    ['update', true, 'update'],
  ])('in %s mode, a row matched=%s is %s', (mode, matched, expected) => {
    expect(decideRow(mode, matched)).toBe(expected);
  });
});

describe('matchOrder', () => {
  it.each<[ImportMatch | ImportMatch[], ImportMatch[]]>([
    ['email', ['email']],
    [
      ['external_id', 'email', 'phone'],
      ['external_id', 'email', 'phone'],
    ],
    [
      ['email', 'phone', 'email'],
      ['email', 'phone'],
    ],
    [[], []],
  ])('%j → %j', (match, expected) => {
    expect(matchOrder(match)).toEqual(expected);
  });
});

describe('mergeForUpdate', () => {
  const existing = {
    firstName: 'Jonas',
    jobTitle: 'CEO',
    city: null,
    country: '',
    tags: [] as string[],
    phones: ['+37061234567'],
    customFields: {},
  };

  it.each<[string, Record<string, unknown>, ImportMode | RowDecision, Record<string, unknown>]>([
    [
      'update_empty fills a null and a blank field only',
      { jobTitle: 'CTO', city: 'Kaunas', country: 'LT' },
      'update_empty',
      { city: 'Kaunas', country: 'LT' },
    ],
    [
      'update_empty fills a field the record lacks',
      { website: 'acme.lt' },
      'update_empty',
      { website: 'acme.lt' },
    ],
    ['update_empty fills an empty list', { tags: ['vip'] }, 'update_empty', { tags: ['vip'] }],
    [
      'update_empty fills an empty object',
      { customFields: { budget: '5' } },
      'update_empty',
      { customFields: { budget: '5' } },
    ],
    [
      'update overwrites what differs',
      { firstName: 'Jonas', jobTitle: 'CTO', city: 'Kaunas' },
      'update',
      { jobTitle: 'CTO', city: 'Kaunas' },
    ],
    ['update leaves an equal list alone', { phones: ['+37061234567'] }, 'update', {}],
    [
      'update replaces a different list',
      { phones: ['+37069999999'] },
      'update',
      { phones: ['+37069999999'] },
    ],
    ['update never blanks with an empty string', { jobTitle: '', firstName: '  ' }, 'update', {}],
    ['update never blanks with null or nothing', { jobTitle: null, firstName: undefined }, 'update', {}],
    ['update never blanks with an empty list', { phones: [] }, 'update', {}],
    ['update compares case exactly', { firstName: 'JONAS' }, 'update', { firstName: 'JONAS' }],
    [
      'update writes numbers and booleans, zero and false included',
      { score: 0, vip: false },
      'update',
      { score: 0, vip: false },
    ],
    ['create_only changes nothing', { jobTitle: 'CTO', city: 'Kaunas' }, 'create_only', {}],
    ['skip changes nothing', { city: 'Kaunas' }, 'skip', {}],
    ['a create decision changes nothing', { city: 'Kaunas' }, 'create', {}],
  ])('%s', (_, incoming, mode, expected) => {
    expect(mergeForUpdate(existing, incoming, mode)).toEqual(expected);
  });

  it('compares dates by identity rather than as empty objects', () => {
    const changes = mergeForUpdate({ seenAt: new Date(0) }, { seenAt: new Date(1) }, 'update_empty');
    expect(changes).toEqual({});
  });

  it('keeps a field named __proto__ as a field', () => {
    const incoming = Object.fromEntries([['__proto__', 'x']]);
    expect(Object.keys(mergeForUpdate({}, incoming, 'update'))).toEqual(['__proto__']);
  });

  const value = fc.oneof(
    fc.constantFrom(null, undefined, '', ' ', 'a', 'b'),
    fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }),
    fc.integer({ min: -1, max: 1 }),
  );
  const record = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), value);

  const blank = (v: unknown) =>
    v === null ||
    v === undefined ||
    (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && v.length === 0);

  it('never blanks a field, touches only empty ones in update_empty, and has nothing left to do after', () => {
    fc.assert(
      fc.property(record, record, fc.constantFrom(...IMPORT_MODES), (before, incoming, mode) => {
        const changes = mergeForUpdate(before, incoming, mode);
        for (const [field, change] of Object.entries(changes)) {
          expect(change).toBe(incoming[field]);
          expect(blank(change)).toBe(false);
          if (mode === 'update_empty') expect(blank(before[field])).toBe(true);
        }
        expect(mergeForUpdate({ ...before, ...changes }, incoming, mode)).toEqual({});
      }),
      { numRuns: 1000 },
    );
  });
});

describe('countsAddUp', () => {
  it.each<[string, ImportCounts, boolean]>([
    ['every row counted once', { total: 10, created: 4, updated: 3, skipped: 2, rejected: 1 }, true],
    ['an empty import', { total: 0, created: 0, updated: 0, skipped: 0, rejected: 0 }, true],
    ['a row missing', { total: 10, created: 4, updated: 3, skipped: 2, rejected: 0 }, false],
    ['a row counted twice', { total: 10, created: 5, updated: 3, skipped: 2, rejected: 1 }, false],
    [
      'a negative counter hiding an extra row',
      { total: 2, created: 3, updated: -1, skipped: 0, rejected: 0 },
      false,
    ],
    ['a fractional counter', { total: 1, created: 0.5, updated: 0.5, skipped: 0, rejected: 0 }, false],
    ['a NaN counter', { total: Number.NaN, created: 0, updated: 0, skipped: 0, rejected: 0 }, false],
  ])('%s → %s', (_, counts, expected) => {
    expect(countsAddUp(counts)).toBe(expected);
  });
});
