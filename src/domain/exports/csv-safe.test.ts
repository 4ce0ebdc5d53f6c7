import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, neutraliseNumericAware } from './csv-safe.js';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\0'];

describe('neutraliseCell', () => {
  it.each<[string, string]>([
    ['=1+2', "'=1+2"],
    ['=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'],
    ['+37061234567', "'+37061234567"],
    ['-12.5', "'-12.5"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+2', "'\t=1+2"],
    ['\r=1+2', "'\r=1+2"],
    ['\0=1+2', "'\0=1+2"],
    ['=', "'="],
    ['Jonas', 'Jonas'],
    ['Šimkus', 'Šimkus'],
    ['12.5', '12.5'],
    [' =1+2', ' =1+2'],
    ["'=1+2", "'=1+2"],
    ['a=b', 'a=b'],
    ['\n=1', '\n=1'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  const anyCell = fc.oneof(
    fc.string(),
    fc.tuple(fc.constantFrom(...TRIGGERS), fc.string()).map(([t, s]) => t + s),
  );

  it('never leaves a trigger first, changes nothing else, and is idempotent', () => {
    fc.assert(
      fc.property(anyCell, (value) => {
        const safe = neutraliseCell(value);
        expect(TRIGGERS.includes(safe.charAt(0))).toBe(false);
        expect(safe === value || safe === `'${value}`).toBe(true);
        expect(neutraliseCell(safe)).toBe(safe);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('neutraliseNumericAware', () => {
  it.each<[string, string]>([
    ['-12.5', '-12.5'],
    ['-0,75', '-0,75'],
    ['+3', '+3'],
    ['-.5', '-.5'],
    ['-12', '-12'],
    ['+37061234567', '+37061234567'],
    ['42', '42'],
    ['-1+2', "'-1+2"],
    ['-12.5.1', "'-12.5.1"],
    ['-1e5', "'-1e5"],
    ['- 5', "'- 5"],
    ['-', "'-"],
    ['+', "'+"],
    ['-12.5\n', "'-12.5\n"],
    ['=12', "'=12"],
    ['@12', "'@12"],
    ['-0x1F', "'-0x1F"],
    ['Jonas', 'Jonas'],
  ])('%j → %j', (value, expected) => {
    expect(neutraliseNumericAware(value)).toBe(expected);
  });

  it('leaves only signed numbers starting with a trigger unprefixed', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const safe = neutraliseNumericAware(value);
        if (safe === value && TRIGGERS.includes(value.charAt(0))) expect(value).toMatch(/^[+-][\d.,]+$/u);
      }),
      { numRuns: 1000 },
    );
  });
});
