/**
 * Spam signals of a public submission and what they mean. Nothing suspicious is dropped: a
 * submission with any reason is stored in quarantine, where a person releases or deletes it, so a
 * false alarm never loses a lead. Hard limits (too many from one address) answer 429 instead.
 */
export type QuarantineReason =
  | 'honeypot'
  | 'token_missing'
  | 'token_invalid'
  | 'token_expired'
  | 'too_fast'
  | 'origin_not_allowed'
  | 'burst';

export const QUARANTINE_REASONS: readonly QuarantineReason[] = [
  'honeypot',
  'token_missing',
  'token_invalid',
  'token_expired',
  'too_fast',
  'origin_not_allowed',
  'burst',
];

/** A render token older than this is stale (a page left open overnight is still fine). */
export const TOKEN_MAX_AGE_MS = 48 * 3600 * 1000;

export interface TokenCheck {
  /** The `_t` value was sent at all. */
  present: boolean;
  /** Its signature matches this form. */
  valid: boolean;
  /** When it was issued (ms since epoch) — only meaningful when valid. */
  issuedAtMs: number;
}

/** What the time trap says: filled faster than a person could, or a token from long ago. */
export function tokenReason(
  token: TokenCheck,
  nowMs: number,
  minFillSeconds: number,
): QuarantineReason | null {
  if (!token.present) return 'token_missing';
  if (!token.valid) return 'token_invalid';
  const age = nowMs - token.issuedAtMs;
  if (age > TOKEN_MAX_AGE_MS || age < -60_000) return 'token_expired';
  if (age < minFillSeconds * 1000) return 'too_fast';
  return null;
}

/** `scheme://host[:port]` of a URL or an Origin header, lower case; null when it is not one. */
export function originOf(value: string | undefined | null): string | null {
  if (!value || value === 'null') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Whether the page the submission came from may use this form: any origin when the form lists
 * none, else one of the listed ones or the app's own (the hosted iframe page). The Origin header
 * decides; without it the Referer's origin does; with neither, the check fails (a browser sends
 * one of them on a cross-site POST, a script may not).
 */
export function originAllowed(
  allowed: readonly string[],
  ownOrigin: string,
  originHeader: string | undefined,
  refererHeader: string | undefined,
): boolean {
  if (allowed.length === 0) return true;
  const origin = originOf(originHeader) ?? originOf(refererHeader);
  if (!origin) return false;
  return origin === originOf(ownOrigin) || allowed.some((a) => originOf(a) === origin);
}

/** Every reason to hold a submission back, in a stable order; none → it goes straight to the inbox. */
export function quarantineReasons(signals: {
  honeypotFilled: boolean;
  token: QuarantineReason | null;
  originAllowed: boolean;
  burst: boolean;
}): QuarantineReason[] {
  const reasons: QuarantineReason[] = [];
  if (signals.honeypotFilled) reasons.push('honeypot');
  if (signals.token) reasons.push(signals.token);
  if (!signals.originAllowed) reasons.push('origin_not_allowed');
  if (signals.burst) reasons.push('burst');
  return reasons;
}
