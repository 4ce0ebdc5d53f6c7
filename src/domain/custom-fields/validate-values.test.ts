import { describe, expect, it } from 'vitest';
import type { FieldErrorCode } from '../errors/app-error.js';
import { type CustomFieldDefinition, type CustomValue, validateCustomValues } from './validate-values.js';

const options = (...values: string[]) => values.map((value) => ({ value }));
const definitions: CustomFieldDefinition[] = [
  { key: 'note', type: 'text', active: true, options: [] },
  { key: 'employees', type: 'number', active: true, options: [] },
  { key: 'founded', type: 'date', active: true, options: [] },
  { key: 'tier', type: 'select', active: true, options: options('gold', 'silver') },
  { key: 'channels', type: 'multiselect', active: true, options: options('mail', 'phone', 'sms') },
  { key: 'vip', type: 'boolean', active: true, options: [] },
  { key: 'legacy', type: 'text', active: false, options: [] },
];

describe('validateCustomValues', () => {
  it.each<[string, Record<string, unknown>, Record<string, CustomValue>]>([
    ['nothing sent is nothing to store', {}, {}],
    ['a text is trimmed', { note: '  called twice ' }, { note: 'called twice' }],
    ['a blank text clears the value', { note: '   ' }, { note: null }],
    ['null clears any type', { employees: null, tier: null }, { employees: null, tier: null }],
    ['an integer number', { employees: 12 }, { employees: 12 }],
    ['a fractional or negative number', { employees: -1.5 }, { employees: -1.5 }],
    ['a calendar date', { founded: '2024-02-29' }, { founded: '2024-02-29' }],
    ['an option of a select', { tier: 'gold' }, { tier: 'gold' }],
    [
      'options of a multiselect, repeats dropped',
      { channels: ['sms', 'mail', 'sms'] },
      { channels: ['sms', 'mail'] },
    ],
    ['an empty multiselect clears the value', { channels: [] }, { channels: null }],
    ['a boolean', { vip: false }, { vip: false }],
    ['several fields at once', { vip: true, tier: 'silver' }, { vip: true, tier: 'silver' }],
  ])('accepts %s', (_name, values, expected) => {
    expect(validateCustomValues(definitions, values)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, Record<string, unknown>, string, FieldErrorCode]>([
    ['an unknown key', { shoe_size: 42 }, 'customFields.shoe_size', 'not_allowed'],
    ['a key from the object prototype', { constructor: 'x' }, 'customFields.constructor', 'not_allowed'],
    ['an inactive field', { legacy: 'old' }, 'customFields.legacy', 'not_allowed'],
    ['an inactive field even when clearing it', { legacy: null }, 'customFields.legacy', 'not_allowed'],
    ['a number as text', { employees: '12' }, 'customFields.employees', 'invalid_type'],
    ['an infinite number', { employees: Number.POSITIVE_INFINITY }, 'customFields.employees', 'invalid_type'],
    ['NaN', { employees: Number.NaN }, 'customFields.employees', 'invalid_type'],
    ['a text as a number', { note: 5 }, 'customFields.note', 'invalid_type'],
    ['a too long text', { note: 'x'.repeat(2001) }, 'customFields.note', 'too_long'],
    ['a boolean as text', { vip: 'true' }, 'customFields.vip', 'invalid_type'],
    ['a boolean as 1', { vip: 1 }, 'customFields.vip', 'invalid_type'],
    ['a date that does not exist', { founded: '2025-02-29' }, 'customFields.founded', 'invalid_format'],
    ['a date in another format', { founded: '29.02.2024' }, 'customFields.founded', 'invalid_format'],
    ['a date with a time', { founded: '2024-02-29T10:00:00Z' }, 'customFields.founded', 'invalid_format'],
    ['a date as a number', { founded: 20240229 }, 'customFields.founded', 'invalid_type'],
    ['a select value outside the options', { tier: 'bronze' }, 'customFields.tier', 'invalid_value'],
    ['a select value of the wrong letter case', { tier: 'Gold' }, 'customFields.tier', 'invalid_value'],
    ['a select given a list', { tier: ['gold'] }, 'customFields.tier', 'invalid_type'],
    ['a multiselect given one text', { channels: 'mail' }, 'customFields.channels', 'invalid_type'],
    ['a multiselect with a number in it', { channels: ['mail', 1] }, 'customFields.channels', 'invalid_type'],
    [
      'a multiselect value outside the options',
      { channels: ['mail', 'fax'] },
      'customFields.channels',
      'invalid_value',
    ],
  ])('refuses %s', (_name, values, field, code) => {
    const result = validateCustomValues(definitions, values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ field, code })]);
  });

  it('names every bad field with its message, not just the first', () => {
    const result = validateCustomValues(definitions, { vip: 'yes', tier: 'gold', founded: 'soon', x: 1 });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'customFields.vip', code: 'invalid_type', message: 'has the wrong type' },
        { field: 'customFields.founded', code: 'invalid_format', message: 'has the wrong format' },
        { field: 'customFields.x', code: 'not_allowed', message: 'is not allowed' },
      ],
    });
  });

  it('knows no fields when the entity has none', () => {
    expect(validateCustomValues([], { note: 'x' })).toMatchObject({ ok: false });
    expect(validateCustomValues([], {})).toEqual({ ok: true, value: {} });
  });
});
