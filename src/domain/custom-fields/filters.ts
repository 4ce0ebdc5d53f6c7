import type { FieldErrorCode } from '../errors/app-error.js';
import { isCalendarDate } from '../leads/temperature.js';
import type { CustomFieldDefinition } from './validate-values.js';

/**
 * One condition on a custom field of a list, as the list's `cf` parameter writes it:
 * `key:value`. By the field's type:
 * - text: `note:called` — the value contains the text (case-insensitive);
 * - number and date: `employees:10..50`, `employees:10..`, `founded:..2024-12-31`, or one value
 *   (both ends inclusive);
 * - select and multiselect: `tier:gold|silver` — any of these options (a multiselect: holds any);
 * - boolean: `vip:true` or `vip:false`.
 */
export type CustomFilter =
  | { key: string; kind: 'text'; contains: string }
  | { key: string; kind: 'number'; min: number | null; max: number | null }
  | { key: string; kind: 'date'; from: string | null; to: string | null }
  | { key: string; kind: 'select' | 'multiselect'; anyOf: string[] }
  | { key: string; kind: 'boolean'; value: boolean };

export type CustomFilterResult = { ok: true; filter: CustomFilter } | { ok: false; code: FieldErrorCode };

/** Longest text a text condition may search for. */
const MAX_CONTAINS = 200;

function range<T>(
  text: string,
  parse: (s: string) => T | undefined,
): { low: T | null; high: T | null } | undefined {
  const [lowText, highText, ...rest] = text.includes('..') ? text.split('..') : [text, text];
  if (rest.length || lowText === undefined || highText === undefined) return undefined;
  if (lowText === '' && highText === '') return undefined;
  const low = lowText === '' ? null : parse(lowText);
  const high = highText === '' ? null : parse(highText);
  if (low === undefined || high === undefined) return undefined;
  return { low, high };
}

const number = (s: string) => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined);
const date = (s: string) => (isCalendarDate(s) ? s : undefined);

/**
 * Reads one `key:value` condition against the entity's field definitions.
 * Examples: `parseCustomFilter(defs, 'tier:gold|silver')` → `{ ok: true, filter: { key: 'tier',
 * kind: 'select', anyOf: ['gold', 'silver'] } }`; an unknown key → `{ ok: false, code: 'not_found' }`.
 */
export function parseCustomFilter(
  definitions: readonly CustomFieldDefinition[],
  raw: string,
): CustomFilterResult {
  const colon = raw.indexOf(':');
  if (colon <= 0) return { ok: false, code: 'invalid_format' };
  const key = raw.slice(0, colon);
  const text = raw.slice(colon + 1).trim();
  const def = definitions.find((d) => d.key === key);
  if (!def) return { ok: false, code: 'not_found' };
  if (text === '') return { ok: false, code: 'required' };
  switch (def.type) {
    case 'text':
      return text.length > MAX_CONTAINS
        ? { ok: false, code: 'too_long' }
        : { ok: true, filter: { key, kind: 'text', contains: text } };
    case 'number': {
      const r = range(text, number);
      if (!r) return { ok: false, code: 'invalid_format' };
      if (r.low !== null && r.high !== null && r.low > r.high) return { ok: false, code: 'out_of_range' };
      return { ok: true, filter: { key, kind: 'number', min: r.low, max: r.high } };
    }
    case 'date': {
      const r = range(text, date);
      if (!r) return { ok: false, code: 'invalid_format' };
      if (r.low !== null && r.high !== null && r.low > r.high) return { ok: false, code: 'date_order' };
      return { ok: true, filter: { key, kind: 'date', from: r.low, to: r.high } };
    }
    case 'select':
    case 'multiselect': {
      const anyOf = [...new Set(text.split('|').map((s) => s.trim()))];
      const allowed = new Set(def.options.map((o) => o.value));
      if (anyOf.some((v) => !allowed.has(v))) return { ok: false, code: 'invalid_value' };
      return { ok: true, filter: { key, kind: def.type, anyOf } };
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') return { ok: false, code: 'invalid_value' };
      return { ok: true, filter: { key, kind: 'boolean', value: text === 'true' } };
  }
}
