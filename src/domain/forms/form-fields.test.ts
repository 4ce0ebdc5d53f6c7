import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldErrorCode } from '../errors/app-error.js';
import {
  CONTROL_KEYS,
  type CustomFieldChoice,
  type FormConsent,
  type FormField,
  type FormFieldType,
  formDefinitionProblems,
  ORGANISATION_SIZES,
  readSubmission,
  renderFields,
  STANDARD_FIELD_KEYS,
  type SubmittedValues,
  TIMEFRAME_CHOICES,
  TOUCH_KEYS,
  timeframeFromChoice,
} from './form-fields.js';

const text = (lt: string, en = lt) => ({ lt, en });

function field(key: string, required = false, label = text('Laukas', 'Field')): FormField {
  return { key, required, label, help: null };
}

const products = [
  { id: 'p1', name: 'Saulės elektrinė' },
  { id: 'p2', name: 'Šilumos siurblys' },
];

function choice(
  key: string,
  type: CustomFieldChoice['type'],
  options: string[] = [],
  active = true,
): CustomFieldChoice {
  return {
    key,
    label: text(key),
    type,
    options: options.map((value) => ({ value, label: text(value) })),
    active,
  };
}

const custom: CustomFieldChoice[] = [
  choice('budget', 'number'),
  choice('region', 'select', ['vilnius', 'kaunas']),
  choice('topics', 'multiselect', ['solar', 'heat', 'storage']),
  choice('newsletter', 'boolean'),
  choice('visit_on', 'date'),
  choice('notes', 'text'),
  choice('legacy', 'text', [], false),
];

const HONEYPOT = 'website_url';

/** A form with every standard field and every active custom field. */
const everyField: FormField[] = [
  field('person.email', true),
  ...STANDARD_FIELD_KEYS.filter((k) => k !== 'person.email').map((k) => field(k)),
  ...['budget', 'region', 'topics', 'newsletter', 'visit_on', 'notes'].map((k) => field(`cf.${k}`)),
];
const rendered = renderFields(everyField, products, custom);

function errorsOf(result: { errors: { field: string; code: FieldErrorCode }[] }) {
  return result.errors.map((e) => [e.field, e.code]);
}

