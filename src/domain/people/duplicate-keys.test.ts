import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  duplicateKeysOfOrganisation,
  duplicateKeysOfPerson,
  type OrganisationDuplicateKey,
  type OrganisationIdentifiers,
  type PersonContacts,
  type PersonDuplicateKey,
} from './duplicate-keys.js';

describe('duplicateKeysOfPerson', () => {
  it.each<[string, PersonContacts, PersonDuplicateKey[]]>([
    [
      'keys e-mails without plus tags and phones in E.164',
      { emails: ['Jonas+promo@Example.LT'], phones: ['8 612 34567'] },
      [
        { kind: 'email', value: 'jonas@example.lt' },
        { kind: 'phone', value: '+37061234567' },
      ],
    ],
    [
      'lists an address or number written two ways once',
      { emails: ['ana@acme.lt', ' ANA+x@acme.lt '], phones: ['+370 612 34567', '(8-612) 34567'] },
      [
        { kind: 'email', value: 'ana@acme.lt' },
        { kind: 'phone', value: '+37061234567' },
      ],
    ],
    [
      'keeps dots in e-mail local parts',
      { emails: ['jonas.simkus@gmail.com', 'jonassimkus@gmail.com'], phones: [] },
      [
        { kind: 'email', value: 'jonas.simkus@gmail.com' },
        { kind: 'email', value: 'jonassimkus@gmail.com' },
      ],
    ],
    ['ignores invalid e-mails and phones', { emails: ['ana', ''], phones: ['12', 'n/a'] }, []],
    ['gives nothing for a person without contacts', { emails: [], phones: [] }, []],
  ])('%s', (_name, person, expected) => {
    expect(duplicateKeysOfPerson(person)).toEqual(expected);
  });

  it('reads national phone numbers in the given country', () => {
    expect(duplicateKeysOfPerson({ emails: [], phones: ['030 1234567'] }, 'DE')).toEqual([
      { kind: 'phone', value: '+49301234567' },
    ]);
  });

  it('never lists the same key twice', () => {
    const emails = fc.array(fc.constantFrom('ana@acme.lt', 'Ana+1@acme.lt', 'jonas@acme.lt', 'bad'));
    const phones = fc.array(fc.constantFrom('861234567', '+370 612 34567', '+44 20 7946 0958', '12'));
    fc.assert(
      fc.property(emails, phones, (e, p) => {
        const keys = duplicateKeysOfPerson({ emails: e, phones: p }).map((k) => `${k.kind}:${k.value}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});

describe('duplicateKeysOfOrganisation', () => {
  it.each<[string, OrganisationIdentifiers, OrganisationDuplicateKey[]]>([
    [
      'keys the website domain and the company code',
      { website: 'https://www.Acme.lt/about', companyCode: ' 302 123 456 ' },
      [
        { kind: 'domain', value: 'acme.lt' },
        { kind: 'company_code', value: '302123456' },
      ],
    ],
    [
      'lists a domain given as domain and as website once',
      { domain: 'acme.lt', website: 'http://acme.lt' },
      [{ kind: 'domain', value: 'acme.lt' }],
    ],
    [
      'never counts a free-mail domain',
      { domain: 'gmail.com', website: 'https://www.gmail.com', companyCode: null },
      [],
    ],
    ['ignores garbage and blanks', { domain: 'n/a', website: '', companyCode: '  ' }, []],
    ['gives nothing without identifiers', {}, []],
  ])('%s', (_name, organisation, expected) => {
    expect(duplicateKeysOfOrganisation(organisation)).toEqual(expected);
  });

  it('does not match names at all: "Acme Inc" and "Acme GmbH" share no key', () => {
    const inc = duplicateKeysOfOrganisation({ website: 'acme.com', companyCode: '123' });
    const gmbh = duplicateKeysOfOrganisation({ website: 'acme.de', companyCode: 'HRB 456' });
    const shared = inc.filter((a) => gmbh.some((b) => a.kind === b.kind && a.value === b.value));
    expect(shared).toEqual([]);
  });
});
