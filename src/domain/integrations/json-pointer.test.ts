import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_POINTER_LENGTH, ownValue, parsePointer, readPointer } from './json-pointer.js';

// The example document of RFC 6901 §5.
const rfcDocument = {
  foo: ['bar', 'baz'],
  '': 0,
  'a/b': 1,
  'c%d': 2,
  'e^f': 3,
  'g|h': 4,
  'i\\j': 5,
  'k"l': 6,
  ' ': 7,
  'm~n': 8,
};

describe('parsePointer', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['/', ['']],
    ['/foo', ['foo']],
    ['/foo/0', ['foo', '0']],
    ['/a~1b', ['a/b']],
    ['/m~0n', ['m~n']],
    ['/~01', ['~1']],
    ['/~10', ['/0']],
    ['/a//b', ['a', '', 'b']],
    ['/__proto__/x', ['__proto__', 'x']],
  ])('splits %j into %j', (pointer, tokens) => {
    expect(parsePointer(pointer)).toEqual(tokens);
  });

  it.each<[string, string]>([
    ['does not start with a slash', 'foo'],
    ['is a URI fragment', '#/foo'],
    ['has a lone tilde', '/a~'],
    ['has an unknown escape', '/a~2b'],
    ['is too long', `/${'a'.repeat(MAX_POINTER_LENGTH)}`],
  ])('refuses a pointer that %s', (_why, pointer) => {
    expect(parsePointer(pointer)).toBeNull();
  });

  it('never throws and gives tokens exactly for pointers that start with a slash or are empty', () => {
    fc.assert(
      fc.property(fc.string(), (pointer) => {
        const tokens = parsePointer(pointer);
        if (tokens !== null) expect(pointer === '' || pointer.startsWith('/')).toBe(true);
      }),
    );
  });
});

describe('readPointer', () => {
  it.each<[string, unknown]>([
    ['', rfcDocument],
    ['/foo', ['bar', 'baz']],
    ['/foo/0', 'bar'],
    ['/', 0],
    ['/a~1b', 1],
    ['/c%d', 2],
    ['/e^f', 3],
    ['/g|h', 4],
    ['/i\\j', 5],
    ['/k"l', 6],
    ['/ ', 7],
    ['/m~0n', 8],
  ])('resolves %j in the RFC 6901 example', (pointer, expected) => {
    expect(readPointer(rfcDocument, pointer)).toEqual(expected);
  });

  it.each<[string, unknown, string]>([
    ['a missing member', { a: 1 }, '/b'],
    ['a member of a string', { a: 'text' }, '/a/length'],
    ['an index past the end', { a: [1] }, '/a/1'],
    ['the past-the-end token', { a: [1] }, '/a/-'],
    ['an index with a leading zero', { a: [1, 2] }, '/a/01'],
    ['a negative index', { a: [1, 2] }, '/a/-1'],
    ['an array property that is not an index', { a: [1] }, '/a/length'],
    ['a member of null', { a: null }, '/a/b'],
    ['an inherited member', {}, '/constructor'],
    ['an inherited method', {}, '/toString'],
    ['the prototype accessor', {}, '/__proto__'],
    ['a pointer that does not parse', { a: 1 }, 'a'],
  ])('gives undefined for %s', (_what, document, pointer) => {
    expect(readPointer(document, pointer)).toBeUndefined();
  });

  it('reads a "__proto__" key that JSON.parse made an own property', () => {
    const payload: unknown = JSON.parse('{"__proto__": {"email": "ona@example.com"}}');
    expect(readPointer(payload, '/__proto__/email')).toBe('ona@example.com');
  });

  it('does not run getters', () => {
    const trap = Object.defineProperty({}, 'email', {
      enumerable: true,
      get: () => {
        throw new Error('a getter ran');
      },
    });
    expect(readPointer({ trap }, '/trap/email')).toBeUndefined();
  });

  it('never throws on any value and any pointer', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (document, pointer) => {
        readPointer(document, pointer);
        readPointer(document, `/${pointer}`);
      }),
    );
  });
});

describe('ownValue', () => {
  it('reads own data properties only', () => {
    expect(ownValue({ a: 1 }, 'a')).toBe(1);
    expect(ownValue(Object.create({ a: 1 }), 'a')).toBeUndefined();
  });
});
