import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMapping,
  isWebhookTarget,
  type MappedEvent,
  type MappingError,
  type Source,
  splitFullName,
  validateMapping,
  WEBHOOK_TARGETS,
  type WebhookMapping,
} from './mapping.js';
import { MAX_SOURCE_DEPTH } from './sources.js';

const at = (pointer: string): Source => ({ pointer });

describe('isWebhookTarget', () => {
  it.each<[string, boolean]>([
    ['person.email', true],
    ['utm.content', true],
    ['cf.budget', true],
    ['cf.b', true],
    [`cf.a${'b'.repeat(62)}`, true],
    [`cf.a${'b'.repeat(63)}`, false],
    ['cf.Budget', false],
    ['cf.1st', false],
    ['cf._x', false],
    ['cf.__proto__', false],
    ['cf.', false],
    ['person.id', false],
    ['Person.email', false],
    ['__proto__', false],
    ['constructor', false],
  ])('%j → %s', (name, expected) => {
    expect(isWebhookTarget(name)).toBe(expected);
  });
});

describe('validateMapping', () => {
  it.each<[string, WebhookMapping]>([
    ['a pointer mapping', { eventId: at('/id'), fields: { 'person.email': at('/email') } }],
    ['no fields', { eventId: at('/id'), fields: {} }],
    [
      'a custom field and a test flag',
      { eventId: at('/id'), fields: { 'cf.budget': at('/b') }, test: at('/test') },
    ],
    [
      'every kind of source',
      {
        eventId: { first: [at('/id'), at('/leadgen_id')] },
        fields: {
          'person.email': { fieldData: ['email', 'work_email'] },
          'person.firstName': { liAnswer: { predefinedField: 'FIRST_NAME' } },
          'lead.sourceDetail': { const: 'Spring campaign' },
        },
      },
    ],
  ])('accepts %s', (_what, mapping) => {
    expect(validateMapping(mapping)).toEqual({ ok: true, mapping });
  });

  it.each<[string, unknown, MappingError[]]>([
    ['no object', 'mapping', [{ field: 'mapping', code: 'invalid_type' }]],
    ['null', null, [{ field: 'mapping', code: 'invalid_type' }]],
    ['an array', [], [{ field: 'mapping', code: 'invalid_type' }]],
    ['no event id', { fields: {} }, [{ field: 'eventId', code: 'required' }]],
    ['no fields', { eventId: at('/id') }, [{ field: 'fields', code: 'required' }]],
    ['fields as a list', { eventId: at('/id'), fields: [] }, [{ field: 'fields', code: 'invalid_type' }]],
    [
      'an unknown target',
      { eventId: at('/id'), fields: { 'person.mail': at('/m') } },
      [{ field: 'fields.person.mail', code: 'unknown_target' }],
    ],
    [
      'a custom field key with capitals',
      { eventId: at('/id'), fields: { 'cf.Budget': at('/b') } },
      [{ field: 'fields.cf.Budget', code: 'unknown_target' }],
    ],
    [
      'a bad pointer',
      { eventId: at('/id'), fields: { 'person.email': at('email') } },
      [{ field: 'fields.person.email', code: 'invalid_pointer' }],
    ],
    [
      'a bad test source',
      { eventId: at('/id'), fields: {}, test: true },
      [{ field: 'test', code: 'invalid_type' }],
    ],
    [
      'an unknown key',
      { eventId: at('/id'), fields: {}, owner: 'x' },
      [{ field: 'owner', code: 'unknown_key' }],
    ],
    [
      'several problems at once',
      { eventId: { pointer: 'id' }, fields: { nope: at('/a'), 'person.phone': { fieldData: [] } } },
      [
        { field: 'eventId', code: 'invalid_pointer' },
        { field: 'fields.nope', code: 'unknown_target' },
        { field: 'fields.person.phone', code: 'required' },
      ],
    ],
  ])('refuses %s', (_what, mapping, errors) => {
    expect(validateMapping(mapping)).toEqual({ ok: false, errors });
  });

  it('refuses "__proto__" as a target instead of touching the prototype', () => {
    const mapping: unknown = JSON.parse(
      '{"eventId": {"pointer": "/id"}, "fields": {"__proto__": {"pointer": "/x"}}}',
    );
    expect(validateMapping(mapping)).toEqual({
      ok: false,
      errors: [{ field: 'fields.__proto__', code: 'unknown_target' }],
    });
  });
});

