import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchKey, searchTerms, searchTokens, termRangeEnd } from './search-key.js';

describe('searchKey', () => {
  it.each<[string, string]>([
    ['Šimkus', 'simkus'],
    ['ŠIMKUS', 'simkus'],
    ['ąčęėįšųūž ĄČĘĖĮŠŲŪŽ', 'aceeisuuz aceeisuuz'],
    ['Žemaitė-Bielinienė', 'zemaite-bieliniene'],
    ['Łukasz Wałęsa', 'lukasz walesa'],
    ['Søren Kierkegaard', 'soren kierkegaard'],
    ['Straße', 'strasse'],
    ['Đorđević', 'dordevic'],
    ['François Müller', 'francois muller'],
    ['Jonas+Promo@Example.LT', 'jonas+promo@example.lt'],
    ['+370 (612) 34-567', '+370 612 34-567'],
    ['www.Acme.lt/about', 'www.acme.lt about'],
    ['UAB „Ąžuolas“, Vilnius!', 'uab azuolas vilnius'],
    ["O'Brien & Sons", 'o brien sons'],
    ['  many\t\n  spaces  ', 'many spaces'],
    ['ﬁnance ＡＣＭＥ', 'finance acme'],
    ['', ''],
    ['!!!', ''],
  ])('turns %j into %j', (text, expected) => {
    expect(searchKey(text)).toBe(expected);
  });

  it('finds "Šimkus" by "simkus" typed without diacritics', () => {
    expect(searchKey('Šimkus')).toBe(searchKey('simkus'));
  });

  const anyText = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.constantFrom(...'ŠšĄąŁłØøßẞĐđİıℌﬁ  ,.@+-Aa1'.split('')) }),
  );

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const key = searchKey(text);
        expect(searchKey(key)).toBe(key);
      }),
      { numRuns: 1000 },
    );
  });

  it('never yields upper case, combining marks, or untidy spaces', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const key = searchKey(text);
        expect(key).toBe(key.toLowerCase());
        expect(key).not.toMatch(/\p{M}/u);
        expect(key).not.toMatch(/^\s|\s$|\s\s|[^\S ]/u);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('searchTokens', () => {
  it.each<[string, string[]]>([
    ['Jonas  Šimkus', ['jonas', 'simkus']],
    ['  ', []],
    ['ana@acme.lt, +37061234567', ['ana@acme.lt', '+37061234567']],
  ])('splits %j into %j', (text, expected) => {
    expect(searchTokens(text)).toEqual(expected);
  });
});

describe('searchTerms', () => {
  it('are the words of the search key split where letters meet digits (property)', () => {
    // the definition, spelled out the slow way: searchTerms computes it with one expression
    const byDefinition = (text: string) => [
      ...new Set(
        searchKey(text)
          .split(/[^\p{L}\p{N}]+/u)
          .flatMap((word) => word.split(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u))
          .filter((term) => term !== ''),
      ),
    ];
    const texts = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: fc.constantFrom(...'ŠšĄąŁłØøßẞĐđİıℌﬁ１٣  ,.@+-_Aa1z9'.split('')) }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        expect(searchTerms(text)).toEqual(byDefinition(text));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['Jonas jonas.simkus@acme.lt', ['jonas', 'simkus', 'acme', 'lt']],
    ['+37061234567 37061234567', ['37061234567']],
    ['UAB „Ąžuolas“ — Šimkus', ['uab', 'azuolas', 'simkus']],
    ['mantas.stankevicius4534@outlook.com', ['mantas', 'stankevicius', '4534', 'outlook', 'com']],
    ['A1 Grupė 2x4', ['a', '1', 'grupe', '2', 'x', '4']],
    ['', []],
  ])('splits %j into %j', (text, terms) => {
    expect(searchTerms(text)).toEqual(terms);
  });

  it('bounds a prefix range so that every term starting with it falls inside', () => {
    const end = termRangeEnd('sim');
    for (const term of ['sim', 'simkus', 'simzzzz', 'sim9']) expect(term >= 'sim' && term < end).toBe(true);
    for (const term of ['sil', 'sin', 'si']) expect(term >= 'sim' && term < end).toBe(false);
  });
});