describe('renderFields', () => {
  it.each<[string, FormFieldType, number | null, string[] | null]>([
    ['person.firstName', 'text', 100, null],
    ['person.lastName', 'text', 100, null],
    ['person.email', 'email', 254, null],
    ['person.phone', 'tel', 40, null],
    ['person.jobTitle', 'text', 150, null],
    ['person.city', 'text', 100, null],
    ['organisation.name', 'text', 200, null],
    ['organisation.companyCode', 'text', 40, null],
    ['organisation.website', 'text', 300, null],
    ['organisation.size', 'select', null, [...ORGANISATION_SIZES]],
    ['lead.timeframe', 'select', null, TIMEFRAME_CHOICES.map((c) => c.value)],
    ['lead.productIds', 'multiselect', null, ['p1', 'p2']],
    ['lead.message', 'textarea', 5000, null],
  ])('renders %s as %s (max %s)', (key, type, maxLength, options) => {
    const [f] = renderFields([field(key, true)], products, custom);
    expect(f).toMatchObject({ name: key, type, maxLength, required: true });
    expect(f?.options?.map((o) => o.value) ?? null).toEqual(options);
  });

  it('offers the catalogue’s products, named the same in both languages', () => {
    const [f] = renderFields([field('lead.productIds')], products, []);
    expect(f?.options).toEqual([
      { value: 'p1', label: { lt: 'Saulės elektrinė', en: 'Saulės elektrinė' } },
      { value: 'p2', label: { lt: 'Šilumos siurblys', en: 'Šilumos siurblys' } },
    ]);
  });

  it('offers no products (rather than any value) when the catalogue is empty', () => {
    const [f] = renderFields([field('lead.productIds')], [], []);
    expect(f?.options).toEqual([]);
  });

  it.each<[string, FormFieldType, number | null, string[] | null]>([
    ['cf.budget', 'number', null, null],
    ['cf.region', 'select', null, ['vilnius', 'kaunas']],
    ['cf.topics', 'multiselect', null, ['solar', 'heat', 'storage']],
    ['cf.newsletter', 'checkbox', null, null],
    ['cf.visit_on', 'date', null, null],
    ['cf.notes', 'text', 2000, null],
  ])('renders custom field %s as %s', (key, type, maxLength, options) => {
    const [f] = renderFields([field(key)], products, custom);
    expect(f).toMatchObject({ name: key, type, maxLength });
    expect(f?.options?.map((o) => o.value) ?? null).toEqual(options);
  });

  it.each([
    ['an inactive custom field', 'cf.legacy'],
    ['a removed custom field', 'cf.gone'],
    ['a custom key in capitals', 'cf.Budget'],
    ['a custom key without its prefix', 'budget'],
    ['an unknown standard-looking key', 'person.password'],
    ['an Object.prototype name', 'constructor'],
    ['another Object.prototype name', 'toString'],
    ['__proto__', '__proto__'],
  ])('leaves out %s', (_name, key) => {
    expect(
      renderFields([field('person.email', true), field(key)], products, custom).map((f) => f.name),
    ).toEqual(['person.email']);
  });

  it('keeps the builder’s order, labels, help and required flags', () => {
    const fields: FormField[] = [
      {
        key: 'lead.message',
        required: false,
        label: text('Žinutė', 'Message'),
        help: text('Trumpai', 'Briefly'),
      },
      { key: 'cf.region', required: true, label: text('Regionas', 'Region'), help: null },
      { key: 'person.phone', required: true, label: text('Tel.', 'Phone'), help: null },
    ];
    const out = renderFields(fields, products, custom);
    expect(out.map((f) => [f.name, f.required, f.label.en, f.help?.en ?? null])).toEqual([
      ['lead.message', false, 'Message', 'Briefly'],
      ['cf.region', true, 'Region', null],
      ['person.phone', true, 'Phone', null],
    ]);
  });
});

describe('formDefinitionProblems', () => {
  const consent: FormConsent = { required: true, text: text('Sutinku', 'I agree') };
  const good = [field('person.firstName'), field('person.email', true), field('cf.region')];

  it('finds nothing wrong with a sound form', () => {
    expect(formDefinitionProblems(good, consent, custom)).toEqual([]);
    expect(formDefinitionProblems([field('person.phone', true)], null, custom)).toEqual([]);
  });

  it.each<[string, FormField[], FormConsent | null, [string, FieldErrorCode][]]>([
    ['an unknown key', [...good, field('person.password')], null, [['fields.3.key', 'invalid_value']]],
    ['a mass-assignment key', [field('ownerId'), ...good], null, [['fields.0.key', 'invalid_value']]],
    [
      'an Object.prototype name as key',
      [...good, field('constructor')],
      null,
      [['fields.3.key', 'invalid_value']],
    ],
    ['__proto__ as key', [...good, field('__proto__')], null, [['fields.3.key', 'invalid_value']]],
    ['hasOwnProperty as key', [...good, field('hasOwnProperty')], null, [['fields.3.key', 'invalid_value']]],
    ['an inactive custom field', [...good, field('cf.legacy')], null, [['fields.3.key', 'invalid_value']]],
    ['a removed custom field', [...good, field('cf.gone')], null, [['fields.3.key', 'invalid_value']]],
    ['a repeated field', [...good, field('person.firstName')], null, [['fields.3.key', 'in_use']]],
    ['a repeated custom field', [...good, field('cf.region')], null, [['fields.3.key', 'in_use']]],
    [
      'an empty Lithuanian label',
      [field('person.email', true, text('', 'E-mail'))],
      null,
      [['fields.0.label.lt', 'required']],
    ],
    [
      'a blank English label',
      [field('person.email', true), field('person.city', false, text('Miestas', '   '))],
      null,
      [['fields.1.label.en', 'required']],
    ],
    [
      'no e-mail or phone field',
      [field('person.firstName'), field('lead.message')],
      null,
      [['fields', 'required']],
    ],
    [
      'an optional e-mail as the only contact',
      [field('person.firstName', true), field('person.email')],
      null,
      [['fields.1.required', 'required']],
    ],
    [
      'both contacts optional (named by the first)',
      [field('person.firstName'), field('person.phone'), field('person.email')],
      null,
      [['fields.1.required', 'required']],
    ],
    [
      'an optional e-mail beside a required phone',
      [field('person.email'), field('person.phone', true)],
      null,
      [],
    ],
    [
      'an empty consent wording',
      good,
      { required: true, text: text('', 'I agree') },
      [['consent.text.lt', 'required']],
    ],
    [
      'a blank English consent wording',
      good,
      { required: false, text: text('Sutinku', ' ') },
      [['consent.text.en', 'required']],
    ],
  ])('reports %s', (_name, fields, c, expected) => {
    expect(formDefinitionProblems(fields, c, custom).map((e) => [e.field, e.code])).toEqual(expected);
  });

  it('reports every problem at once', () => {
    const fields = [field('nope', false, text('', '')), field('lead.message'), field('lead.message')];
    expect(
      formDefinitionProblems(fields, { required: true, text: text('', '') }, custom).map((e) => [
        e.field,
        e.code,
      ]),
    ).toEqual([
      ['fields.0.key', 'invalid_value'],
      ['fields.0.label.lt', 'required'],
      ['fields.0.label.en', 'required'],
      ['fields.2.key', 'in_use'],
      ['fields', 'required'],
      ['consent.text.lt', 'required'],
      ['consent.text.en', 'required'],
    ]);
  });

  it('accepts every standard field', () => {
    const fields = STANDARD_FIELD_KEYS.map((k) => field(k, k === 'person.email'));
    expect(formDefinitionProblems(fields, null, [])).toEqual([]);
  });
});

