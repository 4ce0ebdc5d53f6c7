import { type FieldError, type FieldErrorCode, fieldError } from '../errors/app-error.js';
import { isCalendarDate } from '../leads/temperature.js';

/** What a custom field can hold. */
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select', 'multiselect', 'boolean'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** The records an admin may add custom fields to. */
export const CUSTOM_FIELD_ENTITIES = ['person', 'organisation', 'lead'] as const;
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];

/** Types whose values come from the field's options. */
export const OPTION_TYPES: readonly CustomFieldType[] = ['select', 'multiselect'];

/** Longest text value kept in a text custom field. */
export const MAX_TEXT_LENGTH = 2000;

/** What the validator needs to know of a field definition. */
export interface CustomFieldDefinition {
  key: string;
  type: CustomFieldType;
  active: boolean;
  options: readonly { value: string }[];
}

export type CustomValue = string | number | boolean | string[] | null;

export type CustomValuesResult =
  | { ok: true; value: Record<string, CustomValue> }
  | { ok: false; errors: FieldError[] };

type Check = { value: CustomValue } | { error: FieldErrorCode };

function checkValue(def: CustomFieldDefinition, raw: unknown): Check {
  if (raw === null) return { value: null };
  const allowed = new Set(def.options.map((o) => o.value));
  switch (def.type) {
    case 'text':
      if (typeof raw !== 'string') return { error: 'invalid_type' };
      if (raw.trim().length > MAX_TEXT_LENGTH) return { error: 'too_long' };
      return { value: raw.trim() || null };
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? { value: raw } : { error: 'invalid_type' };
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : { error: 'invalid_type' };
    case 'date':
      if (typeof raw !== 'string') return { error: 'invalid_type' };
      return isCalendarDate(raw) ? { value: raw } : { error: 'invalid_format' };
    case 'select':
      if (typeof raw !== 'string') return { error: 'invalid_type' };
      return allowed.has(raw) ? { value: raw } : { error: 'invalid_value' };
    case 'multiselect': {
      if (!Array.isArray(raw) || !raw.every((v) => typeof v === 'string')) return { error: 'invalid_type' };
      if (!raw.every((v) => allowed.has(v))) return { error: 'invalid_value' };
      const unique = [...new Set(raw as string[])];
      return { value: unique.length ? unique : null };
    }
  }
}

/**
 * Checks custom field values sent for one record against that entity's field definitions and
 * returns them normalised (texts trimmed, multiselect values de-duplicated, empty text or
 * selection → null, which clears the value). Every bad key is reported, as `customFields.<key>`:
 * unknown or inactive field → not_allowed, wrong JSON type → invalid_type, not a calendar date →
 * invalid_format, a value outside the options → invalid_value, text too long → too_long.
 * Example: `validateCustomValues([{ key: 'size', type: 'number', active: true, options: [] }], { size: '5' })`
 * → `{ ok: false, errors: [{ field: 'customFields.size', code: 'invalid_type', message: 'has the wrong type' }] }`.
 */
export function validateCustomValues(
  definitions: readonly CustomFieldDefinition[],
  values: Record<string, unknown>,
): CustomValuesResult {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const out: Record<string, CustomValue> = {};
  const errors: FieldError[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const def = byKey.get(key);
    const check: Check = def?.active ? checkValue(def, raw) : { error: 'not_allowed' };
    if ('error' in check) errors.push(fieldError(`customFields.${key}`, check.error));
    else out[key] = check.value;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}
