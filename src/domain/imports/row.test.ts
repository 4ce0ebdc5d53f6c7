import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS, type ImportField, MAX_CELL_LENGTH } from './fields.js';
import {
  compileMapping,
  type MappedRow,
  type MappingError,
  mapRow,
  type RowError,
  splitFullName,
  splitTags,
  validateMapping,
} from './row.js';

const row = (values: Partial<MappedRow>): MappedRow => ({
  person: {},
  organisation: {},
  lead: {},
  customFields: {},
  ...values,
});

describe('splitFullName', () => {
  it.each<[string, { firstName?: string; lastName?: string }]>([
    ['Jonas Šimkus', { firstName: 'Jonas', lastName: 'Šimkus' }],
    ['Ona Marija Šimkienė', { firstName: 'Ona Marija', lastName: 'Šimkienė' }],
    ['  Jonas   Šimkus  ', { firstName: 'Jonas', lastName: 'Šimkus' }],
    ['Šimkus, Jonas', { firstName: 'Jonas', lastName: 'Šimkus' }],
    ['Šimkienė,Ona Marija', { firstName: 'Ona Marija', lastName: 'Šimkienė' }],
    ['Šimkus,', { lastName: 'Šimkus' }],
    [', Jonas', { firstName: 'Jonas' }],
    ['Jonas', { firstName: 'Jonas' }],
    ['Jonas\tŠimkus', { firstName: 'Jonas', lastName: 'Šimkus' }],
    ['', {}],
    [' , ', {}],
  ])('%j → %j', (fullName, expected) => {
    expect(splitFullName(fullName)).toEqual(expected);
  });
});

describe('splitTags', () => {
  it.each<[string, string[]]>([
    ['vip', ['vip']],
    ['vip, b2b', ['vip', 'b2b']],
    ['vip;b2b; Vilnius ', ['vip', 'b2b', 'Vilnius']],
    ['vip; b2b,vip', ['vip', 'b2b']],
    [' ,; ,', []],
    ['', []],
  ])('%j → %j', (cell, expected) => {
    expect(splitTags(cell)).toEqual(expected);
  });
});

