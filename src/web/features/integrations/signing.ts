/**
 * How a sender signs an event, as the integration screen shows it: the header's format and a
 * shell example that signs an example body with openssl and posts it with curl.
 */

/** What the signature header carries (the server: `parseSignatureHeader`). */
export const SIGNATURE_VALUE = 'sha256=<hex HMAC-SHA256 of the raw body>';

/** A text as one single-quoted shell word: `it's` → `'it'\''s'`. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * The lines that sign `payload` (as compact JSON) with the secret and post it to the endpoint;
 * the signature covers exactly the bytes sent, so the body is signed and sent from one variable.
 * Example: `curlExample('https://crm.example.lt/api/public/webhooks/1', 'X-Piltuvas-Signature', { id: 'a' }, 'S')`
 * → `SECRET='S'` / `BODY='{"id":"a"}'` / `SIGNATURE=$(printf '%s' "$BODY" | openssl dgst …)` / `curl …`.
 */
export function curlExample(endpoint: string, header: string, payload: unknown, secret: string): string {
  return [
    `SECRET=${shellQuote(secret)}`,
    `BODY=${shellQuote(JSON.stringify(payload))}`,
    `SIGNATURE=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -r | cut -d' ' -f1)`,
    `curl -X POST ${shellQuote(endpoint)} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H "${header}: sha256=$SIGNATURE" \\`,
    `  --data-raw "$BODY"`,
  ].join('\n');
}

/** The same in Node, for senders that are programs: the HMAC of the raw body, never of re-serialised JSON. */
export function nodeExample(header: string): string {
  return [
    `import { createHmac } from 'node:crypto';`,
    `const signature = createHmac('sha256', secret).update(rawBody).digest('hex');`,
    `// send rawBody unchanged, with the header  ${header}: sha256=\${signature}`,
  ].join('\n');
}