describe('applyMapping', () => {
  const mapping = (fields: WebhookMapping['fields'], test?: Source): WebhookMapping =>
    test === undefined ? { eventId: at('/id'), fields } : { eventId: at('/id'), fields, test };

  it.each<[string, WebhookMapping, unknown, MappedEvent]>([
    [
      'texts trimmed and blanks left out',
      mapping({ 'person.email': at('/email'), 'person.phone': at('/phone') }),
      { id: 'e1', email: ' ona@example.com ', phone: '  ' },
      { eventId: 'e1', values: { 'person.email': 'ona@example.com' }, test: false },
    ],
    [
      'numbers and booleans as text, objects and arrays left out',
      mapping({
        'cf.employees': at('/n'),
        'cf.newsletter': at('/b'),
        'lead.message': at('/o'),
        'lead.title': at('/a'),
      }),
      { id: 7, n: 250, b: false, o: { text: 'x' }, a: ['x'] },
      { eventId: '7', values: { 'cf.employees': '250', 'cf.newsletter': 'false' }, test: false },
    ],
    [
      'no event id when the pointer finds none',
      mapping({}),
      { event: 'e1' },
      { eventId: null, values: {}, test: false },
    ],
    [
      'a full name split when first and last name yield nothing',
      mapping({ 'person.fullName': at('/name'), 'person.firstName': at('/first') }),
      { id: 'e', name: ' Ona  Marija Petraitė ' },
      {
        eventId: 'e',
        values: { 'person.firstName': 'Ona Marija', 'person.lastName': 'Petraitė' },
        test: false,
      },
    ],
    [
      'a full name ignored when a first name is there',
      mapping({ 'person.fullName': at('/name'), 'person.firstName': at('/first') }),
      { id: 'e', name: 'Ona Petraitė', first: 'Onutė' },
      { eventId: 'e', values: { 'person.firstName': 'Onutė' }, test: false },
    ],
    [
      'a one-word full name as the last name',
      mapping({ 'person.fullName': at('/name') }),
      { id: 'e', name: 'Madonna' },
      { eventId: 'e', values: { 'person.lastName': 'Madonna' }, test: false },
    ],
    [
      'a test lead marked by a boolean',
      mapping({}, at('/testLead')),
      { id: 'e', testLead: true },
      { eventId: 'e', values: {}, test: true },
    ],
    [
      'a test lead marked by a word',
      mapping({}, at('/test')),
      { id: 'e', test: ' Yes ' },
      { eventId: 'e', values: {}, test: true },
    ],
    [
      'no test lead for false',
      mapping({}, at('/testLead')),
      { id: 'e', testLead: false },
      { eventId: 'e', values: {}, test: false },
    ],
    [
      'no test lead for other words',
      mapping({}, at('/test')),
      { id: 'e', test: 'maybe' },
      { eventId: 'e', values: {}, test: false },
    ],
    [
      'every lead a test lead through a constant',
      mapping({}, { const: 'true' }),
      { id: 'e' },
      { eventId: 'e', values: {}, test: true },
    ],
    [
      'a payload that is not an object',
      mapping({ 'person.email': at('/email') }),
      'just text',
      { eventId: null, values: {}, test: false },
    ],
  ])('reads %s', (_what, m, payload, expected) => {
    expect(applyMapping(m, payload)).toEqual(expected);
  });

  it('returns an over-long text whole, for the write path to refuse', () => {
    const long = 'x'.repeat(20_000);
    expect(applyMapping(mapping({ 'lead.message': at('/m') }), { m: long }).values['lead.message']).toBe(
      long,
    );
  });

  it('skips a target that is not one, should an unchecked mapping carry it', () => {
    const unchecked = { eventId: at('/id'), fields: { 'person.id': at('/id') } } as unknown as WebhookMapping;
    expect(applyMapping(unchecked, { id: 'e' }).values).toEqual({});
  });

  it('reads an own "__proto__" member and never an inherited one', () => {
    const payload: unknown = JSON.parse('{"id": "e", "__proto__": {"email": "ona@example.com"}}');
    const m = mapping({ 'person.email': at('/__proto__/email'), 'lead.title': at('/constructor/name') });
    expect(applyMapping(m, payload).values).toEqual({ 'person.email': 'ona@example.com' });
  });

  it('reads 300 levels deep, and walks no further into a payload than its pointer goes', () => {
    let payload: unknown = { email: 'deep@example.com' };
    for (let i = 0; i < 300; i += 1) payload = { a: payload };
    const deep = mapping({ 'person.email': at(`${'/a'.repeat(300)}/email`) });
    expect(applyMapping(deep, payload).values).toEqual({ 'person.email': 'deep@example.com' });
    for (let i = 0; i < 100_000; i += 1) payload = { a: payload };
    expect(applyMapping(deep, payload).values).toEqual({});
  });

  it('finds field data after a huge array of other elements', () => {
    const field_data = Array.from({ length: 200_000 }, (_, i) => ({ name: `q${i}`, values: ['x'] }));
    field_data.push({ name: 'email', values: ['last@example.com'] });
    const m = mapping({ 'person.email': { fieldData: ['email'] } });
    expect(applyMapping(m, { field_data }).values).toEqual({ 'person.email': 'last@example.com' });
  });
});

