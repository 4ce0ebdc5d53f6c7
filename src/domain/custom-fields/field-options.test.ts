import { describe, expect, it } from 'vitest';
import { optionsProblem } from './field-options.js';
import type { CustomFieldType } from './validate-values.js';

const opts = (...values: string[]) => values.map((value) => ({ value }));

describe('optionsProblem', () => {
  it.each<[CustomFieldType, { value: string }[], string | undefined, string | undefined]>([
    ['select', opts('a', 'b'), undefined, undefined],
    ['multiselect', opts('a'), undefined, undefined],
    ['select', [], 'options', 'required'],
    ['multiselect', [], 'options', 'required'],
    ['select', opts('a', 'b', 'a'), 'options.2.value', 'in_use'],
    ['text', [], undefined, undefined],
    ['number', opts('a'), 'options', 'not_allowed'],
    ['boolean', opts('yes', 'no'), 'options', 'not_allowed'],
    ['date', [], undefined, undefined],
  ])('%s with %j → %s %s', (type, options, field, code) => {
    const problem = optionsProblem(type, options);
    expect(problem?.field).toBe(field);
    expect(problem?.code).toBe(code);
  });
});
