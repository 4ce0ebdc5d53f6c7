import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleOf, readFileHead, readRecords, SAMPLE_BYTES, sniffFile } from './header';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Windows-1257 bytes of a text (the Lithuanian letters as Lithuanian Excel writes them). */
function win1257(text: string): Uint8Array {
  const map: Record<string, number> = {
    Š: 0xd0,
    š: 0xf0,
    Ž: 0xde,
    ž: 0xfe,
    ė: 0xeb,
    ū: 0xfb,
    Į: 0xc1,
    į: 0xe1,
  };
  return Uint8Array.from([...text].map((c) => map[c] ?? c.charCodeAt(0)));
}

describe('readRecords', () => {
  it.each<[string, string, string, string[][]]>([
    [
      'a plain header and a row',
      'a,b,c\n1,2,3',
      ',',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'a quoted cell holding the delimiter',
      '"Vardas; pavardė";El. paštas\nx;y',
      ';',
      [
        ['Vardas; pavardė', 'El. paštas'],
        ['x', 'y'],
      ],
    ],
    ['an escaped quote', '"Say ""hi""",b', ',', [['Say "hi"', 'b']]],
    [
      'a line break inside quotes',
      '"two\nlines",b\n1,2',
      ',',
      [
        ['two\nlines', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF endings',
      'a\tb\r\n1\t2\r\n',
      '\t',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['cells trimmed', ' a ; b \n', ';', [['a', 'b']]],
    ['a BOM dropped', '\uFEFFa,b', ',', [['a', 'b']]],
    [
      'blank lines skipped',
      '\n\r\na,b\n\n1,2',
      ',',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a quote after text is literal', 'it"s,b', ',', [['it"s', 'b']]],
    ['a quote after spaces opens a quoted cell', ' "a,b",c', ',', [['a,b', 'c']]],
    ['an empty last cell', 'a,b,\n', ',', [['a', 'b', '']]],
  ])('%s', (_, text, delimiter, expected) => {
    expect(readRecords(text, delimiter, 10, true)).toEqual(expected);
  });

  it('stops at the limit', () => {
    expect(readRecords('a\nb\nc\nd', ',', 2, true)).toEqual([['a'], ['b']]);
  });

  it('drops a last record the sample may have cut, but keeps a header alone', () => {
    expect(readRecords('a,b\n1,2', ',', 10, false)).toEqual([['a', 'b']]);
    expect(readRecords('a,b', ',', 10, false)).toEqual([['a', 'b']]);
  });

  it('finds no record in blank text or past a quote that never closes', () => {
    expect(readRecords('', ',', 10, true)).toEqual([]);
    expect(readRecords('\r\n\n', ',', 10, true)).toEqual([]);
    expect(readRecords('"open,b\n1,2', ',', 10, true)).toEqual([]);
  });

  it('reads back any header written with RFC 4180 quoting', () => {
    const cell = fc.string({ maxLength: 12 }).map((s) => s.trim());
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (cells) => {
        fc.pre(!(cells.length === 1 && cells[0] === ''));
        const line = cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(';');
        expect(readRecords(`${line}\r\nx`, ';', 1, false)[0]).toEqual(cells);
      }),
    );
  });
});

describe('readFileHead', () => {
  it('reads a semicolon-separated Windows-1257 file as Lithuanian Excel saves it', () => {
    const file = win1257(
      'Vardas;Pavardė;El. paštas;Įmonė\r\nJonas;Šimkus;jonas@example.lt;"UAB ""Žuvėdra""; filialas"\r\n',
    );
    expect(readFileHead(file, true)).toEqual({
      kind: 'csv',
      encoding: 'windows-1257',
      delimiter: ';',
      header: ['Vardas', 'Pavardė', 'El. paštas', 'Įmonė'],
      examples: [['Jonas', 'Šimkus', 'jonas@example.lt', 'UAB "Žuvėdra"; filialas']],
    });
  });

  it('reads UTF-8 with a BOM and commas', () => {
    const head = readFileHead(utf8('\uFEFFFirst Name,Email\nOna,ona@example.lt\n'), true);
    expect(head).toMatchObject({
      kind: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      header: ['First Name', 'Email'],
    });
  });

  it.each<[string, Uint8Array, string]>([
    ['a workbook (zip)', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), 'xlsx'],
    ['a PDF', utf8('%PDF-1.7\n'), 'unsupported'],
    ['an empty text', utf8(''), 'no_header'],
    ['a header whose quote never closes', utf8('"Vardas;Pavardė\n'), 'no_header'],
  ])('%s → %s', (_, sample, kind) => {
    expect(readFileHead(sample, true).kind).toBe(kind);
  });

  it('reads only the first 64 KiB of a large file', async () => {
    const header = 'Vardas;El. paštas\n';
    const big = new Blob([header, 'Jonas;jonas@example.lt\n'.repeat(10_000)]);
    expect(big.size).toBeGreaterThan(SAMPLE_BYTES);
    expect(await sniffFile(big)).toMatchObject({ kind: 'csv', header: ['Vardas', 'El. paštas'] });
  });
});

describe('exampleOf', () => {
  it.each<[string[][], number, string]>([
    [
      [
        ['', 'a'],
        ['b', 'c'],
      ],
      0,
      'b',
    ],
    [[['x']], 3, ''],
    [[], 0, ''],
  ])('%j column %i → %s', (rows, index, expected) => {
    expect(exampleOf(rows, index)).toBe(expected);
  });
});
