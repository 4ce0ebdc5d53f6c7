import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

export type { CountryCode };

const MAX_EMAIL_LENGTH = 254;

/**
 * The key two e-mail addresses are matched on as duplicates: trimmed, lower-cased, with
 * plus-addressing removed. Dots stay: only Gmail ignores them, other providers do not.
 * Example: `emailKey(' Jonas+promo@Example.LT ')` → `'jonas@example.lt'`.
 */
export function emailKey(email: string): string {
  const normalised = email.trim().toLowerCase();
  const at = normalised.lastIndexOf('@');
  if (at < 0) return normalised;
  const local = normalised.slice(0, at);
  const plus = local.indexOf('+');
  // why `> 0`: a local part that starts with '+' has nothing left to match on; keep it whole.
  return plus > 0 ? `${local.slice(0, plus)}${normalised.slice(at)}` : normalised;
}

/**
 * A pragmatic e-mail check (surrounding spaces ignored): one @, a local part, a dotted domain
 * without empty labels, no spaces, at most 254 characters. `isValidEmail('ana@acme.lt')` → true.
 */
export function isValidEmail(email: string): boolean {
  const value = email.trim();
  if (value.length === 0 || value.length > MAX_EMAIL_LENGTH || /\s/u.test(value)) return false;
  const parts = value.split('@');
  if (parts.length !== 2) return false;
  const [local = '', domain = ''] = parts;
  if (local === '' || !domain.includes('.')) return false;
  return domain.split('.').every((label) => label !== '');
}

/** Characters people write phone numbers with; anything else (letters, prose) is not a phone. */
const PHONE_CHARACTERS = /^[\d\s()+\-./]+$/u;

/**
 * A phone number in E.164, or null when it is not a valid number. National forms are read in
 * `defaultCountry`: `normalisePhone('8 612 34567')` → `'+37061234567'`, as are `'+370 612 34567'`,
 * `'861234567'` and `'(8-612) 34567'`; `normalisePhone('+44 20 7946 0958')` → `'+442079460958'`.
 */
export function normalisePhone(raw: string, defaultCountry: CountryCode = 'LT'): string | null {
  const key = `${defaultCountry}|${raw}`;
  const known = recentPhones.get(key);
  if (known !== undefined) return known;
  const value = raw.trim();
  const phone = PHONE_CHARACTERS.test(value) ? parsePhoneNumberFromString(value, defaultCountry) : undefined;
  const normalised = phone?.isValid() ? phone.number : null;
  // why: an import row's phone is read twice (the import's checks, then the write path's person) and
  // parsing is the costliest step of a row; the answer depends on the two arguments only.
  if (raw.length <= 40) {
    if (recentPhones.size >= 4096) recentPhones.clear();
    recentPhones.set(key, normalised);
  }
  return normalised;
}

const recentPhones = new Map<string, string | null>();

/** Letters, digits and inner hyphens, in any script (IDN domains such as ąžuolas.lt). */
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/u;

function hostOf(value: string): string {
  const at = value.lastIndexOf('@');
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//u.test(value);
  if (at >= 0 && !hasScheme) return value.slice(at + 1); // an e-mail address (or mailto:)
  const afterScheme = hasScheme ? value.slice(value.indexOf('//') + 2) : value;
  const authority = afterScheme.split(/[/?#]/u, 1)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return host.replace(/:\d*$/u, '');
}

/**
 * The domain of a website or e-mail address, lower-case and without `www.`, or null for
 * something that is neither. Sub-domains other than `www` are kept (telling `shop.acme.lt` from
 * `acme.co.uk` needs the public suffix list). Example: `domainOf('https://www.Acme.lt/about')` →
 * `'acme.lt'`, `domainOf('ana@acme.lt')` → `'acme.lt'`.
 */
export function domainOf(value: string): string | null {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === '' || /\s/u.test(trimmed)) return null;
  const host = hostOf(trimmed)
    .replace(/\.$/u, '')
    .replace(/^www\./u, '');
  const labels = host.split('.');
  const topLevel = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !TOP_LEVEL.test(topLevel)) return null;
  return labels.every((label) => LABEL.test(label)) ? host : null;
}

/**
 * Mailbox providers anyone can sign up with: a shared domain says nothing about the
 * organisation, so organisation matching and domain-based suggestions skip these.
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.de',
  'ymail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'mail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'tutanota.com',
  'tuta.io',
  'fastmail.com',
  'zoho.com',
  'hey.com',
  'mail.ru',
  'bk.ru',
  'list.ru',
  'inbox.ru',
  'yandex.ru',
  'yandex.com',
  'ya.ru',
  'inbox.lt',
  'one.lt',
  'takas.lt',
  'inbox.lv',
  'inbox.eu',
  'mail.ee',
  'wp.pl',
  'o2.pl',
  'onet.pl',
  'interia.pl',
  'seznam.cz',
]);

/** Whether a domain is a free mailbox provider: `isFreeMailDomain('Gmail.com')` → true. */
export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(
    domain
      .trim()
      .toLowerCase()
      .replace(/^www\./u, ''),
  );
}

/** A company code for matching, null when blank: `normaliseCompanyCode(' 302 123 456 ')` → `'302123456'`. */
export function normaliseCompanyCode(code: string): string | null {
  const normalised = code.replace(/\s+/gu, '').toUpperCase();
  return normalised === '' ? null : normalised;
}
