import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectDelimiter,
  detectEncoding,
  hasBom,
  type ImportDelimiter,
  looksLikeText,
  looksLikeXlsx,
  sniffFileKind,
} from './detect.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => Uint8Array.from(values);
/** "Šąčžė" as Lithuanian Excel saves it. */
const WIN1257_LETTERS = bytes(0xd0, 0xe0, 0xe8, 0xfe, 0xeb);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

describe('hasBom', () => {
  it.each<[string, Uint8Array, boolean]>([
    ['a UTF-8 BOM before text', bytes(0xef, 0xbb, 0xbf, 0x41), true],
    ['only the BOM', bytes(0xef, 0xbb, 0xbf), true],
    ['text without one', utf8('Vardas'), false],
    ['two of its three bytes', bytes(0xef, 0xbb), false],
    ['a UTF-16 BOM', bytes(0xff, 0xfe, 0x41, 0x00), false],
    ['nothing', bytes(), false],
  ])('%s → %s', (_, sample, expected) => {
    expect(hasBom(sample)).toBe(expected);
  });
});

describe('detectEncoding', () => {
  it.each<[string, Uint8Array, 'utf-8' | 'windows-1257']>([
    ['plain ASCII', utf8('Name,Email\nJonas,jonas@acme.lt\n'), 'utf-8'],
    ['Lithuanian letters in UTF-8', utf8('Vardas;Pavardė;Įmonė\nŠarūnas;Žemaitė;UAB „Ąžuolas“\n'), 'utf-8'],
    ['a BOM, even before invalid bytes', concat(bytes(0xef, 0xbb, 0xbf), WIN1257_LETTERS), 'utf-8'],
    ['Windows-1257 letters', concat(utf8('Vardas;'), WIN1257_LETTERS, utf8('\n')), 'windows-1257'],
    ['a sample cut inside a two-byte letter', utf8('Šimkus;Ž').subarray(0, -1), 'utf-8'],
    ['a sample cut inside a three-byte quote mark', utf8('UAB „').subarray(0, -1), 'utf-8'],
    ['a sample cut after the first byte of €', utf8('10 €').subarray(0, -2), 'utf-8'],
    ['a sample cut inside a four-byte emoji', utf8('ok 😀').subarray(0, -1), 'utf-8'],
    ['a Windows-1257 letter just before the cut', concat(WIN1257_LETTERS, utf8('abc')), 'windows-1257'],
    ['a lone continuation byte', bytes(0x41, 0x80), 'windows-1257'],
    ['an overlong encoding', bytes(0xc0, 0xaf), 'windows-1257'],
    ['an empty sample', bytes(), 'utf-8'],
  ])('reads %s as %s', (_, sample, expected) => {
    expect(detectEncoding(sample)).toBe(expected);
  });

  it.each<[string, Uint8Array, 'utf-8' | 'windows-1257']>([
    ['a whole file ending in a Windows-1257 Š', concat(utf8('Vardas\nJonas '), bytes(0xd0)), 'windows-1257'],
    ['a whole file of valid UTF-8', utf8('Vardas\nŠarūnas'), 'utf-8'],
  ])('takes %s, passed as complete, as %s', (_, sample, expected) => {
    expect(detectEncoding(sample, { complete: true })).toBe(expected);
  });

  it('relies on a TextDecoder that knows Windows-1257, as Node 20 with full ICU does', () => {
    expect(new TextDecoder('windows-1257').decode(WIN1257_LETTERS)).toBe('Šąčžė');
  });

  it('calls any valid UTF-8 cut at any byte UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), (text, cut) => {
        const encoded = utf8(text);
        expect(detectEncoding(encoded.subarray(0, cut % (encoded.length + 1)))).toBe('utf-8');
      }),
      { numRuns: 500 },
    );
  });
});

describe('looksLikeXlsx', () => {
  it.each<[string, Uint8Array, boolean]>([
    ['a zip local file header', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), true],
    ['an empty zip', bytes(0x50, 0x4b, 0x05, 0x06), false],
    ['a CSV whose header starts with PK', utf8('PKD kodas;Pavadinimas'), false],
    ['a PDF', utf8('%PDF-1.7'), false],
    ['too short', bytes(0x50, 0x4b, 0x03), false],
  ])('%s → %s', (_, sample, expected) => {
    expect(looksLikeXlsx(sample)).toBe(expected);
  });
});

