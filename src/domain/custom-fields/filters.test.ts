import { describe, expect, it } from 'vitest';
import type { FieldErrorCode } from '../errors/app-error.js';
import { type CustomFilter, parseCustomFilter } from './filters.js';
import type { CustomFieldDefinition } from './validate-values.js';

const options = (...values: string[]) => values.map((value) => ({ value }));
const definitions: CustomFieldDefinition[] = [
  { key: 'note', type: 'text', active: true, options: [] },
  { key: 'employees', type: 'number', active: true, options: [] },
  { key: 'founded', type: 'date', active: true, options: [] },
  { key: 'tier', type: 'select', active: true, options: options('gold', 'silver') },
  { key: 'channels', type: 'multiselect', active: true, options: options('mail', 'phone') },
  { key: 'vip', type: 'boolean', active: true, options: [] },
];

describe('parseCustomFilter', () => {
  it.each<[string, CustomFilter]>([
    ['note:called twice', { key: 'note', kind: 'text', contains: 'called twice' }],
    ['note: a:b ', { key: 'note', kind: 'text', contains: 'a:b' }],
    ['employees:10..50', { key: 'employees', kind: 'number', min: 10, max: 50 }],
    ['employees:10..', { key: 'employees', kind: 'number', min: 10, max: null }],
    ['employees:..-2.5', { key: 'employees', kind: 'number', min: null, max: -2.5 }],
    ['employees:7', { key: 'employees', kind: 'number', min: 7, max: 7 }],
    [
      'founded:2024-01-01..2024-12-31',
      { key: 'founded', kind: 'date', from: '2024-01-01', to: '2024-12-31' },
    ],
    ['founded:..2024-02-29', { key: 'founded', kind: 'date', from: null, to: '2024-02-29' }],
    ['tier:gold', { key: 'tier', kind: 'select', anyOf: ['gold'] }],
    ['tier:gold|silver|gold', { key: 'tier', kind: 'select', anyOf: ['gold', 'silver'] }],
    ['channels:phone', { key: 'channels', kind: 'multiselect', anyOf: ['phone'] }],
    ['vip:false', { key: 'vip', kind: 'boolean', value: false }],
  ])('reads %s', (raw, filter) => {
    expect(parseCustomFilter(definitions, raw)).toEqual({ ok: true, filter });
  });

  it.each<[string, FieldErrorCode]>([
    ['nothing', 'invalid_format'],
    [':gold', 'invalid_format'],
    ['colour:red', 'not_found'],
    ['tier:', 'required'],
    ['tier:bronze', 'invalid_value'],
    ['channels:mail|fax', 'invalid_value'],
    ['employees:ten', 'invalid_format'],
    ['employees:..', 'invalid_format'],
    ['employees:1..2..3', 'invalid_format'],
    ['employees:50..10', 'out_of_range'],
    ['founded:2023-02-29', 'invalid_format'],
    ['founded:2024-12-31..2024-01-01', 'date_order'],
    ['vip:yes', 'invalid_value'],
    [`note:${'x'.repeat(201)}`, 'too_long'],
  ])('refuses %s with %s', (raw, code) => {
    expect(parseCustomFilter(definitions, raw)).toEqual({ ok: false, code });
  });
});
