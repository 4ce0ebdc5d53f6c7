import { describe, expect, it } from 'vitest';
import { MAX_SAVED, rememberMapping, STORAGE_KEY, savedMappingFor } from './saved-mappings';

function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    data,
  };
}

describe('saved mappings', () => {
  it('give back the mapping last used for exactly the same header', () => {
    const store = memoryStore();
    rememberMapping(store, ['Vardas', 'El. paštas'], {
      Vardas: 'person.firstName',
      'El. paštas': 'person.email',
    });
    rememberMapping(store, ['Vardas', 'El. paštas'], {
      Vardas: 'person.fullName',
      'El. paštas': 'person.email',
    });
    expect(savedMappingFor(store, ['Vardas', 'El. paštas'])).toEqual({
      Vardas: 'person.fullName',
      'El. paštas': 'person.email',
    });
    expect(savedMappingFor(store, ['El. paštas', 'Vardas'])).toBeNull();
    expect(savedMappingFor(store, ['Vardas'])).toBeNull();
  });

  it('forget the oldest layout past the limit', () => {
    const store = memoryStore();
    for (let i = 0; i <= MAX_SAVED; i++) rememberMapping(store, [`C${i}`], { [`C${i}`]: 'person.email' });
    expect(savedMappingFor(store, ['C0'])).toBeNull();
    expect(savedMappingFor(store, [`C${MAX_SAVED}`])).toEqual({ [`C${MAX_SAVED}`]: 'person.email' });
    expect(JSON.parse(store.data.get(STORAGE_KEY) ?? '[]')).toHaveLength(MAX_SAVED);
  });

  it.each([
    ['not JSON', '{oops'],
    ['not a list', '{"a":1}'],
    ['entries of the wrong shape', '[{"signature":1},{"signature":"[\\"A\\"]","mapping":{"A":5}}]'],
  ])('ignore storage holding %s', (_, stored) => {
    const store = memoryStore({ [STORAGE_KEY]: stored });
    expect(savedMappingFor(store, ['A'])).toBeNull();
    rememberMapping(store, ['A'], { A: 'person.email' });
    expect(savedMappingFor(store, ['A'])).toEqual({ A: 'person.email' });
  });

  it('survive a storage that refuses to write', () => {
    const store = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => rememberMapping(store, ['A'], { A: 'person.email' })).not.toThrow();
  });
});