describe('looksLikeText', () => {
  it.each<[string, Uint8Array, boolean]>([
    ['a UTF-8 CSV', utf8('Vardas;Pavardė\r\nJonas;Šimkus\r\n'), true],
    ['a UTF-8 CSV with a BOM', concat(bytes(0xef, 0xbb, 0xbf), utf8('a,b\n')), true],
    ['a Windows-1257 CSV', concat(utf8('Vardas;'), WIN1257_LETTERS), true],
    ['a tab-separated file with a form feed', utf8('a\tb\f\n1\t2\n'), true],
    ['a CSV whose header starts with PK', utf8('PKD kodas;Pavadinimas\n1;2'), true],
    ['an empty sample', bytes(), true],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00), false],
    ['a PDF with text streams only', utf8('%PDF-1.4\n1 0 obj << /Type /Catalog >>\nendobj\n'), false],
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0x10, 0x4a, 0x46), false],
    ['an old binary .xls', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), false],
    ['an XLSX', bytes(0x50, 0x4b, 0x03, 0x04, 0x14), false],
    ['a gzip', bytes(0x1f, 0x8b, 0x08), false],
    ['UTF-16 text', bytes(0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00), false],
    ['text with a NUL', utf8('a,b\u0000c'), false],
    ['text full of control bytes', utf8('a\u0001b\u0002c\u0003d'), false],
  ])('%s → %s', (_, sample, expected) => {
    expect(looksLikeText(sample)).toBe(expected);
  });
});

describe('sniffFileKind', () => {
  it.each<[string, Uint8Array, string]>([
    ['an XLSX', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), 'xlsx'],
    ['a CSV', utf8('a;b\n1;2\n'), 'text'],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'unsupported'],
    ['a PDF', utf8('%PDF-1.7\n'), 'unsupported'],
  ])('calls %s %s', (_, sample, expected) => {
    expect(sniffFileKind(sample)).toBe(expected);
  });
});

describe('detectDelimiter', () => {
  it.each<[string, string, ImportDelimiter]>([
    ['commas', 'Name,Email,Phone\nJonas,j@acme.lt,+37061234567\n', ','],
    ['semicolons, as Lithuanian Excel writes', 'Vardas;Pavardė;El. paštas\nJonas;Šimkus;j@acme.lt\n', ';'],
    ['tabs', 'Name\tEmail\nJonas\tj@acme.lt\n', '\t'],
    ['semicolons with commas inside quotes', 'Name;Note\n"Šimkus, Jonas";"a, b, c"\n"Ona";"x"\n', ';'],
    ['semicolons with decimal commas unquoted', 'Name;Sum;Tax\nJonas;12,5;2,6\nOna;1,0;0,2\n', ';'],
    ['a header line only', 'Vardas;Pavardė;Telefonas', ';'],
    ['CRLF line ends', 'a;b;c\r\n1;2;3\r\n', ';'],
    ['a quoted field spanning lines', 'a;b\n"line one,\nline two, three";2\nx;y\n', ';'],
    ['escaped quotes inside a quoted field', 'a;b\n"he said ""hi, there""";2\n', ';'],
    ['blank lines between rows', 'a\tb\n\n\n1\t2\n   \n3\t4\n', '\t'],
    [
      'a stray quote inside an unquoted field',
      'Item;Size;Note\nTV;55" screen, big;ok\nRadio;small;fine\n',
      ';',
    ],
    ['an inch mark inside an unquoted field, a literal quote', 'a,b\nx"y,1\n"p;q;r",2\n"s;t;u",3\n', ','],
    ['one ragged line among many', `a;b;c\n${'1;2;3\n'.repeat(8)}1;2\n`, ';'],
    ['a single column', 'Email\nj@acme.lt\n', ','],
    ['an empty text', '', ','],
    ['an equal tie, falling back to the first candidate', 'a,b;c\n1,2;3\n', ','],
    ['commas consistent but semicolons more frequent', 'a;b;c,d\n1;2;3,4\n', ';'],
  ])('finds %s', (_, text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it('looks at the first 20 records only', () => {
    const text = `${'a;b\n'.repeat(20)}${'1,2,3,4\n'.repeat(100)}`;
    expect(detectDelimiter(text)).toBe(';');
  });

  const cell = fc.string({ unit: fc.constantFrom('a', 'Š', ' ', ',', ';', '\t', '"', '\n', '\r', '1') });
  const quote = (value: string) => (/[,;\t"\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const table = fc
    .integer({ min: 2, max: 6 })
    .chain((columns) =>
      fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 25 }),
    );

  it('finds the delimiter a generated CSV was written with', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom<ImportDelimiter>(',', ';', '\t'),
        fc.boolean(),
        (rows, delimiter, crlf) => {
          const text = rows.map((row) => row.map(quote).join(delimiter)).join(crlf ? '\r\n' : '\n');
          expect(detectDelimiter(text)).toBe(delimiter);
        },
      ),
      { numRuns: 500 },
    );
  });
});
