import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  originAllowed,
  originOf,
  QUARANTINE_REASONS,
  type QuarantineReason,
  quarantineReasons,
  TOKEN_MAX_AGE_MS,
  type TokenCheck,
  tokenReason,
} from './spam.js';

const now = Date.UTC(2026, 2, 10, 12, 0, 0);
const SECOND = 1000;
const HOUR = 3600 * SECOND;

function token(ageMs: number, overrides: Partial<TokenCheck> = {}): TokenCheck {
  return { present: true, valid: true, issuedAtMs: now - ageMs, ...overrides };
}

describe('tokenReason', () => {
  it.each<[string, TokenCheck, number, QuarantineReason | null]>([
    ['a missing token', token(60 * SECOND, { present: false, valid: false }), 3, 'token_missing'],
    ['a missing token, whatever else it says', token(60 * SECOND, { present: false }), 3, 'token_missing'],
    ['a token with a bad signature', token(60 * SECOND, { valid: false }), 3, 'token_invalid'],
    ['a bad token, even if it would be stale', token(100 * HOUR, { valid: false }), 3, 'token_invalid'],
    ['a token of a minute ago', token(60 * SECOND), 3, null],
    ['a token of exactly 48 hours ago', token(TOKEN_MAX_AGE_MS), 3, null],
    ['a token older than 48 hours', token(TOKEN_MAX_AGE_MS + 1), 3, 'token_expired'],
    ['a token of last week', token(7 * 24 * HOUR), 3, 'token_expired'],
    ['a token more than 60 s in the future', token(-60 * SECOND - 1), 3, 'token_expired'],
    ['a token an hour in the future', token(-HOUR), 0, 'token_expired'],
    ['a token just in the future (clock skew), still too fast', token(-60 * SECOND), 3, 'too_fast'],
    ['a form filled in under the minimum', token(2999), 3, 'too_fast'],
    ['a form filled in exactly the minimum', token(3000), 3, null],
    ['a form filled in at once when there is no minimum', token(0), 0, null],
    ['a slow-form minimum of ten minutes', token(5 * 60 * SECOND), 600, 'too_fast'],
  ])('%s', (_name, t, minFillSeconds, expected) => {
    expect(tokenReason(t, now, minFillSeconds)).toBe(expected);
  });

  it('passes a valid token exactly when its age lies between the minimum fill time and 48 hours', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2 * TOKEN_MAX_AGE_MS, max: 2 * TOKEN_MAX_AGE_MS }),
        fc.integer({ min: 0, max: 600 }),
        (age, minFill) => {
          const reason = tokenReason(token(age), now, minFill);
          const fine = age >= minFill * SECOND && age <= TOKEN_MAX_AGE_MS;
          expect(reason === null).toBe(fine);
          if (age > TOKEN_MAX_AGE_MS || age < -60 * SECOND) expect(reason).toBe('token_expired');
        },
      ),
    );
  });
});

describe('originOf', () => {
  it.each<[string, string | null | undefined, string | null]>([
    ['a page URL', 'https://www.acme.lt/kontaktai?x=1#f', 'https://www.acme.lt'],
    ['an Origin header', 'https://acme.lt', 'https://acme.lt'],
    ['upper case', 'HTTPS://WWW.ACME.LT/', 'https://www.acme.lt'],
    ['a port', 'http://localhost:8080/form', 'http://localhost:8080'],
    ['a default port, dropped', 'https://acme.lt:443/', 'https://acme.lt'],
    ['credentials, dropped', 'https://user:pw@acme.lt/', 'https://acme.lt'],
    ['the opaque origin "null"', 'null', null],
    ['undefined', undefined, null],
    ['null', null, null],
    ['an empty string', '', null],
    ['a host without a scheme', 'acme.lt', null],
    ['ftp', 'ftp://acme.lt', null],
    ['a file URL', 'file:///etc/passwd', null],
    ['javascript:', 'javascript:alert(1)', null],
    ['a browser extension', 'chrome-extension://abcdef', null],
  ])('%s', (_name, value, expected) => {
    expect(originOf(value)).toBe(expected);
  });
});

