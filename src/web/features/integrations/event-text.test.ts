import { describe, expect, it } from 'vitest';
import { eventProblem } from './event-text';

describe('eventProblem', () => {
  it.each([
    ['nothing', null, null],
    ['blank text', ' ', null],
    ['plain text', 'boom', { code: '', message: 'boom', fields: [] }],
    ['JSON that is no object', '[1]', { code: '', message: '[1]', fields: [] }],
    [
      'the stored problem',
      JSON.stringify({
        code: 'validation',
        message: 'The event no longer fits the mapping',
        errors: [{ field: 'person.email', code: 'invalid_format', message: 'has the wrong format' }, 'junk'],
      }),
      {
        code: 'validation',
        message: 'The event no longer fits the mapping',
        fields: [{ field: 'person.email', code: 'invalid_format', message: 'has the wrong format' }],
      },
    ],
  ])('reads %s', (_name, error, expected) => {
    expect(eventProblem(error)).toEqual(expected);
  });
});