describe('mapRow', () => {
  const header = ['Vardas', 'El. paštas', 'Telefonas', 'Įmonė', 'Žymos', 'Biudžetas', 'ID', 'Miestas'];
  const mapping: Record<string, ImportField | null> = {
    Vardas: 'person.fullName',
    'El. paštas': 'person.email',
    Telefonas: 'person.phone',
    Įmonė: 'organisation.name',
    Žymos: 'lead.tags',
    Biudžetas: 'cf.budget',
    ID: 'external.id',
    Miestas: null,
  };

  it.each<[string, string[], MappedRow, RowError[]]>([
    [
      'a full row, trimmed and grouped by record',
      [
        ' Jonas Šimkus ',
        ' j@acme.lt',
        '+370 612 34567 ',
        'UAB „Ąžuolas“',
        'vip; b2b',
        '5000',
        'hs-1',
        'Vilnius',
      ],
      row({
        person: { firstName: 'Jonas', lastName: 'Šimkus', email: 'j@acme.lt', phone: '+370 612 34567' },
        organisation: { name: 'UAB „Ąžuolas“' },
        lead: { tags: ['vip', 'b2b'] },
        externalId: 'hs-1',
        customFields: { budget: '5000' },
      }),
      [],
    ],
    [
      'empty and blank cells as absent fields',
      ['', '  ', '', 'Acme', ' ;, ', '', '', ''],
      row({ organisation: { name: 'Acme' } }),
      [],
    ],
    [
      'a row with fewer cells than the header',
      ['Jonas', 'j@acme.lt'],
      row({ person: { firstName: 'Jonas', email: 'j@acme.lt' } }),
      [{ field: '*', code: 'ragged_row' }],
    ],
    [
      'a row with more cells than the header',
      ['Jonas', 'j@acme.lt', '', '', '', '', '', '', 'extra'],
      row({ person: { firstName: 'Jonas', email: 'j@acme.lt' } }),
      [{ field: '*', code: 'ragged_row' }],
    ],
    [
      'a cell over 10,000 characters, left out',
      ['Jonas', 'j@acme.lt', '', '', '', 'x'.repeat(MAX_CELL_LENGTH + 1), '', ''],
      row({ person: { firstName: 'Jonas', email: 'j@acme.lt' } }),
      [{ field: 'cf.budget', code: 'too_long' }],
    ],
    [
      'a cell of exactly 10,000 characters, kept',
      ['', '', '', '', '', 'x'.repeat(MAX_CELL_LENGTH), '', ''],
      row({ customFields: { budget: 'x'.repeat(MAX_CELL_LENGTH) } }),
      [],
    ],
    [
      'an e-mail as written, format left to the write path',
      ['', 'not an e-mail', 'call me', '', '', '', '', ''],
      row({ person: { email: 'not an e-mail', phone: 'call me' } }),
      [],
    ],
    [
      'a full name written "Pavardė, Vardas"',
      ['Šimkienė, Ona', '', '', '', '', '', '', ''],
      row({ person: { firstName: 'Ona', lastName: 'Šimkienė' } }),
      [],
    ],
  ])('maps %s', (_, cells, values, errors) => {
    expect(mapRow(cells, header, mapping)).toEqual({ values, errors });
  });

  it.each<[string, Record<string, ImportField | null>, string[], MappedRow]>([
    [
      'first and last name columns over a split full name',
      { A: 'person.firstName', B: 'person.lastName', C: 'person.fullName' },
      ['Ona', 'Šimkienė', 'Jonas Šimkus'],
      row({ person: { firstName: 'Ona', lastName: 'Šimkienė' } }),
    ],
    [
      'a split full name filling an empty first name',
      { A: 'person.firstName', B: 'person.lastName', C: 'person.fullName' },
      ['', 'Šimkienė', 'Ona Šimkienė'],
      row({ person: { firstName: 'Ona', lastName: 'Šimkienė' } }),
    ],
    [
      'every plain target in its place',
      { A: 'person.jobTitle', B: 'person.city', C: 'person.country', D: 'organisation.companyCode' },
      ['Vadovas', 'Kaunas', 'LT', '304567890'],
      row({
        person: { jobTitle: 'Vadovas', city: 'Kaunas', country: 'LT' },
        organisation: { companyCode: '304567890' },
      }),
    ],
    [
      'the lead fields',
      { A: 'lead.title', B: 'lead.timeframe', C: 'lead.sourceDetail', D: 'lead.note' },
      ['Svetainė', 'now', 'Paroda 2025', 'Skambinti po 14 val.'],
      row({
        lead: {
          title: 'Svetainė',
          timeframe: 'now',
          sourceDetail: 'Paroda 2025',
          note: 'Skambinti po 14 val.',
        },
      }),
    ],
    [
      'an organisation website',
      { A: 'organisation.website', B: 'person.lastName' },
      ['https://acme.lt', 'Šimkus'],
      row({ person: { lastName: 'Šimkus' }, organisation: { website: 'https://acme.lt' } }),
    ],
  ])('maps %s', (_, map, cells, values) => {
    expect(mapRow(cells, Object.keys(map), map).values).toEqual(values);
  });

  it('skips columns missing from the header and unknown targets instead of failing', () => {
    const loose = { Gone: 'person.email', A: 'person.nickname' } as unknown as Record<string, ImportField>;
    expect(mapRow(['x'], ['A'], loose)).toEqual({ values: row({}), errors: [] });
  });

  it('reads a header repeated twice at its first position', () => {
    expect(mapRow(['a@x.lt', 'b@x.lt'], ['Email', 'Email'], { Email: 'person.email' }).values.person).toEqual(
      {
        email: 'a@x.lt',
      },
    );
  });

  it('gives the same answer compiled once as per row', () => {
    const map = compileMapping(header, mapping);
    const cells = ['Jonas Šimkus', 'j@acme.lt', '', '', '', '', '', ''];
    expect(map(cells)).toEqual(mapRow(cells, header, mapping));
    expect(map(cells)).toEqual(map(cells));
  });

  const anyMapping = fc.dictionary(
    fc.oneof(fc.constantFrom('A', 'B', 'C', '__proto__', 'constructor'), fc.string()),
    fc.oneof(
      fc.constant(null),
      fc.constantFrom(...IMPORT_FIELDS),
      fc.constantFrom('cf.a', 'cf.x_1', 'bogus', 'toString'),
    ),
  ) as fc.Arbitrary<Record<string, ImportField | null>>;

  it('never throws, keeps no blank value, and reports a ragged row exactly when the lengths differ', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.array(fc.string()), anyMapping, (header, cells, mapping) => {
        const { values, errors } = mapRow(cells, header, mapping);
        expect(errors.some((e) => e.code === 'ragged_row')).toBe(cells.length !== header.length);
        const strings = [
          ...Object.values(values.person),
          ...Object.values(values.organisation),
          ...Object.values(values.lead).flat(),
          ...Object.values(values.customFields),
          ...(values.externalId === undefined ? [] : [values.externalId]),
        ];
        for (const value of strings) expect(value).toBe(value.trim());
        for (const value of strings) expect(value).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });
});

