import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import {
  checkMergeRequest,
  chooseFields,
  type MergeRequest,
  undoExpired,
  unitedCustomFields,
} from './merge.js';

describe('checkMergeRequest', () => {
  it.each<[string, MergeRequest<'city'>, string[]]>([
    ['keeps one of each repeated id', { survivorId: 'a', mergedIds: ['b', 'b', 'c'] }, ['b', 'c']],
    [
      'accepts a choice naming a merged record',
      { survivorId: 'a', mergedIds: ['b'], values: { city: 'b' } },
      ['b'],
    ],
  ])('%s', (_, input, expected) => {
    expect(checkMergeRequest(input)).toEqual(expected);
  });

  it.each<[string, MergeRequest<'city'>, { field: string; code: string }[]]>([
    ['nothing to merge', { survivorId: 'a', mergedIds: [] }, [{ field: 'mergedIds', code: 'required' }]],
    [
      'too many at once',
      { survivorId: 'a', mergedIds: ['1', '2', '3', '4', '5', '6'] },
      [{ field: 'mergedIds', code: 'too_long' }],
    ],
    [
      'the survivor merged into itself',
      { survivorId: 'a', mergedIds: ['a'] },
      [{ field: 'mergedIds', code: 'invalid_value' }],
    ],
    [
      'a choice naming a record outside the merge',
      { survivorId: 'a', mergedIds: ['b'], values: { city: 'z' } },
      [{ field: 'values.city', code: 'invalid_value' }],
    ],
  ])('refuses %s, naming the field', (_, input, errors) => {
    const thrown = (() => {
      try {
        checkMergeRequest(input);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('validation');
    expect((thrown as AppError).errors).toMatchObject(errors);
  });
});

describe('chooseFields', () => {
  const survivor = { id: 's', name: 'UAB Alfa', city: null as string | null, size: '1-9' };
  const other = { id: 'o', name: 'Alfa, UAB', city: 'Kaunas' as string | null, size: '10-49' };

  it.each<[string, Partial<Record<'name' | 'city' | 'size', string>>, object]>([
    [
      'keeps the survivor’s values, filling its blanks from the others',
      {},
      { name: 'UAB Alfa', city: 'Kaunas', size: '1-9' },
    ],
    [
      'keeps the chosen record’s value',
      { name: 'o', size: 'o' },
      { name: 'Alfa, UAB', city: 'Kaunas', size: '10-49' },
    ],
    ['keeps a chosen blank as blank', { city: 's' }, { name: 'UAB Alfa', city: null, size: '1-9' }],
  ])('%s', (_, values, expected) => {
    expect(chooseFields(survivor, [other], ['name', 'city', 'size'], values)).toEqual(expected);
  });
});

describe('unitedCustomFields', () => {
  it('unites every key and lets the survivor win a clash, then the first other', () => {
    expect(
      unitedCustomFields({ customFields: { a: 1 } }, [
        { customFields: { a: 2, b: 2 } },
        { customFields: { b: 3, c: 3 } },
      ]),
    ).toEqual({ a: 1, b: 2, c: 3 });
  });
});

describe('undoExpired', () => {
  const made = '2026-01-01T00:00:00.000Z';
  it.each([
    ['2026-01-31T00:00:00.000Z', false],
    ['2026-01-31T00:00:00.001Z', true],
  ])('at %s → %s', (now, expired) => {
    expect(undoExpired(made, new Date(now))).toBe(expired);
  });
});
