import { CAMPAIGN_KEYS } from '../domain/capture/attribution.js';
import type { KeyValueStore } from './storage.js';

/** Where a visitor came from: the first touch of their visits and the last one that carried a campaign. */
export interface Touch {
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  utm_term?: string;
  utm_content?: string;
  gclid?: string;
  fbclid?: string;
  referrer?: string;
  landing_page: string;
  /** ISO time. */
  at: string;
}

export const MAX_VALUE_LENGTH = 300;
export const FIRST_TOUCH_KEY = 'piltuvas.touch.first';
export const LAST_TOUCH_KEY = 'piltuvas.touch.last';

/** Trimmed and cut to 300 UTF-16 units (never halving a surrogate pair); empty → undefined. `clip('  a ')` → 'a'. */
export function clip(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cut = value
    .trim()
    .slice(0, MAX_VALUE_LENGTH)
    .replace(/[\uD800-\uDBFF]$/, '');
  return cut || undefined;
}

/** The URL when it is http(s), clipped; anything else → undefined. `httpUrl('javascript:alert(1)')` → undefined. */
export function httpUrl(value: unknown): string | undefined {
  const text = clip(value);
  return text && parseHttp(text) ? text : undefined;
}

/** True for an absolute http(s) URL: `isHttpUrl('https://uab.lt/ačiū')` → true, `isHttpUrl('javascript:…')` → false. */
export function isHttpUrl(value: unknown): value is string {
  return typeof value === 'string' && parseHttp(value) !== null;
}

function parseHttp(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    // why: an unparsable URL is simply not a URL we keep.
    return null;
  }
}

/**
 * The touch of one page view: campaign parameters of `href`, and the referrer when it is another host.
 * `touchAt('https://a.lt/?utm_source=fb', 'https://b.lt/', now)` → `{ utm_source: 'fb', referrer: 'https://b.lt/', … }`.
 */
export function touchAt(href: string, referrer: string, now: Date): Touch {
  const page = parseHttp(href);
  const touch: Touch = { landing_page: page ? httpUrl(href)! : '', at: now.toISOString() };
  for (const key of CAMPAIGN_KEYS) {
    const value = clip(page?.searchParams.get(key));
    if (value) touch[key] = value;
  }
  const from = parseHttp(referrer);
  if (from && from.host !== page?.host) touch.referrer = httpUrl(referrer);
  return touch;
}

/** True when the touch carries any utm_*, gclid or fbclid parameter. */
export function hasCampaign(touch: Touch): boolean {
  return CAMPAIGN_KEYS.some((key) => touch[key] !== undefined);
}

/** A stored touch read back defensively: only known keys with string values, clipped; anything else → null. */
export function parseTouch(json: string | null): Touch | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? 'null');
  } catch {
    // why: a corrupt entry (edited by hand, written by an older script) is replaced by the next touch.
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const at = clip(record.at);
  if (typeof record.landing_page !== 'string' || !at) return null;
  const touch: Touch = { landing_page: httpUrl(record.landing_page) ?? '', at };
  for (const key of CAMPAIGN_KEYS) {
    const value = clip(record[key]);
    if (value) touch[key] = value;
  }
  const referrer = httpUrl(record.referrer);
  if (referrer) touch.referrer = referrer;
  return touch;
}

export interface Touches {
  first: Touch;
  last: Touch;
}

/**
 * Records this page view and returns the touches a submission sends. The first touch is kept once set;
 * the last moves on a campaign, or on an outside referrer when there is none yet. With nothing stored,
 * the last touch is the first (a visitor who only ever came directly).
 */
export function recordTouches(store: KeyValueStore, current: Touch): Touches {
  let first = parseTouch(store.get(FIRST_TOUCH_KEY));
  if (!first) {
    first = current;
    store.set(FIRST_TOUCH_KEY, JSON.stringify(current));
  }
  let last = parseTouch(store.get(LAST_TOUCH_KEY));
  if (hasCampaign(current) || (current.referrer && !last)) {
    last = current;
    store.set(LAST_TOUCH_KEY, JSON.stringify(current));
  }
  return { first, last: last ?? first };
}

export const VISITOR_KEY = 'piltuvas.vid';

/** The visitor's id, created on their first visit and kept (a new one per page when nothing can be stored). */
export function visitorId(store: KeyValueStore, newId: () => string): string {
  const stored = clip(store.get(VISITOR_KEY));
  if (stored && stored.length <= 64) return stored;
  const id = newId();
  store.set(VISITOR_KEY, id);
  return id;
}
