import { describe, expect, it } from 'vitest';
import {
  buildBody,
  isEmail,
  newId,
  parseRetryAfter,
  placeServerErrors,
  referralToken,
  retryDelay,
  uuidFrom,
  validate,
} from './submission.js';
import type { EmbedConfig, EmbedField } from './types.js';

const text = (en: string) => ({ lt: en, en });

function field(name: string, type: EmbedField['type'], extra: Partial<EmbedField> = {}): EmbedField {
  return {
    name,
    type,
    required: false,
    label: text(name),
    help: null,
    options: null,
    maxLength: null,
    ...extra,
  };
}

function formConfig(overrides: Partial<EmbedConfig> = {}): EmbedConfig {
  return {
    formId: 'f1',
    endpoint: 'https://crm.example/api/public/forms/f1/submissions',
    token: 'tok',
    honeypot: 'website_url',
    defaultLanguage: 'lt',
    fields: [
      field('person.email', 'email', { required: true }),
      field('person.firstName', 'text', { maxLength: 5 }),
      field('lead.productIds', 'multiselect', { options: [{ value: 'a', label: text('A') }] }),
      field('cf.newsletter', 'checkbox'),
    ],
    consent: { required: true, text: text('I agree') },
    submitLabel: text('Send'),
    thankYou: text('Thanks'),
    redirectUrl: null,
    ...overrides,
  };
}

describe('e-mail shape', () => {
  it.each([
    ['ona@uab.lt', true],
    ['ona.petraite+crm@mail.uab.lt', true],
    ['ona@uab', false],
    ['ona@uab.l', false],
    ['ona uab@uab.lt', false],
    ['@uab.lt', false],
    ['ona@@uab.lt', false],
    ['ona@uab..lt', false],
    [`${'a'.repeat(250)}@uab.lt`, false],
  ])('%s → %s', (value, ok) => {
    expect(isEmail(value)).toBe(ok);
  });
});

describe('validation before sending', () => {
  it('asks for required fields and the required consent', () => {
    expect(validate(formConfig(), [['person.email', '   ']])).toEqual([
      { field: 'person.email', code: 'required' },
      { field: 'consent', code: 'consent' },
    ]);
  });

  it('checks the e-mail shape and the length', () => {
    const values: Array<[string, string]> = [
      ['person.email', 'ona@uab'],
      ['person.firstName', 'Ona Marija'],
      ['consent', 'yes'],
    ];
    expect(validate(formConfig(), values)).toEqual([
      { field: 'person.email', code: 'email' },
      { field: 'person.firstName', code: 'tooLong' },
    ]);
  });

  it('passes a complete form, and a form whose consent is optional', () => {
    expect(
      validate(formConfig(), [
        ['person.email', ' ona@uab.lt '],
        ['consent', 'yes'],
      ]),
    ).toEqual([]);
    const optional = formConfig({ consent: { required: false, text: text('News?') } });
    expect(validate(optional, [['person.email', 'ona@uab.lt']])).toEqual([]);
  });

  it('requires at least one choice of a required multiselect', () => {
    const config = formConfig({
      fields: [field('lead.productIds', 'multiselect', { required: true, options: [] })],
      consent: null,
    });
    expect(validate(config, [])).toEqual([{ field: 'lead.productIds', code: 'required' }]);
    expect(validate(config, [['lead.productIds', 'a']])).toEqual([]);
  });
});