describe('validateMapping', () => {
  const header = ['Vardas', 'El. paštas', 'Miestas', 'Miestas2', 'Dup', 'Dup'];

  it.each<[string, Record<string, string | null>, MappingError[]]>([
    ['a sound mapping', { Vardas: 'person.fullName', 'El. paštas': 'person.email', Miestas: null }, []],
    ['an organisation name as the only identity', { Miestas: 'organisation.name' }, []],
    ['a custom field next to an identity', { Vardas: 'person.firstName', Miestas: 'cf.city_code' }, []],
    [
      'a column the file does not have',
      { Vardas: 'person.firstName', Pavardė: 'person.lastName' },
      [{ code: 'unknown_column', column: 'Pavardė', field: 'person.lastName' }],
    ],
    [
      'a column the header has twice',
      { Vardas: 'person.firstName', Dup: 'person.phone' },
      [{ code: 'ambiguous_column', column: 'Dup', field: 'person.phone' }],
    ],
    [
      'an unknown target',
      { Vardas: 'person.firstName', Miestas: 'person.town' },
      [{ code: 'unknown_field', column: 'Miestas', field: 'person.town' }],
    ],
    [
      'a malformed custom field',
      { Vardas: 'person.firstName', Miestas: 'cf.Miestas' },
      [{ code: 'unknown_field', column: 'Miestas', field: 'cf.Miestas' }],
    ],
    [
      'one target for two columns',
      { Vardas: 'person.email', 'El. paštas': 'person.email' },
      [{ code: 'duplicate_target', column: 'El. paštas', field: 'person.email' }],
    ],
    ['no identity column', { Miestas: 'person.city', Miestas2: 'lead.title' }, [{ code: 'no_identity' }]],
    ['nothing mapped', { Vardas: null }, [{ code: 'no_identity' }]],
    ['an empty mapping', {}, [{ code: 'no_identity' }]],
    [
      'an identity only on a missing column',
      { Email: 'person.email', Miestas: 'person.city' },
      [{ code: 'unknown_column', column: 'Email', field: 'person.email' }, { code: 'no_identity' }],
    ],
    [
      'an external id alone, which identifies nobody new',
      { Vardas: 'external.id' },
      [{ code: 'no_identity' }],
    ],
  ])('reports %s', (_, mapping, expected) => {
    expect(validateMapping(mapping, header)).toEqual(expected);
  });
});
