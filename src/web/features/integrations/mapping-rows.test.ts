import { describe, expect, it } from 'vitest';
import type { Source, WebhookMapping } from '../../../domain/integrations/mapping';
import { PRESETS, WEBHOOK_PRESET_KINDS } from '../../../domain/integrations/presets';
import {
  describeSource,
  type MappingRow,
  mappingOf,
  newFieldRow,
  rowOfProblem,
  rowsOf,
  sourceOf,
} from './mapping-rows';

const row = (target: string, kind: MappingRow['kind'], text: string, key = target): MappingRow => ({
  key,
  target,
  kind,
  text,
});

describe('describeSource', () => {
  it.each<[string, Source, { kind: string; text: string }]>([
    ['a pointer', { pointer: '/data/email' }, { kind: 'pointer', text: '/data/email' }],
    ['a fixed text', { const: 'Facebook' }, { kind: 'const', text: 'Facebook' }],
    [
      'Facebook names',
      { fieldData: ['email', 'work_email'] },
      { kind: 'fieldData', text: 'email, work_email' },
    ],
    ['one LinkedIn field', { liAnswer: { predefinedField: 'EMAIL' } }, { kind: 'liAnswer', text: 'EMAIL' }],
    ['a LinkedIn question id', { liAnswer: { questionId: 415148 } }, { kind: 'liAnswer', text: '415148' }],
    [
      'LinkedIn fallbacks',
      {
        first: [{ liAnswer: { predefinedField: 'EMAIL' } }, { liAnswer: { predefinedField: 'WORK_EMAIL' } }],
      },
      { kind: 'liAnswer', text: 'EMAIL, WORK_EMAIL' },
    ],
    [
      'Facebook names somewhere else',
      { fieldData: ['email'], at: '/lead/field_data' },
      { kind: 'json', text: '{"fieldData":["email"],"at":"/lead/field_data"}' },
    ],
    [
      'mixed fallbacks',
      { first: [{ pointer: '/a' }, { const: 'x' }] },
      { kind: 'json', text: '{"first":[{"pointer":"/a"},{"const":"x"}]}' },
    ],
  ])('writes %s in its own words', (_name, source, expected) => {
    expect(describeSource(source)).toEqual(expected);
  });
});

describe('sourceOf', () => {
  it.each<[string, Pick<MappingRow, 'kind' | 'text'>, Source | string]>([
    ['a pointer, trimmed', { kind: 'pointer', text: ' /email ' }, { pointer: '/email' }],
    [
      'names split on commas',
      { kind: 'fieldData', text: 'email, ,work_email' },
      { fieldData: ['email', 'work_email'] },
    ],
    ['one LinkedIn field', { kind: 'liAnswer', text: 'EMAIL' }, { liAnswer: { predefinedField: 'EMAIL' } }],
    [
      'digits as a question id',
      { kind: 'liAnswer', text: '308842113' },
      { liAnswer: { questionId: '308842113' } },
    ],
    [
      'several LinkedIn answers as fallbacks',
      { kind: 'liAnswer', text: 'EMAIL, 42' },
      { first: [{ liAnswer: { predefinedField: 'EMAIL' } }, { liAnswer: { questionId: '42' } }] },
    ],
    ['JSON', { kind: 'json', text: '{"const":"x"}' }, { const: 'x' }],
    ['JSON that is not an object', { kind: 'json', text: '["x"]' }, 'invalid_json'],
    ['text that is not JSON', { kind: 'json', text: '{pointer' }, 'invalid_json'],
    ['an empty text', { kind: 'pointer', text: '  ' }, 'required'],
  ])('reads %s', (_name, input, expected) => {
    expect(sourceOf(input)).toEqual(expected);
  });
});

describe('rowsOf and mappingOf', () => {
  it.each(WEBHOOK_PRESET_KINDS)('give back the %s preset unchanged', (kind) => {
    const result = mappingOf(rowsOf(PRESETS[kind].mapping));
    expect(result).toEqual({ ok: true, mapping: PRESETS[kind].mapping });
  });

  it('start with the event id and the test flag, an absent flag as an empty row', () => {
    const rows = rowsOf({ eventId: { pointer: '/id' }, fields: { 'person.email': { pointer: '/m' } } });
    expect(rows.map((r) => [r.target, r.text])).toEqual([
      ['eventId', '/id'],
      ['test', ''],
      ['person.email', '/m'],
    ]);
  });

  it('leaves an empty test flag out and keeps the edited sources', () => {
    const result = mappingOf([
      row('eventId', 'pointer', '/leadgen_id'),
      row('test', 'pointer', ''),
      row('person.email', 'fieldData', 'email'),
      row('lead.sourceDetail', 'const', 'Spring fair'),
    ]);
    const expected: WebhookMapping = {
      eventId: { pointer: '/leadgen_id' },
      fields: { 'person.email': { fieldData: ['email'] }, 'lead.sourceDetail': { const: 'Spring fair' } },
    };
    expect(result).toEqual({ ok: true, mapping: expected });
  });

  it('names every problem at once under its row: no target, a target twice, no event id, a bad pointer', () => {
    const fresh = { ...newFieldRow(), key: 'new' };
    const result = mappingOf([
      row('eventId', 'pointer', ''),
      row('person.email', 'pointer', 'email', 'a'),
      row('person.email', 'pointer', '/mail', 'b'),
      fresh,
    ]);
    expect(result).toEqual({
      ok: false,
      problems: { eventId: 'required', a: 'invalid_pointer', b: 'duplicate_target', new: 'no_target' },
    });
    const domain = mappingOf([row('eventId', 'pointer', '/id'), row('person.email', 'pointer', 'email')]);
    expect(domain).toEqual({ ok: false, problems: { 'person.email': 'invalid_pointer' } });
  });
});

describe('rowOfProblem', () => {
  const rows = [
    row('eventId', 'pointer', '/id', 'k1'),
    row('person.email', 'liAnswer', 'EMAIL', 'k2'),
    row('person.emailAlt', 'pointer', '/x', 'k3'),
  ];
  it.each([
    ['body.mapping.eventId', 'k1'],
    ['mapping.fields.person.email.first.1', 'k2'],
    ['fields.person.email', 'k2'],
    ['mapping.fields.person.emailAlt', 'k3'],
    ['mapping.fields', 'mapping'],
    ['mapping', 'mapping'],
  ])('puts %s under %s', (field, key) => {
    expect(rowOfProblem(field, rows)).toBe(key);
  });
});
