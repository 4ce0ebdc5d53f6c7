import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Webhook secrets at rest. A sender signs with the secret, so we must be able to use it again:
 * unlike API tokens it cannot be hashed, so it is encrypted with AES-256-GCM under a key derived
 * from the app secret (HKDF-SHA256 with a purpose label, so no other use of the app secret ever
 * yields the same key). Stored as `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 */

const VERSION = 'v1';
const PURPOSE = 'piltuvas webhook secret v1';
const IV_BYTES = 12;
const keys = new Map<string, Buffer>();

function keyOf(appSecret: string): Buffer {
  let key = keys.get(appSecret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', appSecret, Buffer.alloc(0), PURPOSE, 32));
    keys.set(appSecret, key);
  }
  return key;
}

/** A new webhook secret to show once: 32 random bytes, base64url (43 characters). */
export function newWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Encrypts a secret for storage: `sealSecret(appSecret, 's3cr3t')` → `'v1.<iv>.<tag>.<ciphertext>'`. */
export function sealSecret(appSecret: string, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(appSecret), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/**
 * The secret a sealed value holds. Throws when it was not sealed with this app secret or was
 * changed: that is a broken installation (the app secret was replaced), not a sender's mistake.
 */
export function openSecret(appSecret: string, sealed: string): string {
  const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
  if (
    version !== VERSION ||
    iv === undefined ||
    tag === undefined ||
    ciphertext === undefined ||
    rest.length
  ) {
    throw new Error('Not a sealed webhook secret (expected v1.<iv>.<tag>.<ciphertext>)');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(appSecret), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch (error) {
    throw new Error(
      'A webhook secret cannot be decrypted: was the session secret (PILTUVAS_SESSION_SECRET) changed? Rotate the integration secrets.',
      { cause: error },
    );
  }
}
