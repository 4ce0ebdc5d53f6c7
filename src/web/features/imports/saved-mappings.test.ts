import { describe, expect, it } from 'vitest';
import { savedMappingFor } from './saved-mappings';

const saved = (header: string[], mapping: Record<string, string | null>, fileName = 'a.csv') => ({
  header,
  mapping,
  fileName,
  usedAt: '2026-11-20T10:00:00.000Z',
});

describe('saved mappings', () => {
  it('give back the mapping of the first (newest) import with exactly the same header', () => {
    const list = [
      saved(['Vardas', 'El. paštas'], { Vardas: 'person.fullName', 'El. paštas': 'person.email' }, 'new.csv'),
      saved(
        ['Vardas', 'El. paštas'],
        { Vardas: 'person.firstName', 'El. paštas': 'person.email' },
        'old.csv',
      ),
    ];
    expect(savedMappingFor(list, ['Vardas', 'El. paštas'])).toEqual({
      mapping: { Vardas: 'person.fullName', 'El. paštas': 'person.email' },
      from: { fileName: 'new.csv', usedAt: '2026-11-20T10:00:00.000Z' },
    });
    expect(savedMappingFor(list, ['El. paštas', 'Vardas'])).toBeNull();
    expect(savedMappingFor(list, ['Vardas'])).toBeNull();
    expect(savedMappingFor([], ['Vardas'])).toBeNull();
  });

  it('keep only the header’s columns; one the mapping does not name is not imported', () => {
    const list = [saved(['A', 'B'], { A: 'person.email', C: 'person.phone' })];
    expect(savedMappingFor(list, ['A', 'B'])?.mapping).toEqual({ A: 'person.email', B: null });
  });

  it('do not take a column named like an object property for a mapping', () => {
    const list = [saved(['toString'], {})];
    expect(savedMappingFor(list, ['toString'])?.mapping).toEqual({ toString: null });
  });
});
