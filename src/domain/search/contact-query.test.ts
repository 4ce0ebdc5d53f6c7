import { describe, expect, it } from 'vitest';
import { type ContactQuery, contactQuery } from './contact-query.js';

describe('contactQuery', () => {
  it.each<[string, ContactQuery | undefined]>([
    ['Jonas+promo@Acme.LT', { kind: 'email', key: 'jonas@acme.lt' }],
    ['  mantas.stankevicius4534@outlook.com ', { kind: 'email', key: 'mantas.stankevicius4534@outlook.com' }],
    ['+370 612 34567', { kind: 'phone', phone: '+37061234567' }],
    ['8 612 34567', { kind: 'phone', phone: '+37061234567' }],
    ['(8-612) 34567', { kind: 'phone', phone: '+37061234567' }],
    ['+44 20 7946 0958', { kind: 'phone', phone: '+442079460958' }],
    ['jonas', undefined],
    ['jonas@acme', undefined],
    ['302912345', undefined],
    ['8 612', undefined],
    ['+370 Šimkus', undefined],
  ])('reads %j as %j', (q, expected) => {
    expect(contactQuery(q)).toEqual(expected);
  });
});
