import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TokenCheck } from '../../../domain/capture/spam.js';

/**
 * The stateless parts of form spam defence, signed with the app secret so every instance agrees:
 * the render token (when the form was shown: the time trap) and the client-address hash (kept
 * instead of the address, for rate limits and consent proof).
 */
function sign(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url').slice(0, 32);
}

export function renderToken(secret: string, formId: string, issuedAtMs: number): string {
  const at = issuedAtMs.toString(36);
  return `${at}.${sign(secret, `form-render|${formId}|${at}`)}`;
}

export function checkRenderToken(secret: string, formId: string, token: unknown): TokenCheck {
  if (typeof token !== 'string' || token === '') return { present: false, valid: false, issuedAtMs: 0 };
  const [at, mac] = token.split('.');
  if (!at || !mac || at.length > 12) return { present: true, valid: false, issuedAtMs: 0 };
  const expected = Buffer.from(sign(secret, `form-render|${formId}|${at}`));
  const given = Buffer.from(mac);
  const valid = given.length === expected.length && timingSafeEqual(given, expected);
  return { present: true, valid, issuedAtMs: valid ? Number.parseInt(at, 36) : 0 };
}

export function ipHash(secret: string, ip: string): string {
  return createHmac('sha256', secret).update(`ip|${ip}`).digest('base64url').slice(0, 27);
}

/**
 * Fixed one-minute windows of counts per key, in this process. The per-address and per-form
 * limits count per instance: with several instances the effective limit is that many times
 * higher, which is what a storage guard needs (a shared Redis counter comes with the
 * multi-instance work). Old windows are dropped as the minute turns, so memory stays bounded.
 */
export class MinuteCounter {
  private window = -1;
  private counts = new Map<string, number>();

  /** Counts one more for `key`; returns the count in this minute and the seconds left in it. */
  hit(key: string, nowMs: number): { count: number; retryAfterSeconds: number } {
    const window = Math.floor(nowMs / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.counts.clear();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return { count, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * 60_000 - nowMs) / 1000)) };
  }
}
