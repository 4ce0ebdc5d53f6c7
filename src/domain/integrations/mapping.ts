import { CUSTOM_KEY_SOURCE, RECORD_FIELDS } from '../capture/fields.js';
import { checkSource, type MappingError } from './check-source.js';
import { isRecord, ownValue } from './json-pointer.js';
import { resolveSource, type Source } from './sources.js';

export type { MappingError, MappingErrorCode } from './check-source.js';
export type { LiAnswer, Source } from './sources.js';

/**
 * The capture fields a webhook may fill, besides custom fields (`cf.<key>`). One list, so the
 * mapping screen, the validator and the write path cannot drift apart.
 */
export const WEBHOOK_TARGETS = [
  ...RECORD_FIELDS,
  'lead.message',
  'lead.sourceDetail',
  'utm.source',
  'utm.medium',
  'utm.campaign',
  'utm.term',
  'utm.content',
] as const;
export type StandardTarget = (typeof WEBHOOK_TARGETS)[number];
export type CustomFieldTarget = `cf.${string}`;
export type WebhookTarget = StandardTarget | CustomFieldTarget;

/** The key after `cf.`; whether such a custom field exists and is active is the write path's check. */
export const CUSTOM_FIELD_TARGET_KEY = new RegExp(`^${CUSTOM_KEY_SOURCE}$`);

/**
 * How one integration turns a payload into capture fields. `eventId` is the idempotency key
 * (`UNIQUE(integration_id, event_id)`), `test` marks test leads for quarantine.
 */
export interface WebhookMapping {
  eventId: Source;
  fields: Partial<Record<WebhookTarget, Source>>;
  test?: Source;
}

export type MappingCheck = { ok: true; mapping: WebhookMapping } | { ok: false; errors: MappingError[] };

/** What a payload yields; `values` holds trimmed, non-blank texts only. */
export interface MappedEvent {
  eventId: string | null;
  values: Partial<Record<WebhookTarget, string>>;
  test: boolean;
}

const STANDARD_TARGETS: ReadonlySet<string> = new Set(WEBHOOK_TARGETS);
const MAPPING_KEYS = ['eventId', 'fields', 'test'];
// What a `test` source may say to mark a test lead (LinkedIn sends a boolean, relays often text).
const TEST_WORDS = new Set(['true', '1', 'yes']);

/** A capture field a mapping may name: `isWebhookTarget('cf.budget')` → true, `isWebhookTarget('person.id')` → false. */
export function isWebhookTarget(name: string): name is WebhookTarget {
  if (STANDARD_TARGETS.has(name)) return true;
  return name.startsWith('cf.') && CUSTOM_FIELD_TARGET_KEY.test(name.slice(3));
}

/**
 * Checks a mapping an admin saved (or a preset) and returns a clean copy with only known keys,
 * or every problem at once. Never throws, whatever it is given.
 * Example: `validateMapping({ fields: { 'person.mail': { pointer: '/m' } } })` → `{ ok: false, errors:
 * [{ field: 'eventId', code: 'required' }, { field: 'fields.person.mail', code: 'unknown_target' }] }`.
 */
export function validateMapping(mapping: unknown): MappingCheck {
  const errors: MappingError[] = [];
  if (!isRecord(mapping)) return { ok: false, errors: [{ field: 'mapping', code: 'invalid_type' }] };
  for (const key of Object.keys(mapping)) {
    if (!MAPPING_KEYS.includes(key)) errors.push({ field: key, code: 'unknown_key' });
  }
  const rawEventId = ownValue(mapping, 'eventId');
  const eventId =
    rawEventId === undefined
      ? refuse(errors, 'eventId', 'required')
      : checkSource(rawEventId, 'eventId', errors);
  const fields = checkFields(ownValue(mapping, 'fields'), errors);
  const rawTest = ownValue(mapping, 'test');
  const test = rawTest === undefined ? undefined : checkSource(rawTest, 'test', errors);
  if (errors.length > 0 || eventId === null || fields === null || test === null) return { ok: false, errors };
  return { ok: true, mapping: test === undefined ? { eventId, fields } : { eventId, fields, test } };
}

/**
 * Reads one payload through a mapping. Total over every JSON value — missing, mistyped or hostile
 * parts (`__proto__` keys, deep nesting, huge arrays) are no value, never an exception. A mapped
 * `person.fullName` only fills first and last name when neither yielded a value (presets map all
 * three, because a form asks for one or the other); it never appears in `values` itself.
 * Over-long texts are returned as they are: the write path owns the length rules.
 * Example: `applyMapping({ eventId: { pointer: '/id' }, fields: { 'person.fullName': { pointer: '/n' } } },
 * { id: 7, n: 'Ona Petraitė' })` → `{ eventId: '7', values: { 'person.firstName': 'Ona', 'person.lastName': 'Petraitė' }, test: false }`.
 */
export function applyMapping(mapping: WebhookMapping, payload: unknown): MappedEvent {
  const values: Partial<Record<WebhookTarget, string>> = {};
  let fullName: string | null = null;
  for (const [target, source] of Object.entries(mapping.fields)) {
    if (source === undefined || !isWebhookTarget(target)) continue;
    const text = resolveSource(source, payload);
    if (text === null) continue;
    if (target === 'person.fullName') fullName = text;
    else values[target] = text;
  }
  if (
    fullName !== null &&
    values['person.firstName'] === undefined &&
    values['person.lastName'] === undefined
  ) {
    const { firstName, lastName } = splitFullName(fullName);
    if (firstName !== null) values['person.firstName'] = firstName;
    if (lastName !== null) values['person.lastName'] = lastName;
  }
  const test = mapping.test === undefined ? null : resolveSource(mapping.test, payload);
  return {
    eventId: resolveSource(mapping.eventId, payload),
    values,
    test: test !== null && TEST_WORDS.has(test.toLowerCase()),
  };
}

/**
 * Splits a full name on whitespace: the last word is the last name, the rest the first name; a
 * single word is a last name, the one a person record cannot do without.
 * Example: `splitFullName(' Ona  Marija Petraitė ')` → `{ firstName: 'Ona Marija', lastName: 'Petraitė' }`.
 */
export function splitFullName(fullName: string): { firstName: string | null; lastName: string | null } {
  const words = fullName.trim().split(/\s+/u).filter(Boolean);
  const lastName = words.pop() ?? null;
  return { firstName: words.length > 0 ? words.join(' ') : null, lastName };
}

function checkFields(raw: unknown, errors: MappingError[]): Partial<Record<WebhookTarget, Source>> | null {
  if (raw === undefined) return refuse(errors, 'fields', 'required');
  if (!isRecord(raw)) return refuse(errors, 'fields', 'invalid_type');
  const fields: Partial<Record<WebhookTarget, Source>> = {};
  let ok = true;
  for (const target of Object.keys(raw)) {
    const field = `fields.${target}`;
    if (!isWebhookTarget(target)) {
      refuse(errors, field, 'unknown_target');
      ok = false;
      continue;
    }
    const source = checkSource(ownValue(raw, target), field, errors);
    if (source === null) ok = false;
    else fields[target] = source;
  }
  return ok ? fields : null;
}

function refuse(errors: MappingError[], field: string, code: MappingError['code']): null {
  errors.push({ field, code });
  return null;
}
