import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  domainOf,
  emailKey,
  isFreeMailDomain,
  isValidEmail,
  normaliseCompanyCode,
  normalisePhone,
} from './contact-keys.js';

describe('emailKey', () => {
  it.each<[string, string]>([
    ['Jonas+promo@Example.LT', 'jonas@example.lt'],
    ['  ana@acme.lt  ', 'ana@acme.lt'],
    ['jonas.simkus@gmail.com', 'jonas.simkus@gmail.com'],
    ['jonas+a+b@acme.lt', 'jonas@acme.lt'],
    ['+only@acme.lt', '+only@acme.lt'],
    ['ANA@ACME.LT', 'ana@acme.lt'],
    ['not an e-mail', 'not an e-mail'],
  ])('keys %j as %j', (email, expected) => {
    expect(emailKey(email)).toBe(expected);
  });

  it('matches addresses that differ only in case, spaces and plus tags', () => {
    expect(emailKey(' Jonas+News@Acme.lt')).toBe(emailKey('jonas@ACME.LT'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (email) => {
        expect(emailKey(emailKey(email))).toBe(emailKey(email));
      }),
    );
  });
});

describe('isValidEmail', () => {
  it.each<[string, boolean]>([
    ['ana@acme.lt', true],
    ['jonas+promo@example.lt', true],
    ['  ana@acme.lt ', true],
    ['ana.ona@sub.acme.co.uk', true],
    ['', false],
    ['ana', false],
    ['ana@', false],
    ['@acme.lt', false],
    ['ana@acme', false],
    ['ana@@acme.lt', false],
    ['ana@b@acme.lt', false],
    ['ana ona@acme.lt', false],
    ['ana@acme..lt', false],
    ['ana@.acme.lt', false],
    ['ana@acme.lt.', false],
  ])('%j → %s', (email, expected) => {
    expect(isValidEmail(email)).toBe(expected);
  });

  it('accepts at most 254 characters', () => {
    const ofLength = (length: number) => `${'a'.repeat(length - '@acme.lt'.length)}@acme.lt`;
    expect(isValidEmail(ofLength(254))).toBe(true);
    expect(isValidEmail(ofLength(255))).toBe(false);
  });
});

describe('normalisePhone', () => {
  it.each<[string, string | null]>([
    ['+370 612 34567', '+37061234567'],
    ['8 612 34567', '+37061234567'],
    ['861234567', '+37061234567'],
    ['+37061234567', '+37061234567'],
    ['(8-612) 34567', '+37061234567'],
    ['00370 612 34567', '+37061234567'],
    ['8 5 212 3456', '+37052123456'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+1 202 456 1111', '+12024561111'],
    ['+371 2123 4567', '+37121234567'],
    ['+48 512 345 678', '+48512345678'],
    ['8 612 3456', null],
    ['+370 612 345678', null],
    ['12', null],
    ['', null],
    ['   ', null],
    ['call me: 861234567', null],
    ['not a phone', null],
  ])('%j → %s', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it('reads national numbers in the given country', () => {
    expect(normalisePhone('030 1234567', 'DE')).toBe('+49301234567');
    expect(normalisePhone('+370 612 34567', 'DE')).toBe('+37061234567');
  });

  it('gives the same E.164 for every way of writing one Lithuanian mobile number', () => {
    const forms = ['+370 612 34567', '8 612 34567', '861234567', '+37061234567', '(8-612) 34567'];
    expect(new Set(forms.map((form) => normalisePhone(form)))).toEqual(new Set(['+37061234567']));
  });

  it('returns either null or an E.164 number that normalises to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'+0123456789 ()-8'.split('')) }), (raw) => {
        const phone = normalisePhone(raw);
        if (phone !== null) {
          expect(phone).toMatch(/^\+[1-9]\d{1,14}$/);
          expect(normalisePhone(phone)).toBe(phone);
        }
      }),
    );
  });
});

describe('domainOf', () => {
  it.each<[string, string | null]>([
    ['https://www.Acme.lt/about', 'acme.lt'],
    ['ana@acme.lt', 'acme.lt'],
    ['acme.lt', 'acme.lt'],
    ['www.acme.lt', 'acme.lt'],
    ['http://acme.lt:8080/?q=1#top', 'acme.lt'],
    ['https://user:pw@www.acme.lt/x', 'acme.lt'],
    ['https://acme.lt/contact?email=ana@other.lt', 'acme.lt'],
    ['mailto:Ana@Acme.LT', 'acme.lt'],
    ['shop.acme.co.uk/', 'shop.acme.co.uk'],
    ['acme.lt.', 'acme.lt'],
    ['https://ąžuolas.lt', 'ąžuolas.lt'],
    ['  ACME.LT  ', 'acme.lt'],
    ['', null],
    ['acme', null],
    ['http://localhost:3000', null],
    ['192.168.1.1', null],
    ['not a url', null],
    ['ana@', null],
    ['https://', null],
    ['-acme.lt', null],
    ['acme..lt', null],
    ['www.lt', null],
  ])('%j → %s', (value, expected) => {
    expect(domainOf(value)).toBe(expected);
  });
});

describe('free-mail domains', () => {
  it.each<[string, boolean]>([
    ['gmail.com', true],
    ['Gmail.COM', true],
    ['inbox.lt', true],
    ['one.lt', true],
    ['proton.me', true],
    ['acme.lt', false],
    ['mail.acme.lt', false],
  ])('%j free-mail: %s', (domain, expected) => {
    expect(isFreeMailDomain(domain)).toBe(expected);
  });
});

describe('normaliseCompanyCode', () => {
  it.each<[string, string | null]>([
    [' 302 123 456 ', '302123456'],
    ['lt100001234', 'LT100001234'],
    ['HRB\t12345', 'HRB12345'],
    ['', null],
    ['   ', null],
  ])('%j → %s', (code, expected) => {
    expect(normaliseCompanyCode(code)).toBe(expected);
  });
});
