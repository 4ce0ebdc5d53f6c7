import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, FIELD_MESSAGES } from '../src/domain/errors/app-error.js';
import en from '../src/web/i18n/en.json' with { type: 'json' };
import lt from '../src/web/i18n/lt.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[`${prefix}${key}`, value]]
        : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

const ltKeys = flatten(lt as Tree);
const enKeys = flatten(en as Tree);

describe('translations', () => {
  it('have the same keys in Lithuanian and English, none empty', () => {
    expect(Object.keys(ltKeys).sort()).toEqual(Object.keys(enKeys).sort());
    for (const [key, value] of [...Object.entries(ltKeys), ...Object.entries(enKeys)])
      expect(value, key).not.toBe('');
  });

  it('translate every field error code and every problem type the server sends', () => {
    const problemCodes = [...ERROR_CODES, 'malformed_json', 'bad_request', 'internal'];
    for (const code of Object.keys(FIELD_MESSAGES)) {
      expect(ltKeys[`fieldErrors.${code}`], code).toBeTruthy();
      expect(enKeys[`fieldErrors.${code}`], code).toBeTruthy();
    }
    for (const code of problemCodes) {
      expect(ltKeys[`problems.${code}`], code).toBeTruthy();
      expect(enKeys[`problems.${code}`], code).toBeTruthy();
    }
  });

  it('parse as ICU messages in both languages', () => {
    for (const [key, value] of Object.entries(ltKeys))
      expect(() => new IntlMessageFormat(value, 'lt'), key).not.toThrow();
    for (const [key, value] of Object.entries(enKeys))
      expect(() => new IntlMessageFormat(value, 'en'), key).not.toThrow();
  });

  it.each([
    [1, '1 vartotojas'],
    [2, '2 vartotojai'],
    [9, '9 vartotojai'],
    [10, '10 vartotojų'],
    [12, '12 vartotojų'],
    [20, '20 vartotojų'],
    [21, '21 vartotojas'],
    [22, '22 vartotojai'],
    [111, '111 vartotojų'],
  ])('use Lithuanian plural forms: %i → %s', (count, expected) => {
    expect(new IntlMessageFormat(ltKeys['users.count']!, 'lt').format({ count })).toBe(expected);
  });

  it.each([
    [1, '1 user'],
    [2, '2 users'],
  ])('use English plural forms: %i → %s', (count, expected) => {
    expect(new IntlMessageFormat(enKeys['users.count']!, 'en').format({ count })).toBe(expected);
  });
});
