import { describe, expect, it } from 'vitest';
import { curlExample, nodeExample, shellQuote } from './signing';

describe('shellQuote', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", "'it'\\''s'"],
    ['$HOME "x"', `'$HOME "x"'`],
  ])('quotes %s as one shell word', (text, expected) => {
    expect(shellQuote(text)).toBe(expected);
  });
});

describe('curlExample', () => {
  it('signs the very body it posts, with the header the server reads', () => {
    const lines = curlExample(
      'https://crm.example.lt/api/public/webhooks/abc',
      'X-Piltuvas-Signature',
      { id: '1', name: "O'Brien" },
      's3cret',
    ).split('\n');
    expect(lines).toEqual([
      "SECRET='s3cret'",
      `BODY='{"id":"1","name":"O'\\''Brien"}'`,
      `SIGNATURE=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -r | cut -d' ' -f1)`,
      "curl -X POST 'https://crm.example.lt/api/public/webhooks/abc' \\",
      "  -H 'Content-Type: application/json' \\",
      '  -H "X-Piltuvas-Signature: sha256=$SIGNATURE" \\',
      '  --data-raw "$BODY"',
    ]);
  });

  it('shows the HMAC in Node over the raw body', () => {
    expect(nodeExample('X-Piltuvas-Signature')).toContain(
      "createHmac('sha256', secret).update(rawBody).digest('hex')",
    );
  });
});
