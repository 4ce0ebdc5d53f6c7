import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSignatureHeader, WEBHOOK_SIGNATURE_HEADER } from './signature.js';

const digest = '3f0a5c9e1b2d4f6a8c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f1a3c5e7b9d1f2a';

describe('parseSignatureHeader', () => {
  it.each<[string, string]>([
    ['lower-case hex', `sha256=${digest}`],
    ['upper-case hex, lowered', `sha256=${digest.toUpperCase()}`],
    ['mixed-case hex, lowered', `sha256=${digest.slice(0, 32).toUpperCase()}${digest.slice(32)}`],
  ])('accepts %s', (_what, header) => {
    expect(parseSignatureHeader(header)).toEqual({ algorithm: 'sha256', hex: digest });
  });

  it.each<[string, string | undefined]>([
    ['no header', undefined],
    ['an empty header', ''],
    ['a bare digest', digest],
    ['another algorithm', `sha1=${digest.slice(0, 40)}`],
    ['sha512', `sha512=${digest}${digest}`],
    ['an upper-case algorithm', `SHA256=${digest}`],
    ['a short digest', `sha256=${digest.slice(0, 63)}`],
    ['a long digest', `sha256=${digest}0`],
    ['a non-hex digit', `sha256=${digest.slice(0, 63)}g`],
    ['a leading space', ` sha256=${digest}`],
    ['a trailing newline', `sha256=${digest}\n`],
    ['a space after the equals sign', `sha256= ${digest}`],
    ['two signatures', `sha256=${digest},sha256=${digest}`],
    ['the prefix only', 'sha256='],
    ["LinkedIn's prefix", `hmacsha256=${digest}`],
  ])('refuses %s', (_what, header) => {
    expect(parseSignatureHeader(header)).toBeNull();
  });

  it('accepts exactly the 64-hex-digit digests, whatever else is sent', () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        const parsed = parseSignatureHeader(header);
        expect(parsed !== null).toBe(/^sha256=[0-9a-fA-F]{64}$/.test(header));
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-fA-F]{64}$/), (hex) => {
        expect(parseSignatureHeader(`sha256=${hex}`)?.hex).toBe(hex.toLowerCase());
      }),
    );
  });
});

describe('WEBHOOK_SIGNATURE_HEADER', () => {
  it('is lower-case, the way Node names incoming headers', () => {
    expect(WEBHOOK_SIGNATURE_HEADER).toBe(WEBHOOK_SIGNATURE_HEADER.toLowerCase());
  });
});