describe('readSubmission', () => {
  const full: SubmittedValues = {
    'person.firstName': ' Ona ',
    'person.lastName': 'Petraitė',
    'person.email': ' ona@acme.lt ',
    'person.phone': '+370 612 34567',
    'person.jobTitle': 'Direktorė',
    'person.city': 'Kaunas',
    'organisation.name': 'UAB Acme',
    'organisation.companyCode': '123456789',
    'organisation.website': 'https://acme.lt',
    'organisation.size': '10-49',
    'lead.timeframe': '3m',
    'lead.productIds': ['p2', ' p1 ', 'p2', ''],
    'lead.message': '  Sveiki!  ',
    'cf.budget': '15000.5',
    'cf.region': 'kaunas',
    'cf.topics': ['solar', 'storage'],
    'cf.newsletter': 'on',
    'cf.visit_on': '2026-04-01',
    'cf.notes': 'Skambinti po 17 val.',
    consent: 'yes',
  };

  it('sorts a complete submission into the write path’s shape', () => {
    const { lead, errors } = readSubmission(rendered, null, HONEYPOT, full);
    expect(errors).toEqual([]);
    expect(lead).toEqual({
      person: {
        firstName: 'Ona',
        lastName: 'Petraitė',
        emails: ['ona@acme.lt'],
        phones: ['+370 612 34567'],
        jobTitle: 'Direktorė',
        city: 'Kaunas',
      },
      organisation: {
        name: 'UAB Acme',
        companyCode: '123456789',
        website: 'https://acme.lt',
        size: '10-49',
      },
      timeframeChoice: '3m',
      productIds: ['p2', 'p1'],
      message: 'Sveiki!',
      customFields: {
        budget: 15000.5,
        region: 'kaunas',
        topics: ['solar', 'storage'],
        newsletter: true,
        visit_on: '2026-04-01',
        notes: 'Skambinti po 17 val.',
      },
      consent: true,
      answers: [
        { key: 'person.email', value: 'ona@acme.lt' },
        { key: 'person.firstName', value: 'Ona' },
        { key: 'person.lastName', value: 'Petraitė' },
        { key: 'person.phone', value: '+370 612 34567' },
        { key: 'person.jobTitle', value: 'Direktorė' },
        { key: 'person.city', value: 'Kaunas' },
        { key: 'organisation.name', value: 'UAB Acme' },
        { key: 'organisation.companyCode', value: '123456789' },
        { key: 'organisation.website', value: 'https://acme.lt' },
        { key: 'organisation.size', value: '10-49' },
        { key: 'lead.timeframe', value: '3m' },
        { key: 'lead.productIds', value: 'p2, p1' },
        { key: 'lead.message', value: 'Sveiki!' },
        { key: 'cf.budget', value: '15000.5' },
        { key: 'cf.region', value: 'kaunas' },
        { key: 'cf.topics', value: 'solar, storage' },
        { key: 'cf.newsletter', value: 'on' },
        { key: 'cf.visit_on', value: '2026-04-01' },
        { key: 'cf.notes', value: 'Skambinti po 17 val.' },
      ],
    });
  });

  it('gives an empty lead for a submission with only the required e-mail', () => {
    const { lead, errors } = readSubmission(rendered, null, HONEYPOT, { 'person.email': 'ona@acme.lt' });
    expect(errors).toEqual([]);
    expect(lead).toEqual({
      person: { emails: ['ona@acme.lt'] },
      organisation: null,
      timeframeChoice: null,
      productIds: [],
      message: null,
      customFields: {},
      consent: false,
      answers: [{ key: 'person.email', value: 'ona@acme.lt' }],
    });
  });

  it('keeps no organisation without its name', () => {
    const { lead } = readSubmission(rendered, null, HONEYPOT, {
      'person.email': 'ona@acme.lt',
      'organisation.companyCode': '123456789',
      'organisation.size': '1-9',
    });
    expect(lead.organisation).toBeNull();
    expect(lead.answers.map((a) => a.key)).toContain('organisation.companyCode');
  });

  it.each([
    'ownerId',
    'stage',
    'score',
    'sourceId',
    'lead.stage',
    'lead.ownerId',
    'lead.score',
    'person.emails',
    'consentGiven',
    'cf.legacy',
    'cf.secret',
    '__proto__',
    'constructor',
  ])('refuses the key %s the form does not have', (key) => {
    const { errors } = readSubmission(rendered, null, HONEYPOT, {
      'person.email': 'ona@acme.lt',
      [key]: 'x',
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([[key, 'not_allowed']]);
  });

  it('refuses a field the form could have but does not', () => {
    const fields = renderFields([field('person.email', true)], products, custom);
    const { errors } = readSubmission(fields, null, HONEYPOT, {
      'person.email': 'ona@acme.lt',
      'person.firstName': 'Ona',
    });
    expect(errorsOf({ errors })).toEqual([['person.firstName', 'not_allowed']]);
  });

  it('accepts the touch keys, the control keys and the honeypot', () => {
    const extra: SubmittedValues = { [HONEYPOT]: '' };
    for (const k of [...TOUCH_KEYS, ...CONTROL_KEYS]) extra[k] = 'x';
    const { errors } = readSubmission(rendered, null, HONEYPOT, { 'person.email': 'ona@acme.lt', ...extra });
    expect(errors).toEqual([]);
  });

  it.each<[string, SubmittedValues, [string, FieldErrorCode][]]>([
    ['an empty required field', { 'person.email': '' }, [['person.email', 'required']]],
    ['a blank required field', { 'person.email': '   ' }, [['person.email', 'required']]],
    ['an empty list for a required field', { 'person.email': [] }, [['person.email', 'required']]],
    [
      'a text one character too long',
      { 'person.firstName': 'a'.repeat(101) },
      [['person.firstName', 'too_long']],
    ],
    ['a message over 5000 characters', { 'lead.message': 'a'.repeat(5001) }, [['lead.message', 'too_long']]],
    ['a custom text over 2000 characters', { 'cf.notes': 'a'.repeat(2001) }, [['cf.notes', 'too_long']]],
    ['a size not offered', { 'organisation.size': '5000' }, [['organisation.size', 'invalid_value']]],
    ['a timeframe not offered', { 'lead.timeframe': '2m' }, [['lead.timeframe', 'invalid_value']]],
    [
      'a product not in the catalogue',
      { 'lead.productIds': ['p1', 'p9'] },
      [['lead.productIds', 'invalid_value']],
    ],
    ['a custom option not offered', { 'cf.region': 'ryga' }, [['cf.region', 'invalid_value']]],
    [
      'a custom multiselect option not offered',
      { 'cf.topics': ['solar', 'wind'] },
      [['cf.topics', 'invalid_value']],
    ],
    ['an e-mail without a domain', { 'person.email': 'ona@' }, [['person.email', 'invalid_format']]],
    [
      'an e-mail without a dot in the domain',
      { 'person.email': 'ona@acme' },
      [['person.email', 'invalid_format']],
    ],
    ['an e-mail with a space', { 'person.email': 'ona petr@acme.lt' }, [['person.email', 'invalid_format']]],
    ['a phone in words', { 'person.phone': 'call me' }, [['person.phone', 'invalid_format']]],
    ['a phone too short to be one', { 'person.phone': '123' }, [['person.phone', 'invalid_format']]],
    ['a number in words', { 'cf.budget': 'daug' }, [['cf.budget', 'invalid_type']]],
    ['an infinite number', { 'cf.budget': 'Infinity' }, [['cf.budget', 'invalid_type']]],
    ['a date in words', { 'cf.visit_on': 'rytoj' }, [['cf.visit_on', 'invalid_format']]],
    ['a date that does not exist', { 'cf.visit_on': '2026-02-30' }, [['cf.visit_on', 'invalid_format']]],
    ['a date in another format', { 'cf.visit_on': '01/04/2026' }, [['cf.visit_on', 'invalid_format']]],
  ])('reports %s', (_name, values, expected) => {
    const base: SubmittedValues = 'person.email' in values ? {} : { 'person.email': 'ona@acme.lt' };
    expect(errorsOf(readSubmission(rendered, null, HONEYPOT, { ...base, ...values }))).toEqual(expected);
  });

  it('reports a missing required field', () => {
    expect(errorsOf(readSubmission(rendered, null, HONEYPOT, { 'lead.message': 'Sveiki' }))).toEqual([
      ['person.email', 'required'],
    ]);
  });

  it.each<[string, SubmittedValues]>([
    ['a text of exactly its maximum', { 'person.firstName': 'a'.repeat(100) }],
    ['a national phone number', { 'person.phone': '8 612 34567' }],
    ['a negative number', { 'cf.budget': '-5' }],
    ['a leap day', { 'cf.visit_on': '2028-02-29' }],
    ['an optional field left empty', { 'person.phone': '', 'cf.budget': '', 'cf.topics': [] }],
  ])('accepts %s', (_name, values) => {
    expect(
      readSubmission(rendered, null, HONEYPOT, { 'person.email': 'ona@acme.lt', ...values }).errors,
    ).toEqual([]);
  });

  describe('checkboxes', () => {
    const fields = renderFields([field('person.email', true), field('cf.newsletter', true)], [], custom);
    const optional = renderFields([field('person.email', true), field('cf.newsletter')], [], custom);

    it.each(['yes', 'on', 'true', '1', 'YES', ' On '])('reads %j as ticked', (value) => {
      const { lead, errors } = readSubmission(fields, null, HONEYPOT, {
        'person.email': 'ona@acme.lt',
        'cf.newsletter': value,
      });
      expect(errors).toEqual([]);
      expect(lead.customFields.newsletter).toBe(true);
    });

    it.each(['no', 'off', 'false', '0', ''])(
      'reads %j as not ticked, which a required checkbox refuses',
      (value) => {
        const values = { 'person.email': 'ona@acme.lt', 'cf.newsletter': value };
        expect(errorsOf(readSubmission(fields, null, HONEYPOT, values))).toEqual([
          ['cf.newsletter', 'required'],
        ]);
        const { lead, errors } = readSubmission(optional, null, HONEYPOT, values);
        expect(errors).toEqual([]);
        expect(lead.customFields).toEqual({});
      },
    );
  });

  describe('multiselects', () => {
    const fields = renderFields(
      [field('person.email', true), field('lead.productIds', true)],
      products,
      custom,
    );

    it('trims, drops empty entries and keeps each value once, in order', () => {
      const { lead } = readSubmission(fields, null, HONEYPOT, {
        'person.email': 'ona@acme.lt',
        'lead.productIds': [' p2', 'p1 ', '', 'p2', '  '],
      });
      expect(lead.productIds).toEqual(['p2', 'p1']);
    });

    it('reads a single value as a list of one', () => {
      const { lead } = readSubmission(fields, null, HONEYPOT, {
        'person.email': 'ona@acme.lt',
        'lead.productIds': 'p1',
      });
      expect(lead.productIds).toEqual(['p1']);
    });

    it.each<[string, string | string[] | undefined]>([
      ['missing', undefined],
      ['an empty list', []],
      ['only blanks', ['', '  ']],
      ['an empty string', ''],
    ])('refuses a required multiselect that is %s', (_name, value) => {
      const values: SubmittedValues = { 'person.email': 'ona@acme.lt' };
      if (value !== undefined) values['lead.productIds'] = value;
      expect(errorsOf(readSubmission(fields, null, HONEYPOT, values))).toEqual([
        ['lead.productIds', 'required'],
      ]);
    });
  });

  it('reads the first of several values for a single-value field', () => {
    const { lead } = readSubmission(rendered, null, HONEYPOT, {
      'person.email': ['ona@acme.lt', 'other@acme.lt'],
    });
    expect(lead.person.emails).toEqual(['ona@acme.lt']);
  });

  describe('consent', () => {
    const required: FormConsent = { required: true, text: text('Sutinku', 'I agree') };
    const optional: FormConsent = { required: false, text: text('Sutinku', 'I agree') };
    const email = { 'person.email': 'ona@acme.lt' };

    it.each<[string, FormConsent | null, SubmittedValues, boolean, boolean]>([
      ['a required consent given', required, { ...email, consent: 'yes' }, true, false],
      ['a required consent given as "on"', required, { ...email, consent: 'on' }, true, false],
      ['a required consent missing', required, email, false, true],
      ['a required consent refused', required, { ...email, consent: 'no' }, false, true],
      ['a required consent left blank', required, { ...email, consent: ' ' }, false, true],
      ['an optional consent missing', optional, email, false, false],
      ['an optional consent given', optional, { ...email, consent: 'true' }, true, false],
      ['no consent on the form', null, email, false, false],
    ])('%s', (_name, c, values, given, refused) => {
      const { lead, errors } = readSubmission(rendered, c, HONEYPOT, values);
      expect(lead.consent).toBe(given);
      expect(errorsOf({ errors })).toEqual(refused ? [['consent', 'required']] : []);
    });
  });

  it('reports every problem at once', () => {
    const { errors } = readSubmission(
      rendered,
      { required: true, text: text('Sutinku', 'I agree') },
      HONEYPOT,
      {
        ownerId: 'u1',
        'person.email': 'not-an-email',
        'person.phone': 'skambinkit',
        'person.firstName': 'x'.repeat(500),
        'organisation.size': 'huge',
        'cf.budget': 'many',
        'cf.visit_on': 'soon',
        stage: 'won',
      },
    );
    expect(errorsOf({ errors })).toEqual([
      ['ownerId', 'not_allowed'],
      ['stage', 'not_allowed'],
      ['consent', 'required'],
      ['person.email', 'invalid_format'],
      ['person.firstName', 'too_long'],
      ['person.phone', 'invalid_format'],
      ['organisation.size', 'invalid_value'],
      ['cf.budget', 'invalid_type'],
      ['cf.visit_on', 'invalid_format'],
    ]);
  });

  it('never throws, and names every error by a submitted key, a form field or consent', () => {
    const names = rendered.map((f) => f.name);
    const key = fc.oneof(
      fc.string(),
      fc.constantFrom(...names, ...TOUCH_KEYS, ...CONTROL_KEYS, HONEYPOT, 'ownerId', 'stage', '__proto__'),
    );
    const value = fc.oneof(
      fc.string(),
      fc.array(fc.string()),
      fc.constantFrom('yes', 'p1', '10-49', '3m', 'ona@acme.lt', '+37061234567', '2026-01-01', '42'),
    );
    const consent = fc.option(
      fc.record({ required: fc.boolean(), text: fc.record({ lt: fc.string(), en: fc.string() }) }),
      { nil: null },
    );
    fc.assert(
      fc.property(fc.dictionary(key, value), consent, (values, c) => {
        const { lead, errors } = readSubmission(rendered, c, HONEYPOT, values);
        const allowed = new Set([...Object.keys(values), ...names, 'consent']);
        for (const e of errors) expect(allowed.has(e.field)).toBe(true);
        // a field is refused for one reason only
        expect(new Set(errors.map((e) => e.field)).size).toBe(errors.length);
        for (const a of lead.answers) expect(names).toContain(a.key);
      }),
      { numRuns: 500 },
    );
  });
});

describe('timeframeFromChoice', () => {
  it.each<[string | null, string, string | null]>([
    [null, '2026-03-10', null],
    ['', '2026-03-10', null],
    ['unknown', '2026-03-10', null],
    ['now', '2026-03-10', 'now'],
    ['1m', '2026-03-10', '2026-04-10'],
    ['3m', '2026-03-10', '2026-06-10'],
    ['6m', '2026-03-10', '2026-09-10'],
    ['12m', '2026-03-10', '2027-03-10'],
    ['3m', '2026-11-15', '2027-02-15'],
    ['1m', '2026-12-31', '2027-01-31'],
    ['1m', '2026-01-31', '2026-02-28'],
    ['1m', '2026-03-31', '2026-04-30'],
    ['6m', '2026-08-31', '2027-02-28'],
    ['1m', '2028-01-31', '2028-02-29'],
    ['3m', '2027-11-30', '2028-02-29'],
    ['12m', '2028-02-29', '2029-02-28'],
    ['12m', '2027-02-28', '2028-02-28'],
  ])('reads %j on %s as %j', (c, today, expected) => {
    expect(timeframeFromChoice(c, today)).toBe(expected);
  });

  it.each([
    'soon',
    'Now',
    '0m',
    '-1m',
    '1.5m',
    'm',
    '1',
    '3 m',
    ' 3m',
    '3m ',
    '0x3m',
    '1e1m',
    '99999999m',
    '1y',
  ])('reads the junk %j as no date', (junk) => {
    expect(timeframeFromChoice(junk, '2026-03-10')).toBeNull();
  });

  it('gives a later day of the right month, never past the month’s end, for every month choice', () => {
    const months: Record<string, number> = { '1m': 1, '3m': 3, '6m': 6, '12m': 12 };
    fc.assert(
      fc.property(
        fc.constantFrom('1m', '3m', '6m', '12m'),
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2199-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (c, date) => {
          const today = date.toISOString().slice(0, 10);
          const result = timeframeFromChoice(c, today);
          expect(result).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          const [y, m, d] = today.split('-').map(Number) as [number, number, number];
          const [ry, rm, rd] = (result ?? '').split('-').map(Number) as [number, number, number];
          expect(ry * 12 + rm - (y * 12 + m)).toBe(months[c]);
          expect(rd).toBe(Math.min(d, new Date(Date.UTC(ry, rm, 0)).getUTCDate()));
          expect(result && result > today).toBe(true);
        },
      ),
    );
  });

  it('means something for every offered choice', () => {
    for (const c of TIMEFRAME_CHOICES) {
      const result = timeframeFromChoice(c.value, '2026-03-10');
      expect(result === null).toBe(c.value === 'unknown');
    }
  });
});
