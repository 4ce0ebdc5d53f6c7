import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportField } from './fields.js';
import {
  detectPreset,
  GENERIC_COLUMNS,
  headerKey,
  PRESETS,
  type PresetId,
  suggestMapping,
} from './presets.js';

const HUBSPOT_HEADERS = [
  'Record ID',
  'First Name',
  'Last Name',
  'Email',
  'Phone Number',
  'Mobile Phone Number',
  'Job Title',
  'Company Name',
  'City',
  'Country/Region',
  'Website URL',
  'Lifecycle Stage',
  'Contact owner',
];
const PIPEDRIVE_HEADERS = [
  'Person - ID',
  'Person - Name',
  'Person - Email - Work',
  'Person - Phone - Mobile',
  'Organization - Name*',
  'Lead - Title',
  'Lead - Owner',
];
const SALESFORCE_REPORT = [
  'Lead ID',
  'First Name',
  'Last Name',
  'Title',
  'Company / Account',
  'Email',
  'Phone',
  'Mobile',
  'City',
  'Country',
  'Lead Source',
  'Lead Status',
];
const SALESFORCE_API = [
  'Id',
  'FirstName',
  'LastName',
  'Email',
  'Phone',
  'Title',
  'Company',
  'LeadSource',
  'Website',
];

describe('headerKey', () => {
  it.each<[string, string]>([
    ['El. paštas', 'elpastas'],
    ['EL PASTAS', 'elpastas'],
    ['  e-mail ', 'email'],
    ['Įmonė', 'imone'],
    ['Country/Region', 'countryregion'],
    ['Organization - Name*', 'organizationname'],
    ['FirstName', 'firstname'],
    ['', ''],
  ])('%j → %j', (header, expected) => {
    expect(headerKey(header)).toBe(expected);
  });
});

describe('detectPreset', () => {
  it.each<[string, PresetId | null, string[]]>([
    ['a HubSpot contacts export', 'hubspot', HUBSPOT_HEADERS],
    ['an older HubSpot export', 'hubspot', ['Contact ID', 'First Name', 'Last Name', 'Email']],
    ['a Pipedrive export with qualified columns', 'pipedrive', PIPEDRIVE_HEADERS],
    [
      'a Pipedrive people list',
      'pipedrive',
      ['Name', 'Organization', 'Email', 'Phone', 'Labels', 'Owner', 'Person created'],
    ],
    ['a Salesforce leads report', 'salesforce', SALESFORCE_REPORT],
    ['a Salesforce Data Loader export', 'salesforce', SALESFORCE_API],
    ['a hand-made English list', null, ['Name', 'Email', 'Phone', 'Company']],
    ['a hand-made Lithuanian list', null, ['Vardas', 'Pavardė', 'El. paštas', 'Telefonas', 'Įmonė']],
    ['only two recognised headers', null, ['Record ID', 'Email', 'Foo', 'Bar']],
    ['a tie between two exports', null, ['First Name', 'Last Name', 'Email', 'City', 'Record ID', 'Lead ID']],
    ['no headers', null, []],
  ])('takes %s for %s', (_, expected, headers) => {
    expect(detectPreset(headers)).toBe(expected);
  });
});

