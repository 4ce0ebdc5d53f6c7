/**
 * The signature senders put on a webhook: `X-Piltuvas-Signature: sha256=<hex HMAC-SHA256 of the
 * raw body>`. Only the header's syntax lives here; the server computes the HMAC over the raw
 * bytes and compares with `crypto.timingSafeEqual`, because the domain stays free of node:*.
 */

/** The header name, lower-case as Node hands incoming headers over. */
export const WEBHOOK_SIGNATURE_HEADER = 'x-piltuvas-signature';

const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * The digest a signature header carries, hex in lower case so it compares byte for byte; `null`
 * for anything but exactly `sha256=` and 64 hex digits — no spaces, other algorithms or lists —
 * so a malformed header is refused before any HMAC is computed.
 * Example: `parseSignatureHeader('sha256=' + 'AB'.repeat(32))` → `{ algorithm: 'sha256', hex: 'ab…ab' }`;
 * `parseSignatureHeader('sha1=…')` → `null`.
 */
export function parseSignatureHeader(
  header: string | undefined,
): { algorithm: 'sha256'; hex: string } | null {
  const hex = header === undefined ? undefined : SIGNATURE.exec(header)?.[1];
  return hex === undefined ? null : { algorithm: 'sha256', hex: hex.toLowerCase() };
}
