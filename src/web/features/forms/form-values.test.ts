import { describe, expect, it } from 'vitest';
import type { CustomFieldDto, FormDto } from '../../lib/api';
import {
  errorKeyOf,
  type FieldRow,
  formValuesOf,
  localProblems,
  messageKeyOf,
  moveRow,
  newFormValues,
  originInput,
  placeProblems,
  rowFor,
  toFormBody,
} from './form-values';

const budget: CustomFieldDto = {
  id: 'cf-1',
  entity: 'lead',
  key: 'budget',
  labelLt: 'Biudžetas',
  labelEn: 'Budget',
  type: 'number',
  options: [],
  position: 0,
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const saved: FormDto = {
  id: 'f-1',
  name: 'Kontaktai',
  status: 'active',
  kind: 'standard',
  defaultLanguage: 'lt',
  fields: [
    { key: 'person.email', required: true, label: { lt: 'El. paštas', en: 'E-mail' }, help: null },
    {
      key: 'cf.budget',
      required: false,
      label: { lt: 'Biudžetas', en: 'Budget' },
      help: { lt: 'Eurais', en: 'In euros' },
    },
  ],
  consent: { required: true, text: { lt: 'Sutinku', en: 'I agree' } },
  submitLabel: { lt: 'Siųsti', en: 'Send' },
  thankYou: { lt: 'Ačiū!', en: 'Thanks!' },
  redirectUrl: null,
  sourceId: 's-1',
  campaignId: null,
  ownerId: 'u-1',
  allowedOrigins: ['https://www.example.lt'],
  minFillSeconds: 3,
  maxPerMinute: 600,
  honeypotName: 'website_url',
  version: 4,
  embed: { script: '<script></script>', iframe: '<iframe></iframe>', tracker: '<script></script>' },
  counts: { processed: 1, quarantined: 2, pending: 0, failed: 0 },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

const rows = (...keys: string[]): FieldRow[] => keys.map((key, i) => rowFor(key, [budget], `r${i}`));

describe('form builder values', () => {
  it('give back the saved form unchanged when nothing was edited', () => {
    const { id, honeypotName, version, embed, counts, createdAt, updatedAt, ...writable } = saved;
    expect(toFormBody(formValuesOf(saved))).toEqual(writable);
  });

  it('prefill a new field with the catalogue wording, or the custom field labels', () => {
    expect(rowFor('person.email', [], 'x')).toMatchObject({
      labelLt: 'El. paštas',
      labelEn: 'E-mail',
      required: false,
    });
    expect(rowFor('cf.budget', [budget], 'x')).toMatchObject({ labelLt: 'Biudžetas', labelEn: 'Budget' });
  });

  it('send a blank help, consent off and an empty redirect as null, and trim texts', () => {
    const values = {
      ...newFormValues(),
      name: '  Naujienlaiškis ',
      fields: [{ ...rows('person.email')[0], labelLt: ' El. paštas ' } as FieldRow],
      redirectUrl: '  ',
    };
    const body = toFormBody(values);
    expect(body.name).toBe('Naujienlaiškis');
    expect(body.fields[0]).toEqual({
      key: 'person.email',
      required: false,
      label: { lt: 'El. paštas', en: 'E-mail' },
      help: null,
    });
    expect(body.consent).toBeNull();
    expect(body.redirectUrl).toBeNull();
  });

  it.each([
    ['https://www.example.lt/kontaktai?x=1', 'https://www.example.lt'],
    ['HTTPS://Shop.Example.LT:8443/', 'https://shop.example.lt:8443'],
    ['  www.example.lt ', 'www.example.lt'],
  ])('read the site %s as %s', (typed, origin) => {
    expect(originInput(typed)).toBe(origin);
  });

  it('check a new form by the server rules before sending', () => {
    const empty = localProblems(newFormValues(), []);
    expect(empty.map((p) => `${p.field}:${p.code}`)).toEqual(['name:required', 'fields:required']);
    const optionalEmail = { ...newFormValues(), name: 'A', fields: rows('person.email') };
    expect(localProblems(optionalEmail, []).map((p) => p.field)).toEqual(['fields.0.required']);
  });

  it('leave custom fields to the server while their definitions load', () => {
    const values = { ...newFormValues(), name: 'A', fields: rows('cf.budget', 'person.phone') };
    values.fields[1] = { ...(values.fields[1] as FieldRow), required: true };
    expect(localProblems(values, undefined)).toEqual([]);
    expect(localProblems(values, []).map((p) => p.field)).toEqual(['fields.0.key']);
  });

  it('move rows up and down, and leave the ends alone', () => {
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveRow(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveRow(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});

describe('server problems in the builder', () => {
  const sent = rows('person.firstName', 'person.email');

  it.each([
    ['name', 'name'],
    ['fields', 'fields'],
    ['fields.1', 'row.r1.key'],
    ['fields.1.key', 'row.r1.key'],
    ['fields.1.required', 'row.r1.required'],
    ['fields.0.label.en', 'row.r0.labelEn'],
    ['fields.0.label', 'row.r0.labelLt'],
    ['fields.1.help.lt', 'row.r1.helpLt'],
    ['fields.7.label.lt', 'fields'],
    ['consent', 'consentLt'],
    ['consent.text.lt', 'consentLt'],
    ['consent.text.en', 'consentEn'],
    ['submitLabel.en', 'submitEn'],
    ['thankYou.lt', 'thankYouLt'],
    ['allowedOrigins.3', 'allowedOrigins'],
    ['ownerId', 'ownerId'],
    ['maxPerMinute', 'maxPerMinute'],
    ['honeypotName', null],
  ])('%s goes under %s', (path, key) => {
    expect(errorKeyOf(path, sent)).toBe(key);
  });

  it('keep the first message per input and hand back the ones with no input', () => {
    const { placed, unplaced } = placeProblems(
      [
        { field: 'fields.1.label.lt', code: 'required', message: 'is required' },
        { field: 'fields.1.label.lt', code: 'too_long', message: 'is too long' },
        { field: '(root)', code: 'invalid', message: 'is invalid' },
      ],
      sent,
    );
    expect(placed).toEqual({
      'row.r1.labelLt': { field: 'fields.1.label.lt', code: 'required', message: 'is required' },
    });
    expect(unplaced.map((p) => p.field)).toEqual(['(root)']);
  });

  it.each([
    ['fields', 'required', 'forms.errors.needContact'],
    ['fields.2.required', 'required', 'forms.errors.contactRequired'],
    ['fields.0.key', 'in_use', 'forms.errors.duplicateField'],
    ['allowedOrigins.0', 'invalid_format', 'forms.errors.originFormat'],
    ['ownerId', 'user_disabled', 'fieldErrors.user_disabled'],
    ['fields.0.label.lt', 'required', 'fieldErrors.required'],
  ] as const)('%s %s reads as %s', (field, code, key) => {
    expect(messageKeyOf({ field, code })).toBe(key);
  });
});