describe('splitFullName', () => {
  it.each<[string, string | null, string | null]>([
    ['Ona Petraitė', 'Ona', 'Petraitė'],
    ['  Ona\u00a0Marija   Petraitė  ', 'Ona Marija', 'Petraitė'],
    ['Madonna', null, 'Madonna'],
    ['', null, null],
    ['   ', null, null],
  ])('%j → %j + %j', (fullName, firstName, lastName) => {
    expect(splitFullName(fullName)).toEqual({ firstName, lastName });
  });
});

// Generators of valid mappings, shaped like what an admin or a preset saves.
const token = fc.oneof(
  fc.constantFrom('id', 'email', 'field_data', '0', '__proto__', 'constructor'),
  fc.string(),
);
const pointer = fc
  .array(token, { maxLength: 4 })
  .map((tokens) => tokens.map((t) => `/${t.replaceAll('~', '~0').replaceAll('/', '~1')}`).join(''));
const name = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '');
const leaf: fc.Arbitrary<Source> = fc.oneof(
  fc.record({ pointer }),
  fc.record({ const: fc.string({ maxLength: 20 }) }),
  fc.record(
    { fieldData: fc.array(name, { minLength: 1, maxLength: 3 }), at: pointer },
    { requiredKeys: ['fieldData'] },
  ),
  fc.record({
    liAnswer: fc
      .record(
        {
          predefinedField: fc.constantFrom('EMAIL', 'FIRST_NAME', 'PHONE_NUMBER'),
          questionId: fc.oneof(fc.nat(), name),
          answersAt: pointer,
          questionsAt: pointer,
        },
        { requiredKeys: [] },
      )
      .filter((spec) => spec.predefinedField !== undefined || spec.questionId !== undefined),
  }),
);
const sourceAt = (depth: number): fc.Arbitrary<Source> =>
  depth >= MAX_SOURCE_DEPTH
    ? leaf
    : fc.oneof(leaf, fc.record({ first: fc.array(sourceAt(depth + 1), { minLength: 1, maxLength: 3 }) }));
const source = sourceAt(0);
const target = fc.oneof(
  fc.constantFrom(...WEBHOOK_TARGETS),
  fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/).map((key) => `cf.${key}` as const),
);
const validMapping: fc.Arbitrary<WebhookMapping> = fc.record(
  { eventId: source, fields: fc.dictionary(target, source, { maxKeys: 6 }), test: source },
  { requiredKeys: ['eventId', 'fields'] },
);
// Payloads that reach the places mappings read, with anything at all in and among their elements.
const elements = <T>(shaped: fc.Arbitrary<T>) => fc.array(fc.oneof(shaped, fc.jsonValue()), { maxLength: 5 });
const questionId = fc.oneof(fc.nat(), fc.jsonValue());
const shapedPayload = fc.record(
  {
    id: fc.jsonValue(),
    email: fc.jsonValue(),
    field_data: elements(fc.record({ name: fc.constantFrom('email', '__proto__'), values: fc.jsonValue() })),
    formResponse: fc.record({ answers: elements(fc.record({ questionId, answerDetails: fc.jsonValue() })) }),
    form: fc.record({
      content: fc.record({
        questions: elements(fc.record({ questionId, predefinedField: fc.constantFrom('EMAIL') })),
      }),
    }),
  },
  { requiredKeys: [] },
);
const payload = fc.oneof(fc.jsonValue(), fc.anything(), shapedPayload);

describe('mapping properties', () => {
  it('applyMapping never throws and yields only trimmed, non-blank texts', () => {
    fc.assert(
      fc.property(validMapping, payload, (mapping, body) => {
        const result = applyMapping(mapping, body);
        for (const text of Object.values(result.values))
          expect(text !== '' && text === text?.trim()).toBe(true);
        expect(result.eventId === null || result.eventId === result.eventId.trim()).toBe(true);
      }),
    );
  });

  it('validateMapping never throws on any value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (raw) => {
        expect(typeof validateMapping(raw).ok).toBe('boolean');
      }),
    );
  });

  it('validateMapping accepts every valid mapping as it is, also after a trip through JSON', () => {
    fc.assert(
      fc.property(validMapping, (mapping) => {
        expect(validateMapping(mapping)).toEqual({ ok: true, mapping });
        expect(validateMapping(JSON.parse(JSON.stringify(mapping)))).toEqual({ ok: true, mapping });
      }),
    );
  });
});
