import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS } from '../../../domain/imports/fields';
import {
  FIELD_GROUPS,
  fieldsOfGroup,
  type ManualRow,
  manualMapping,
  mappingProblems,
  mapsExternalId,
  suggestedMapping,
  suggestForTyped,
  uploadProblems,
} from './mapping';

describe('field groups', () => {
  it('hold every standard field exactly once', () => {
    expect(FIELD_GROUPS.flatMap(fieldsOfGroup).sort()).toEqual([...IMPORT_FIELDS].sort());
  });
});

describe('suggestedMapping', () => {
  it('names the export and maps its columns', () => {
    const { preset, mapping } = suggestedMapping([
      'Record ID',
      'First Name',
      'Last Name',
      'Email',
      'Lifecycle Stage',
    ]);
    expect(preset).toBe('hubspot');
    expect(mapping).toEqual({
      'Record ID': 'external.id',
      'First Name': 'person.firstName',
      'Last Name': 'person.lastName',
      Email: 'person.email',
      'Lifecycle Stage': null,
    });
    expect(mapsExternalId(mapping)).toBe(true);
  });

  it('reads Lithuanian headers by hand without naming an export', () => {
    expect(suggestedMapping(['Vardas', 'Pavardė', 'El. paštas', 'Įmonė', 'Kita'])).toEqual({
      preset: null,
      mapping: {
        Vardas: 'person.firstName',
        Pavardė: 'person.lastName',
        'El. paštas': 'person.email',
        Įmonė: 'organisation.name',
        Kita: null,
      },
    });
  });
});

describe('mappingProblems', () => {
  it.each<
    [string, Record<string, string | null>, string[], { columns: Record<string, string>; general: string[] }]
  >([
    ['a good mapping', { A: 'person.email', B: null }, ['A', 'B'], { columns: {}, general: [] }],
    ['nothing that says who', { A: 'person.city' }, ['A'], { columns: {}, general: ['no_identity'] }],
    [
      'one field from two columns',
      { A: 'person.email', B: 'person.email' },
      ['A', 'B'],
      { columns: { B: 'duplicate_target' }, general: [] },
    ],
    [
      'a column the file lacks',
      { A: 'person.email', Z: 'person.city' },
      ['A'],
      { columns: { Z: 'unknown_column' }, general: [] },
    ],
    [
      'a column named twice',
      { A: 'person.email' },
      ['A', 'A'],
      { columns: { A: 'ambiguous_column' }, general: [] },
    ],
  ])('%s', (_, mapping, header, expected) => {
    expect(mappingProblems(mapping, header)).toEqual(expected);
  });
});

describe('uploadProblems', () => {
  it('puts each server problem where it is shown', () => {
    const problems = uploadProblems([
      { field: 'mapping.El. paštas', code: 'duplicate_target', message: 'is filled from two columns' },
      { field: 'mapping', code: 'no_identity', message: 'must map…' },
      { field: 'file', code: 'not_a_spreadsheet', message: 'is not a CSV or XLSX file' },
      { field: 'sourceId', code: 'not_found', message: 'does not exist' },
      { field: 'match.0', code: 'invalid_value', message: 'must be one of' },
      { field: 'mapping.El. paštas', code: 'unknown_field', message: 'second one is not shown' },
    ]);
    expect(problems).toEqual({
      columns: { 'El. paštas': 'duplicate_target' },
      general: ['no_identity'],
      fields: { file: 'not_a_spreadsheet', sourceId: 'not_found', match: 'invalid_value' },
      messages: {
        duplicate_target: 'is filled from two columns',
        no_identity: 'must map…',
        not_a_spreadsheet: 'is not a CSV or XLSX file',
        not_found: 'does not exist',
        invalid_value: 'must be one of',
        unknown_field: 'second one is not shown',
      },
    });
  });
});

describe('manualMapping', () => {
  it('trims names, leaves out blank ones and keeps the first of a repeated one', () => {
    expect(
      manualMapping([
        { column: ' Email ', field: 'person.email' },
        { column: '', field: 'person.city' },
        { column: 'Email', field: 'person.phone' },
        { column: '__proto__', field: null },
      ]),
    ).toEqual(JSON.parse('{"Email":"person.email","__proto__":null}'));
  });
});

describe('suggestForTyped', () => {
  it.each<[string, ManualRow, ManualRow]>([
    [
      'suggests for a new name',
      { column: 'El. paštas', field: null },
      { column: 'El. paštas', field: 'person.email', suggested: true },
    ],
    [
      'replaces its own suggestion',
      { column: 'Miestas', field: 'person.email', suggested: true },
      { column: 'Miestas', field: 'person.city', suggested: true },
    ],
    [
      'keeps what the person chose',
      { column: 'Miestas', field: 'lead.note', suggested: false },
      { column: 'Miestas', field: 'lead.note', suggested: false },
    ],
    [
      'drops its suggestion for an unknown name',
      { column: 'Xyz', field: 'person.city', suggested: true },
      { column: 'Xyz', field: null, suggested: false },
    ],
    ['waits for a name', { column: '  ', field: null }, { column: '  ', field: null }],
  ])('%s', (_, row, expected) => {
    expect(suggestForTyped(row)).toEqual(expected);
  });
});
