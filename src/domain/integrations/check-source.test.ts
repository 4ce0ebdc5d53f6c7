import { describe, expect, it } from 'vitest';
import { checkSource, MAX_SOURCE_OPTIONS, MAX_SOURCE_TEXT, type MappingError } from './check-source.js';
import type { Source } from './sources.js';

function check(raw: unknown): { source: Source | null; errors: MappingError[] } {
  const errors: MappingError[] = [];
  return { source: checkSource(raw, 'src', errors), errors };
}

describe('checkSource', () => {
  it.each<[string, Source]>([
    ['a pointer', { pointer: '/lead/email' }],
    ['the whole-document pointer', { pointer: '' }],
    ['a constant', { const: 'Facebook' }],
    ['a blank constant', { const: '' }],
    ['field data', { fieldData: ['email', 'work_email'] }],
    ['field data at another place', { fieldData: ['email'], at: '/lead/field_data' }],
    ['a LinkedIn predefined field', { liAnswer: { predefinedField: 'EMAIL' } }],
    ['a LinkedIn question id', { liAnswer: { questionId: 415148 } }],
    [
      'a LinkedIn answer with its places',
      { liAnswer: { questionId: '415148', answersAt: '/answers', questionsAt: '/questions' } },
    ],
    ['a list of fallbacks', { first: [{ pointer: '/email' }, { fieldData: ['email'] }, { const: 'x' }] }],
    ['nested fallbacks', { first: [{ first: [{ first: [{ first: [{ const: 'x' }] }] }] }] }],
  ])('accepts %s as it is', (_what, source) => {
    expect(check(source)).toEqual({ source, errors: [] });
  });

  it('returns a copy that holds no key it was not asked for', () => {
    const raw = JSON.parse('{"pointer": "/a"}');
    const { source } = check(raw);
    expect(source).toEqual({ pointer: '/a' });
    expect(source).not.toBe(raw);
  });

  it.each<[string, unknown, MappingError[]]>([
    ['a text', '/email', [{ field: 'src', code: 'invalid_type' }]],
    ['null', null, [{ field: 'src', code: 'invalid_type' }]],
    ['an array', [{ pointer: '/a' }], [{ field: 'src', code: 'invalid_type' }]],
    ['no kind', {}, [{ field: 'src', code: 'invalid_source' }]],
    ['a misspelt kind', { pointr: '/a' }, [{ field: 'src', code: 'invalid_source' }]],
    ['two kinds', { pointer: '/a', const: 'b' }, [{ field: 'src', code: 'invalid_source' }]],
    ['an extra key', { pointer: '/a', at: '/b' }, [{ field: 'src', code: 'unknown_key' }]],
    ['a pointer without a slash', { pointer: 'email' }, [{ field: 'src', code: 'invalid_pointer' }]],
    ['a pointer with a bad escape', { pointer: '/a~2' }, [{ field: 'src', code: 'invalid_pointer' }]],
    ['a pointer that is a number', { pointer: 1 }, [{ field: 'src', code: 'invalid_type' }]],
    ['a constant that is a number', { const: 1 }, [{ field: 'src', code: 'invalid_type' }]],
    ['a too long constant', { const: 'x'.repeat(MAX_SOURCE_TEXT + 1) }, [{ field: 'src', code: 'too_long' }]],
    ['field data that is a text', { fieldData: 'email' }, [{ field: 'src', code: 'invalid_type' }]],
    ['field data without names', { fieldData: [] }, [{ field: 'src', code: 'required' }]],
    [
      'field data with a blank name',
      { fieldData: ['email', ' '] },
      [{ field: 'src.fieldData.1', code: 'required' }],
    ],
    ['field data with a number', { fieldData: [1] }, [{ field: 'src.fieldData.0', code: 'invalid_type' }]],
    [
      'field data with too many names',
      { fieldData: Array.from({ length: MAX_SOURCE_OPTIONS + 1 }, (_, i) => `n${i}`) },
      [{ field: 'src', code: 'too_long' }],
    ],
    [
      'field data at a bad place',
      { fieldData: ['email'], at: 'data' },
      [{ field: 'src.at', code: 'invalid_pointer' }],
    ],
    [
      'a LinkedIn answer with nothing to find it by',
      { liAnswer: {} },
      [{ field: 'src.liAnswer', code: 'required' }],
    ],
    [
      'a LinkedIn answer that is a text',
      { liAnswer: 'EMAIL' },
      [{ field: 'src.liAnswer', code: 'invalid_type' }],
    ],
    [
      'a LinkedIn answer with an unknown key',
      { liAnswer: { predefinedField: 'EMAIL', label: 'E-mail' } },
      [{ field: 'src.liAnswer', code: 'unknown_key' }],
    ],
    [
      'a LinkedIn question id that is not finite',
      { liAnswer: { questionId: Number.NaN } },
      [{ field: 'src.liAnswer.questionId', code: 'invalid_type' }],
    ],
    [
      'a blank LinkedIn predefined field',
      { liAnswer: { predefinedField: '' } },
      [{ field: 'src.liAnswer.predefinedField', code: 'required' }],
    ],
    [
      'LinkedIn places that are not pointers',
      { liAnswer: { questionId: 1, answersAt: 'answers', questionsAt: 5 } },
      [
        { field: 'src.liAnswer.answersAt', code: 'invalid_pointer' },
        { field: 'src.liAnswer.questionsAt', code: 'invalid_type' },
      ],
    ],
    ['no fallbacks', { first: [] }, [{ field: 'src', code: 'required' }]],
    [
      'bad fallbacks, each named',
      { first: [{ pointer: 'a' }, { const: 'ok' }, { nope: 1 }] },
      [
        { field: 'src.first.0', code: 'invalid_pointer' },
        { field: 'src.first.2', code: 'invalid_source' },
      ],
    ],
    [
      'fallbacks nested too deep',
      { first: [{ first: [{ first: [{ first: [{ first: [{ const: 'x' }] }] }] }] }] },
      [{ field: 'src.first.0.first.0.first.0.first.0', code: 'too_deep' }],
    ],
  ])('refuses %s', (_what, raw, errors) => {
    expect(check(raw)).toEqual({ source: null, errors });
  });
});
