import { describe, expect, it } from 'vitest';
import type { FormDto } from '../../lib/api';
import { valueLines } from './submission-text';

const fields: FormDto['fields'] = [
  { key: 'person.firstName', required: false, label: { lt: 'Vardas', en: 'First name' }, help: null },
  { key: 'person.email', required: true, label: { lt: 'El. paštas', en: 'E-mail' }, help: null },
  { key: 'lead.timeframe', required: false, label: { lt: 'Kada?', en: 'When?' }, help: null },
  { key: 'lead.productIds', required: false, label: { lt: 'Domina', en: 'Interested in' }, help: null },
];

describe('submission values as text', () => {
  it('follow the form order, label by the form, and read choices as words', () => {
    const lines = valueLines(
      {
        'lead.productIds': ['p-1', 'p-9'],
        'person.email': 'ona@example.lt',
        'lead.timeframe': '3m',
        'cf.gone': '<b>x</b>',
      },
      fields,
      'lt',
      new Map([['p-1', 'Saulės elektrinė']]),
    );
    expect(lines.map((l) => `${l.label}: ${l.text}`)).toEqual([
      'El. paštas: ona@example.lt',
      'Kada?: Per 3 mėnesius',
      'Domina: Saulės elektrinė, p-9',
      'cf.gone: <b>x</b>',
    ]);
  });
});
