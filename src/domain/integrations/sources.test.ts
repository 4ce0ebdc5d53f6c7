import { describe, expect, it } from 'vitest';
import { idText, MAX_SOURCE_DEPTH, resolveSource, type Source, toText } from './sources.js';

describe('toText', () => {
  it.each<[unknown, string | null]>([
    ['  Ona ', 'Ona'],
    ['', null],
    [' \t\n', null],
    [0, '0'],
    [12.5, '12.5'],
    [-3, '-3'],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [true, 'true'],
    [false, 'false'],
    [null, null],
    [undefined, null],
    [['a'], null],
    [{ value: 'a' }, null],
  ])('%j → %j', (value, expected) => {
    expect(toText(value)).toBe(expected);
  });
});

describe('idText', () => {
  it.each<[unknown, string | null]>([
    [415148, '415148'],
    ['415148', '415148'],
    [' 7 ', '7'],
    [true, null],
    [null, null],
    [{}, null],
  ])('%j → %j', (value, expected) => {
    expect(idText(value)).toBe(expected);
  });
});

describe('resolveSource with pointers and constants', () => {
  const payload = { id: 42, lead: { email: ' ona@example.com ', tags: ['a'], ok: true }, blank: '  ' };

  it.each<[string, Source, string | null]>([
    ['a number as text', { pointer: '/id' }, '42'],
    ['a nested text, trimmed', { pointer: '/lead/email' }, 'ona@example.com'],
    ['a boolean as text', { pointer: '/lead/ok' }, 'true'],
    ['an array element', { pointer: '/lead/tags/0' }, 'a'],
    ['no value for an array', { pointer: '/lead/tags' }, null],
    ['no value for an object', { pointer: '/lead' }, null],
    ['no value for a blank text', { pointer: '/blank' }, null],
    ['no value for a missing member', { pointer: '/nope' }, null],
    ['a constant', { const: ' webhook ' }, 'webhook'],
    ['no value for a blank constant', { const: '' }, null],
    [
      'the first source with a value',
      { first: [{ pointer: '/nope' }, { pointer: '/blank' }, { pointer: '/id' }] },
      '42',
    ],
    ['no value when no source has one', { first: [{ pointer: '/nope' }, { const: ' ' }] }, null],
  ])('reads %s', (_what, source, expected) => {
    expect(resolveSource(source, payload)).toBe(expected);
  });

  it(`stops following "first" after ${MAX_SOURCE_DEPTH} levels`, () => {
    const nest = (levels: number): Source =>
      levels === 0 ? { const: 'deep' } : { first: [nest(levels - 1)] };
    expect(resolveSource(nest(MAX_SOURCE_DEPTH), {})).toBe('deep');
    expect(resolveSource(nest(MAX_SOURCE_DEPTH + 1), {})).toBeNull();
  });
});

describe('resolveSource with Facebook field data', () => {
  const lead = {
    field_data: [
      { name: 'work_email', values: ['darbas@example.com'] },
      { name: 'email', values: [''] },
      { name: 'full_name', values: ['  Jonas Jonaitis '] },
      { name: 'phone_number_(eg.65xxxxxxxx)', values: ['+37061234567'] },
      { name: 'budget', values: [5000] },
      { name: 'broken', values: 'not a list' },
      'not an element',
      null,
    ],
    relayed: { answers: [{ name: 'email', values: ['relay@example.com'] }] },
  };

  it.each<[string, Source, string | null]>([
    ['one name', { fieldData: ['full_name'] }, 'Jonas Jonaitis'],
    [
      'the first element named, in payload order',
      { fieldData: ['email', 'work_email'] },
      'darbas@example.com',
    ],
    ['a custom question name verbatim', { fieldData: ['phone_number_(eg.65xxxxxxxx)'] }, '+37061234567'],
    ['a number value', { fieldData: ['budget'] }, '5000'],
    ['no value when values is not a list', { fieldData: ['broken'] }, null],
    ['no value for a missing name', { fieldData: ['city'] }, null],
    ['names case-sensitively', { fieldData: ['FULL_NAME'] }, null],
    ['an array at another place', { fieldData: ['email'], at: '/relayed/answers' }, 'relay@example.com'],
    ['no value when the place holds no array', { fieldData: ['email'], at: '/relayed' }, null],
  ])('reads %s', (_what, source, expected) => {
    expect(resolveSource(source, lead)).toBe(expected);
  });
});

describe('resolveSource with LinkedIn answers', () => {
  const answer = (questionId: unknown, text: unknown) => ({
    questionId,
    answerDetails: { textQuestionAnswer: { answer: text } },
  });
  const questions = [
    { questionId: 101, name: 'firstName', predefinedField: 'FIRST_NAME' },
    { questionId: 103, name: 'email', predefinedField: 'EMAIL' },
    { questionId: 107, name: 'Custom question 0' },
  ];
  const answers = [
    answer(101, ' Rūta '),
    answer('103', 'ruta@example.com'),
    { questionId: 107, answerDetails: { multipleChoiceAnswer: { options: [0] } } },
    answer(108, 'Vilnius'),
  ];
  const withForm = { formResponse: { answers }, form: { content: { questions } } };
  const withVersionedForm = { formResponse: { answers }, versionedLeadGenForm: { content: { questions } } };
  const withoutForm = { formResponse: { answers } };
  const elsewhere = { response: { answers }, definition: { questions } };

  it.each<[string, Source, unknown, string | null]>([
    [
      'a predefined field from the projected form',
      { liAnswer: { predefinedField: 'FIRST_NAME' } },
      withForm,
      'Rūta',
    ],
    [
      'a string id matching a number',
      { liAnswer: { predefinedField: 'EMAIL' } },
      withForm,
      'ruta@example.com',
    ],
    ['the versioned form', { liAnswer: { predefinedField: 'EMAIL' } }, withVersionedForm, 'ruta@example.com'],
    ['a question id given as a number', { liAnswer: { questionId: 108 } }, withoutForm, 'Vilnius'],
    ['a question id given as text', { liAnswer: { questionId: '101' } }, withoutForm, 'Rūta'],
    ['nothing by field without a form', { liAnswer: { predefinedField: 'EMAIL' } }, withoutForm, null],
    [
      'either the id or the field',
      { liAnswer: { predefinedField: 'PHONE_NUMBER', questionId: 108 } },
      withForm,
      'Vilnius',
    ],
    ['nothing for a field the form lacks', { liAnswer: { predefinedField: 'COMPANY_NAME' } }, withForm, null],
    ['nothing for a multiple choice answer', { liAnswer: { questionId: 107 } }, withForm, null],
    [
      'answers and questions at other places',
      {
        liAnswer: {
          predefinedField: 'FIRST_NAME',
          answersAt: '/response/answers',
          questionsAt: '/definition/questions',
        },
      },
      elsewhere,
      'Rūta',
    ],
    [
      'nothing when the answers are not a list',
      { liAnswer: { questionId: 101 } },
      { formResponse: { answers: {} } },
      null,
    ],
  ])('reads %s', (_what, source, payload, expected) => {
    expect(resolveSource(source, payload)).toBe(expected);
  });
});
