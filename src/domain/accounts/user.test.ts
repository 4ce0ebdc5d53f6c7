import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';
import { isValidTimeZone, localeFromAcceptLanguage, normaliseEmail } from './user.js';

describe('accounts', () => {
  it.each([
    [' Ana@Example.LT ', 'ana@example.lt'],
    ['jonas@x.lt', 'jonas@x.lt'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });

  it.each<[string | undefined, string]>([
    [undefined, 'en'],
    ['lt-LT,lt;q=0.9,en;q=0.8', 'lt'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,lt;q=0.5', 'lt'],
    ['fr-FR', 'en'],
    ['en;q=0.2,lt;q=0.9', 'lt'],
  ])('picks the UI language from Accept-Language %j → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it.each([
    ['Europe/Vilnius', true],
    ['America/New_York', true],
    ['Mars/Olympus', false],
  ])('knows whether %s is a time zone', (zone, expected) => {
    expect(isValidTimeZone(zone)).toBe(expected);
  });

  it.each([
    ['short', undefined, 'too_short'],
    ['a'.repeat(257), undefined, 'too_long'],
    ['ana@example.lt', 'ANA@example.lt', 'same_as_email'],
    ['correct horse battery', 'ana@example.lt', null],
  ])('judges the password %j', (password, email, expected) => {
    expect(passwordProblem(password, email)).toBe(expected);
  });
});