describe('originAllowed', () => {
  const own = 'https://crm.acme.lt';
  const sites = ['https://www.acme.lt', 'http://localhost:8080'];

  it.each<[string, readonly string[], string | undefined, string | undefined, boolean]>([
    ['any site when the form lists none', [], 'https://elsewhere.example', undefined, true],
    ['even no headers when the form lists none', [], undefined, undefined, true],
    ['a listed origin', sites, 'https://www.acme.lt', undefined, true],
    ['a listed origin with a port', sites, 'http://localhost:8080', undefined, true],
    ['an unlisted origin', sites, 'https://evil.example', undefined, false],
    [
      'the Origin header over an allowed Referer',
      sites,
      'https://evil.example',
      'https://www.acme.lt/x',
      false,
    ],
    ['an allowed Origin over a foreign Referer', sites, 'https://www.acme.lt', 'https://evil.example/', true],
    ['the Referer when there is no Origin', sites, undefined, 'https://www.acme.lt/kontaktai?a=1', true],
    ['a foreign Referer when there is no Origin', sites, undefined, 'https://evil.example/acme', false],
    ['neither header when the form lists sites', sites, undefined, undefined, false],
    ['the app’s own origin (the hosted iframe page)', sites, 'https://crm.acme.lt', undefined, true],
    ['the app’s own page as Referer', sites, undefined, 'https://crm.acme.lt/embed/forms/f1', true],
    ['an Origin in another case', sites, 'HTTPS://WWW.ACME.LT', undefined, true],
    [
      'a listed origin written in another case',
      ['HTTPS://WWW.Acme.lt'],
      'https://www.acme.lt',
      undefined,
      true,
    ],
    ['another port on a listed host', sites, 'http://localhost:3000', undefined, false],
    ['the default port spelled out', sites, 'https://www.acme.lt:443', undefined, true],
    ['a non-default port on a listed https host', sites, 'https://www.acme.lt:8443', undefined, false],
    ['http where https is listed', sites, 'http://www.acme.lt', undefined, false],
    ['the bare domain where www is listed', sites, 'https://acme.lt', undefined, false],
    ['a look-alike host', sites, 'https://www.acme.lt.evil.example', undefined, false],
    ['the opaque origin "null" with no Referer', sites, 'null', undefined, false],
    [
      'the opaque origin "null" with an allowed Referer (read as no Origin)',
      sites,
      'null',
      'https://www.acme.lt/',
      true,
    ],
    ['the opaque origin "null" with a foreign Referer', sites, 'null', 'https://evil.example/', false],
    ['an unreadable Origin with no Referer', sites, 'not a url', undefined, false],
  ])('%s', (_name, allowed, origin, referer, expected) => {
    expect(originAllowed(allowed, own, origin, referer)).toBe(expected);
  });

  it('refuses everything when the own origin is unreadable and the page is unlisted', () => {
    expect(originAllowed(sites, '', 'https://crm.acme.lt', undefined)).toBe(false);
  });

  it('allows any listed site, whatever the path of its Referer', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sites), fc.webPath(), (site, path) => {
        expect(originAllowed(sites, own, undefined, `${site}${path}`)).toBe(true);
      }),
    );
  });
});

describe('quarantineReasons', () => {
  type Signals = Parameters<typeof quarantineReasons>[0];
  const clean: Signals = { honeypotFilled: false, token: null, originAllowed: true, burst: false };

  it.each<[string, Partial<Signals>, QuarantineReason[]]>([
    ['nothing suspicious', {}, []],
    ['a filled honeypot', { honeypotFilled: true }, ['honeypot']],
    ['a token reason', { token: 'too_fast' }, ['too_fast']],
    ['a foreign origin', { originAllowed: false }, ['origin_not_allowed']],
    ['a burst', { burst: true }, ['burst']],
    [
      'everything at once, in a stable order',
      { burst: true, originAllowed: false, token: 'token_expired', honeypotFilled: true },
      ['honeypot', 'token_expired', 'origin_not_allowed', 'burst'],
    ],
    ['a missing token and a burst', { token: 'token_missing', burst: true }, ['token_missing', 'burst']],
  ])('%s', (_name, signals, expected) => {
    expect(quarantineReasons({ ...clean, ...signals })).toEqual(expected);
  });

  it('lists one reason per signal, in the order of QUARANTINE_REASONS', () => {
    const tokenReasons = fc.constantFrom<QuarantineReason | null>(
      null,
      'token_missing',
      'token_invalid',
      'token_expired',
      'too_fast',
    );
    fc.assert(
      fc.property(fc.boolean(), tokenReasons, fc.boolean(), fc.boolean(), (honeypot, t, allowed, burst) => {
        const reasons = quarantineReasons({
          honeypotFilled: honeypot,
          token: t,
          originAllowed: allowed,
          burst,
        });
        const signals = [honeypot, t !== null, !allowed, burst].filter(Boolean).length;
        expect(reasons).toHaveLength(signals);
        const positions = reasons.map((r) => QUARANTINE_REASONS.indexOf(r));
        expect(positions.every((p) => p >= 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      }),
    );
  });
});
