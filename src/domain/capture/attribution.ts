/**
 * Where a lead came from: the UTM parameters, ad click ids, referrer and landing page of a visit.
 * A submission carries the visitor's first touch (kept by the embed script since their first
 * page) and their last one (the latest page that came with campaign parameters), so attribution
 * survives a visitor who browsed several pages before submitting. Everything is untrusted input:
 * trimmed, cut to 300 characters, URLs only when http(s), times never in the future.
 */
export interface Touch {
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  gclid: string | null;
  fbclid: string | null;
  referrer: string | null;
  landingPage: string | null;
  occurredAt: string;
}

export const MAX_TOUCH_VALUE = 300;

/** The campaign parameters a page URL or a submission may carry (UTM tags and ad click ids). */
export const CAMPAIGN_KEYS = [
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'gclid',
  'fbclid',
] as const;
export type CampaignKey = (typeof CAMPAIGN_KEYS)[number];

const PARAMS = [
  ['utm_source', 'utmSource'],
  ['utm_medium', 'utmMedium'],
  ['utm_campaign', 'utmCampaign'],
  ['utm_term', 'utmTerm'],
  ['utm_content', 'utmContent'],
  ['gclid', 'gclid'],
  ['fbclid', 'fbclid'],
] as const;

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t ? t.slice(0, MAX_TOUCH_VALUE) : null;
}

/** An absolute http(s) URL, cut to the length we keep; anything else (javascript:, data:, junk) → null. */
export function safeUrl(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.slice(0, MAX_TOUCH_VALUE) : null;
  } catch {
    return null;
  }
}

function time(value: unknown, receivedAt: string): string {
  if (typeof value !== 'string') return receivedAt;
  const ms = Date.parse(value);
  // why: a visitor's clock may be wrong; a touch after the submission or before 2000 is not believed.
  if (!Number.isFinite(ms) || ms > Date.parse(receivedAt) || ms < Date.UTC(2000, 0, 1)) return receivedAt;
  return new Date(ms).toISOString();
}

/** The campaign parameters of a page URL (`?utm_source=…`), as they would start a touch. */
export function paramsOfUrl(url: string | null): Record<string, string> {
  if (!url) return {};
  try {
    const params = new URL(url).searchParams;
    const out: Record<string, string> = {};
    for (const [key] of PARAMS) {
      const v = params.get(key);
      if (v) out[key] = v;
    }
    return out;
  } catch {
    return {};
  }
}

/** A touch from a loose object (the embed script's JSON, or a webhook's fields). */
export function touchFrom(raw: Record<string, unknown>, receivedAt: string): Touch {
  const landingPage = safeUrl(raw.landing_page ?? raw.landingPage);
  const fromUrl = paramsOfUrl(landingPage);
  const touch: Touch = {
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    utmTerm: null,
    utmContent: null,
    gclid: null,
    fbclid: null,
    referrer: safeUrl(raw.referrer),
    landingPage,
    occurredAt: time(raw.at ?? raw.occurredAt, receivedAt),
  };
  for (const [key, prop] of PARAMS) touch[prop] = text(raw[key]) ?? text(fromUrl[key]);
  return touch;
}

function parseJsonObject(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'string' || value.length > 4000) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** True when a touch says anything beyond its time. */
export function hasAttribution(t: Touch): boolean {
  return PARAMS.some(([, prop]) => t[prop] !== null) || t.referrer !== null || t.landingPage !== null;
}

/**
 * The first and last touch of a form submission: `_first` / `_last` (JSON from the embed script),
 * with the submission's own `utm_*` / click ids and `_page` (the page of the form) taking the last
 * touch's place when present. Without the script's first touch, the last one is also the first.
 */
export function touchesOfSubmission(
  values: Record<string, unknown>,
  receivedAt: string,
  refererHeader: string | undefined,
): { first: Touch; last: Touch } {
  const first = parseJsonObject(values._first);
  const last = parseJsonObject(values._last) ?? {};
  const page = safeUrl(values._page) ?? safeUrl(refererHeader);
  const direct: Record<string, unknown> = {};
  for (const [key] of PARAMS) if (text(values[key])) direct[key] = values[key];
  const own = Object.keys(direct).length > 0 || Object.keys(paramsOfUrl(page)).length > 0;
  const lastRaw = own ? { ...direct, landing_page: page, referrer: last.referrer, at: receivedAt } : last;
  const lastTouch = touchFrom(hasAnything(lastRaw) ? lastRaw : { landing_page: page }, receivedAt);
  return { first: first ? touchFrom(first, receivedAt) : lastTouch, last: lastTouch };
}

function hasAnything(raw: Record<string, unknown>): boolean {
  return Object.values(raw).some((v) => typeof v === 'string' && v.trim() !== '');
}