describe('the request body', () => {
  const first = {
    landing_page: 'https://uab.lt/?utm_source=google',
    utm_source: 'google',
    at: '2026-03-01T10:00:00.000Z',
  };
  const last = { landing_page: 'https://uab.lt/', at: '2026-03-02T10:00:00.000Z' };
  const context = {
    cid: 'cid-1',
    vid: 'vid-1',
    lang: 'en' as const,
    page: 'https://uab.lt/kontaktai',
    touches: { first, last },
  };

  it('sends the fields trimmed, repeated keys for several choices, then the control keys', () => {
    const body = buildBody(
      formConfig(),
      [
        ['person.email', ' ona@uab.lt '],
        ['person.firstName', ''],
        ['lead.productIds', 'a'],
        ['lead.productIds', 'b'],
        ['cf.newsletter', 'yes'],
        ['consent', 'yes'],
        ['website_url', ''],
        ['injected', 'x'],
      ],
      context,
    );
    expect(body).toEqual([
      ['person.email', 'ona@uab.lt'],
      ['lead.productIds', 'a'],
      ['lead.productIds', 'b'],
      ['cf.newsletter', 'yes'],
      ['consent', 'yes'],
      ['_t', 'tok'],
      ['website_url', ''],
      ['_cid', 'cid-1'],
      ['_vid', 'vid-1'],
      ['_lang', 'en'],
      ['_page', 'https://uab.lt/kontaktai'],
      ['_first', JSON.stringify(first)],
      ['_last', JSON.stringify(last)],
    ]);
    expect(new URLSearchParams(body).getAll('lead.productIds')).toEqual(['a', 'b']);
  });

  it('sends a filled honeypot as typed, and an empty one when it is missing', () => {
    const filled = buildBody(formConfig(), [['website_url', ' http://spam ']], context);
    expect(filled).toContainEqual(['website_url', ' http://spam ']);
    expect(buildBody(formConfig(), [], context)).toContainEqual(['website_url', '']);
  });

  it('sends the page’s referral token as _ref, and no _ref without one', () => {
    expect(buildBody(formConfig(), [], { ...context, ref: 'AbC_123-xyz' }).at(-1)).toEqual([
      '_ref',
      'AbC_123-xyz',
    ]);
    expect(buildBody(formConfig(), [], { ...context, ref: null }).some(([key]) => key === '_ref')).toBe(
      false,
    );
  });

  it.each([
    ['https://crm.example/embed/forms/f1?_ref=AbC_123-xyz', 'AbC_123-xyz'],
    ['https://uab.lt/rekomenduok?utm_source=x&_ref=0123456789abcdef', '0123456789abcdef'],
    ['https://uab.lt/kontaktai', null],
    ['https://uab.lt/?_ref=short', null],
    ['https://uab.lt/?_ref=%3Cscript%3E1234567', null],
    ['not a url', null],
  ])('reads the referral token of %s', (href, token) => {
    expect(referralToken(href)).toBe(token);
  });

  it('leaves out a consent box the form does not have', () => {
    const body = buildBody(formConfig({ consent: null }), [['consent', 'yes']], context);
    expect(body.some(([key]) => key === 'consent')).toBe(false);
  });
});

describe('waiting before a retry', () => {
  it.each([
    [0, 5],
    [1, 15],
    [2, 60],
    [3, 300],
    [40, 300],
  ])('retry %i waits %i s', (attempt, seconds) => {
    expect(retryDelay(attempt, () => 0.5)).toBe(seconds);
  });

  it('spreads the wait by at most 20 %', () => {
    expect(retryDelay(2, () => 0)).toBe(48);
    expect(retryDelay(2, () => 0.999_999)).toBe(72);
  });

  const now = Date.parse('2026-03-01T10:00:00Z');
  it.each([
    ['30', 30],
    [' 7 ', 7],
    ['0', 1],
    ['999999', 86_400],
    ['Sun, 01 Mar 2026 10:01:00 GMT', 60],
    ['Sun, 01 Mar 2026 09:00:00 GMT', 1],
    ['soon', null],
    ['-5', null],
    ['', null],
    [null, null],
  ])('reads Retry-After %j as %j s', (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });
});

describe('client ids', () => {
  const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('are version-4 UUIDs, from any byte source', () => {
    expect(newId()).toMatch(V4);
    expect(uuidFrom(() => 0)).toBe('10000000-1000-4000-8000-100000000000');
    expect(uuidFrom(() => 255)).toMatch(V4);
    expect(uuidFrom(() => Math.floor(Math.random() * 256))).toMatch(V4);
  });
});

describe("the server's field errors on the form", () => {
  it('places known codes under their fields with the script sentence, others with the server message', () => {
    const placed = placeServerErrors(formConfig(), [
      { field: 'person.email', code: 'invalid_format', message: 'has the wrong format' },
      { field: 'body.person.firstName', code: 'too_long', message: 'is too long' },
      { field: 'lead.productIds', code: 'invalid_value', message: 'is not one of the allowed values' },
      { field: 'consent', code: 'required', message: 'is required' },
      { field: 'person.email', code: 'required', message: 'is required' },
      { field: 'organisation.name', code: 'not_allowed', message: 'is not allowed' },
    ]);
    expect(placed).toEqual({
      problems: [
        { field: 'person.email', code: 'email' },
        { field: 'person.firstName', code: 'tooLong' },
        { field: 'lead.productIds', code: 'invalid', text: 'Is not one of the allowed values' },
        { field: 'consent', code: 'consent' },
      ],
      unplaced: 1,
    });
  });

  it('gives an unknown code without a message the generic sentence', () => {
    expect(placeServerErrors(formConfig(), [{ field: 'cf.newsletter' }]).problems).toEqual([
      { field: 'cf.newsletter', code: 'invalid' },
    ]);
  });
});