describe('suggestMapping', () => {
  it.each<[string, string[], PresetId | null | undefined, Record<string, ImportField | null>]>([
    [
      'Lithuanian headers with diacritics',
      ['Vardas', 'Pavardė', 'El. paštas', 'Telefonas', 'Įmonė', 'Pareigos', 'Miestas', 'Šalis'],
      undefined,
      {
        Vardas: 'person.firstName',
        Pavardė: 'person.lastName',
        'El. paštas': 'person.email',
        Telefonas: 'person.phone',
        Įmonė: 'organisation.name',
        Pareigos: 'person.jobTitle',
        Miestas: 'person.city',
        Šalis: 'person.country',
      },
    ],
    [
      'Lithuanian headers typed without diacritics',
      ['VARDAS', 'pavarde', 'El. pastas', 'Imone', 'Salis', 'Imones kodas'],
      undefined,
      {
        VARDAS: 'person.firstName',
        pavarde: 'person.lastName',
        'El. pastas': 'person.email',
        Imone: 'organisation.name',
        Salis: 'person.country',
        'Imones kodas': 'organisation.companyCode',
      },
    ],
    [
      'English headers, with unknown ones left null',
      ['Name', 'E-mail', 'Company', 'Phone', 'Shoe size'],
      undefined,
      {
        Name: 'person.fullName',
        'E-mail': 'person.email',
        Company: 'organisation.name',
        Phone: 'person.phone',
        'Shoe size': null,
      },
    ],
    [
      'a HubSpot export: the first phone column wins, known extras stay null',
      HUBSPOT_HEADERS,
      undefined,
      {
        'Record ID': 'external.id',
        'First Name': 'person.firstName',
        'Last Name': 'person.lastName',
        Email: 'person.email',
        'Phone Number': 'person.phone',
        'Mobile Phone Number': null,
        'Job Title': 'person.jobTitle',
        'Company Name': 'organisation.name',
        City: 'person.city',
        'Country/Region': 'person.country',
        'Website URL': 'organisation.website',
        'Lifecycle Stage': null,
        'Contact owner': null,
      },
    ],
    [
      'a Pipedrive export, dropping "Work" and "Mobile" qualifiers and the required-column star',
      PIPEDRIVE_HEADERS,
      undefined,
      {
        'Person - ID': 'external.id',
        'Person - Name': 'person.fullName',
        'Person - Email - Work': 'person.email',
        'Person - Phone - Mobile': 'person.phone',
        'Organization - Name*': 'organisation.name',
        'Lead - Title': 'lead.title',
        'Lead - Owner': null,
      },
    ],
    [
      'a Salesforce report: Title is the job title',
      SALESFORCE_REPORT,
      undefined,
      {
        'Lead ID': 'external.id',
        'First Name': 'person.firstName',
        'Last Name': 'person.lastName',
        Title: 'person.jobTitle',
        'Company / Account': 'organisation.name',
        Email: 'person.email',
        Phone: 'person.phone',
        Mobile: null,
        City: 'person.city',
        Country: 'person.country',
        'Lead Source': 'lead.sourceDetail',
        'Lead Status': null,
      },
    ],
    [
      'Salesforce API names',
      SALESFORCE_API,
      'salesforce',
      {
        Id: 'external.id',
        FirstName: 'person.firstName',
        LastName: 'person.lastName',
        Email: 'person.email',
        Phone: 'person.phone',
        Title: 'person.jobTitle',
        Company: 'organisation.name',
        LeadSource: 'lead.sourceDetail',
        Website: 'organisation.website',
      },
    ],
    [
      'a Pipedrive "Title" as the lead title when the preset is chosen',
      ['Title', 'Person', 'Email'],
      'pipedrive',
      { Title: 'lead.title', Person: 'person.fullName', Email: 'person.email' },
    ],
    ['no "Title" guess without a preset', ['Title', 'Email'], null, { Title: null, Email: 'person.email' }],
    [
      'a full name left out when first and last names have columns',
      ['Name', 'First name', 'Last name'],
      undefined,
      { Name: null, 'First name': 'person.firstName', 'Last name': 'person.lastName' },
    ],
    [
      'a full name kept next to a last name alone',
      ['Name', 'Last name'],
      undefined,
      { Name: 'person.fullName', 'Last name': 'person.lastName' },
    ],
    [
      'one target for two columns that both fit: the surer alias, not the leftmost',
      ['Telephone', 'Phone'],
      undefined,
      { Telephone: null, Phone: 'person.phone' },
    ],
    [
      'the leftmost of two equally sure columns',
      ['Email', 'email'],
      undefined,
      { Email: 'person.email', email: null },
    ],
    [
      'a qualified e-mail written with parentheses or a colon',
      ['Email (work)', 'Phone: mobile', 'Organization - Address'],
      null,
      { 'Email (work)': 'person.email', 'Phone: mobile': 'person.phone', 'Organization - Address': null },
    ],
    [
      'a header named like an object property',
      ['__proto__', 'Email'],
      undefined,
      Object.fromEntries([
        ['__proto__', null],
        ['Email', 'person.email'],
      ]),
    ],
  ])('maps %s', (_, headers, preset, expected) => {
    const mapping = suggestMapping(headers, preset);
    expect(Object.entries(mapping)).toEqual(Object.entries(expected));
  });

  it('lists each repeated header once', () => {
    expect(Object.keys(suggestMapping(['Email', 'Email', 'Name']))).toEqual(['Email', 'Name']);
  });

  const tables = [
    { id: null, columns: GENERIC_COLUMNS },
    ...PRESETS.map((preset) => ({ id: preset.id, columns: preset.columns })),
  ];

  it.each(tables)('maps each alias of $id, alone, to its own target', ({ id, columns }) => {
    for (const [header, field] of Object.entries(columns))
      expect(suggestMapping([header], id)).toEqual({ [header]: field });
  });

  it.each(tables)('declares no alias of $id twice under another spelling', ({ columns }) => {
    const keys = Object.keys(columns).map(headerKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  const header = fc.oneof(
    fc.constantFrom(...Object.keys(GENERIC_COLUMNS), ...PRESETS.flatMap((p) => Object.keys(p.columns))),
    fc.string(),
  );

  it('never suggests one target for two columns, and answers for every header', () => {
    fc.assert(
      fc.property(
        fc.array(header, { maxLength: 30 }),
        fc.constantFrom(undefined, null, ...PRESETS.map((p) => p.id)),
        (headers, preset) => {
          const mapping = suggestMapping(headers, preset);
          const targets = Object.values(mapping).filter((field) => field !== null);
          expect(new Set(targets).size).toBe(targets.length);
          expect(new Set(Object.keys(mapping))).toEqual(new Set(headers));
        },
      ),
      { numRuns: 500 },
    );
  });
});
