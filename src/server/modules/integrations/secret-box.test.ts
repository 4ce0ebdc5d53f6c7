import { describe, expect, it } from 'vitest';
import { newWebhookSecret, openSecret, sealSecret } from './secret-box.js';

const APP_SECRET = 'a'.repeat(40);

describe('secret box', () => {
  it('seals a secret so only the same app secret opens it, with a fresh IV every time', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^[\w-]{43}$/);
    const one = sealSecret(APP_SECRET, secret);
    const two = sealSecret(APP_SECRET, secret);
    expect(one).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]{58}$/);
    expect(one).not.toBe(two);
    expect(one).not.toContain(secret);
    expect(openSecret(APP_SECRET, one)).toBe(secret);
    expect(openSecret(APP_SECRET, two)).toBe(secret);
  });

  it.each([
    ['another app secret', (s: string) => s, 'b'.repeat(40)],
    ['a changed ciphertext', (s: string) => `${s.slice(0, -2)}${s.endsWith('AA') ? 'BB' : 'AA'}`, APP_SECRET],
    [
      'a changed tag',
      (s: string) => s.replace(/^v1\.([^.]+)\.(.)/, (_m, iv, c) => `v1.${iv}.${c === 'A' ? 'B' : 'A'}`),
      APP_SECRET,
    ],
    ['another version', (s: string) => s.replace(/^v1/, 'v2'), APP_SECRET],
    ['too few parts', () => 'v1.abc.def', APP_SECRET],
  ])('refuses to open with %s', (_name, change, appSecret) => {
    const sealed = change(sealSecret(APP_SECRET, newWebhookSecret()));
    expect(() => openSecret(appSecret, sealed)).toThrow();
  });
});
