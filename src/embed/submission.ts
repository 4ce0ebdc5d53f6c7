import type { Touches } from './touch.js';
import { CONSENT_FIELD, type EmbedConfig, type Entries, type Lang } from './types.js';

/** What is wrong with one field, as a key of the script's own messages. */
export type ProblemCode = 'required' | 'email' | 'consent' | 'tooLong' | 'invalid';
export interface FieldProblem {
  field: string;
  code: ProblemCode;
  /** The server's own message, shown instead of the code's sentence when the script does not know its code. */
  text?: string;
}

/** An e-mail's shape only (the server decides the rest): `isEmail('ona@uab.lt')` → true, `isEmail('ona@uab')` → false. */
export function isEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]{2,}$/.test(value);
}

/** The values of the form's own fields and the consent box, trimmed, empty ones left out. */
function ownValues(config: EmbedConfig, values: Entries): Entries {
  const names = new Set(config.fields.map((field) => field.name));
  if (config.consent) names.add(CONSENT_FIELD);
  const out: Entries = [];
  for (const [name, raw] of values) {
    const value = raw.trim();
    if (value && names.has(name)) out.push([name, value]);
  }
  return out;
}

/**
 * The problems the visitor can fix before anything is sent: required fields, e-mail shape, length, consent.
 * `validate(config, [['person.email', 'x']])` → `[{ field: 'person.email', code: 'email' }]`.
 */
export function validate(config: EmbedConfig, values: Entries): FieldProblem[] {
  const given = ownValues(config, values);
  const valuesOf = (name: string) => given.filter(([key]) => key === name).map(([, value]) => value);
  const problems: FieldProblem[] = [];
  for (const field of config.fields) {
    const own = valuesOf(field.name);
    const code: ProblemCode | null =
      field.required && own.length === 0
        ? 'required'
        : field.type === 'email' && own.some((value) => !isEmail(value))
          ? 'email'
          : field.maxLength !== null && own.some((value) => value.length > field.maxLength!)
            ? 'tooLong'
            : null;
    if (code) problems.push({ field: field.name, code });
  }
  if (config.consent?.required && !valuesOf(CONSENT_FIELD).includes('yes')) {
    problems.push({ field: CONSENT_FIELD, code: 'consent' });
  }
  return problems;
}

export interface BodyContext {
  /** Client id of this submission, the same on every retry. */
  cid: string;
  /** Visitor id, the same across visits. */
  vid: string;
  lang: Lang;
  page: string;
  touches: Touches;
  /** The referral token of the page's URL (`?_ref=…`, set by a referral link), if any. */
  ref?: string | null;
}

/**
 * The POST body: the fields, the consent box, then the control keys (`_t`, the honeypot, `_cid`, `_vid`,
 * `_lang`, `_page`, `_first`, `_last`, and `_ref` when the page has one). The honeypot is always sent, as
 * typed, so a bot's filling shows.
 */
export function buildBody(config: EmbedConfig, values: Entries, context: BodyContext): Entries {
  const honeypot = values.find(([name]) => name === config.honeypot)?.[1] ?? '';
  return [
    ...ownValues(config, values),
    ['_t', config.token],
    [config.honeypot, honeypot],
    ['_cid', context.cid],
    ['_vid', context.vid],
    ['_lang', context.lang],
    ['_page', context.page],
    ['_first', JSON.stringify(context.touches.first)],
    ['_last', JSON.stringify(context.touches.last)],
    ...(context.ref ? [['_ref', context.ref] as [string, string]] : []),
  ];
}

/**
 * The referral token in a page's URL (`?_ref=…`, where a referral link lands), when it looks like one.
 * `referralToken('https://crm.lt/embed/forms/f1?_ref=AbC_123-xyz')` → `'AbC_123-xyz'`; none or junk → null.
 */
export function referralToken(href: string): string | null {
  let ref: string | null = null;
  try {
    ref = new URL(href).searchParams.get('_ref');
  } catch {
    // why: an unreadable page address simply carries no referral.
    return null;
  }
  return ref && /^[A-Za-z0-9_-]{8,64}$/.test(ref) ? ref : null;
}

const BACKOFF_SECONDS = [5, 15, 60, 300];

/**
 * Seconds before retry number `attempt` (0-based) after a network error or 5xx: 5, 15, 60, then every 5 min,
 * spread ±20 % so visitors cut off by one outage do not return all at once. `retryDelay(1, () => 0.5)` → 15.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const base = BACKOFF_SECONDS[Math.min(Math.max(attempt, 0), BACKOFF_SECONDS.length - 1)]!;
  return Math.max(1, Math.round(base * (0.8 + 0.4 * random())));
}

const MAX_WAIT_SECONDS = 86_400;

/** A `Retry-After` header (seconds or an HTTP date) as seconds from `now`, within 1 s … 1 day; absent/unreadable → null. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  const text = (header ?? '').trim();
  const seconds = /^\d+$/.test(text)
    ? Number(text)
    : / GMT$/.test(text)
      ? Math.ceil((Date.parse(text) - now) / 1000)
      : Number.NaN;
  return Number.isNaN(seconds) ? null : Math.min(Math.max(seconds, 1), MAX_WAIT_SECONDS);
}

/** A version-4 UUID from a source of random bytes (0–255). */
export function uuidFrom(randomByte: () => number): string {
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (Number(digit) ^ (randomByte() & (15 >> (Number(digit) / 4)))).toString(16),
  );
}

/** A random UUID: `crypto.randomUUID` (secure pages only), else `getRandomValues` (http pages too), else Math.random. */
export function newId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  return uuidFrom(
    typeof c?.getRandomValues === 'function'
      ? () => c.getRandomValues(new Uint8Array(1))[0]!
      : () => Math.floor(Math.random() * 256),
  );
}

export interface ServerFieldError {
  field: string;
  code?: string;
  message?: string;
}

/**
 * The server's `errors[]` placed on the form: each under its field (a `body.` prefix tolerated). Codes the
 * script knows get its own sentence in the form's language (as the web app translates codes); others keep the
 * server's message. `unplaced` counts errors naming no field of this form.
 */
export function placeServerErrors(
  config: EmbedConfig,
  errors: ServerFieldError[],
): { problems: FieldProblem[]; unplaced: number } {
  const problems: FieldProblem[] = [];
  let unplaced = 0;
  for (const error of errors) {
    const name = String(error.field ?? '').replace(/^\/?(body[./])?/, '');
    const field = config.fields.find((candidate) => candidate.name === name);
    if (problems.some((problem) => problem.field === name)) continue;
    if (name === CONSENT_FIELD && config.consent) problems.push({ field: name, code: 'consent' });
    else if (field) problems.push(problemOf(name, error, field.type === 'email'));
    else unplaced++;
  }
  return { problems, unplaced };
}

const KNOWN_CODES: Record<string, ProblemCode> = {
  required: 'required',
  empty: 'required',
  too_long: 'tooLong',
};

function problemOf(field: string, error: ServerFieldError, isEmailField: boolean): FieldProblem {
  const code = isEmailField && error.code === 'invalid_format' ? 'email' : KNOWN_CODES[error.code ?? ''];
  if (code) return { field, code };
  const message = String(error.message ?? '').trim();
  return message
    ? { field, code: 'invalid', text: message[0]!.toUpperCase() + message.slice(1) }
    : { field, code: 'invalid' };
}
