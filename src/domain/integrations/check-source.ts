import { isRecord, ownValue, parsePointer } from './json-pointer.js';
import { type LiAnswer, MAX_SOURCE_DEPTH, type Source } from './sources.js';

/** Why part of a mapping was refused; `field` names it as `fields.person.email.first.1`. */
export type MappingErrorCode =
  | 'required'
  | 'invalid_type'
  | 'unknown_key'
  | 'unknown_target'
  | 'invalid_source'
  | 'invalid_pointer'
  | 'too_deep'
  | 'too_long';

export interface MappingError {
  field: string;
  code: MappingErrorCode;
}

/** Most names in one `fieldData` and most sources in one `first`: a mapping screen, not a program. */
export const MAX_SOURCE_OPTIONS = 20;
/** Longest constant, field name or question id a mapping may hold. */
export const MAX_SOURCE_TEXT = 500;

const KINDS = ['pointer', 'fieldData', 'liAnswer', 'const', 'first'] as const;
type Kind = (typeof KINDS)[number];
const OPTIONAL_KEYS: Record<Kind, readonly string[]> = {
  pointer: [],
  fieldData: ['at'],
  liAnswer: [],
  const: [],
  first: [],
};
const LI_ANSWER_KEYS = ['predefinedField', 'questionId', 'answersAt', 'questionsAt'];

/**
 * Checks one source of an untrusted mapping and returns a clean copy holding only the known
 * keys, or `null` after adding every problem to `errors`. Exactly one kind key per source, so a
 * typo (`pointr`) is refused rather than silently mapping nothing.
 * Example: `checkSource({ pointer: 'email' }, 'eventId', errors)` → `null`, errors `[{ field: 'eventId', code: 'invalid_pointer' }]`.
 */
export function checkSource(raw: unknown, field: string, errors: MappingError[], depth = 0): Source | null {
  if (!isRecord(raw)) return refuse(errors, field, 'invalid_type');
  const keys = Object.keys(raw);
  const kinds = KINDS.filter((kind) => keys.includes(kind));
  const kind = kinds[0];
  if (kind === undefined || kinds.length > 1) return refuse(errors, field, 'invalid_source');
  if (keys.some((key) => key !== kind && !OPTIONAL_KEYS[kind].includes(key))) {
    return refuse(errors, field, 'unknown_key');
  }
  const value = ownValue(raw, kind);
  switch (kind) {
    case 'pointer': {
      const pointer = checkPointer(value, field, errors);
      return pointer === null ? null : { pointer };
    }
    case 'const': {
      const text = checkText(value, field, errors, true);
      return text === null ? null : { const: text };
    }
    case 'fieldData':
      return checkFieldData(value, ownValue(raw, 'at'), field, errors);
    case 'liAnswer':
      return checkLiAnswer(value, `${field}.liAnswer`, errors);
    case 'first':
      return checkFirst(value, field, errors, depth);
  }
}

function checkFieldData(names: unknown, at: unknown, field: string, errors: MappingError[]): Source | null {
  const checked = checkList(names, field, errors, (name, i) =>
    checkText(name, `${field}.fieldData.${i}`, errors),
  );
  const pointer = at === undefined ? undefined : checkPointer(at, `${field}.at`, errors);
  if (checked === null || pointer === null) return null;
  return pointer === undefined ? { fieldData: checked } : { fieldData: checked, at: pointer };
}

function checkLiAnswer(raw: unknown, field: string, errors: MappingError[]): Source | null {
  if (!isRecord(raw)) return refuse(errors, field, 'invalid_type');
  if (Object.keys(raw).some((key) => !LI_ANSWER_KEYS.includes(key)))
    return refuse(errors, field, 'unknown_key');
  const spec: LiAnswer = {};
  let ok = true;
  const predefinedField = ownValue(raw, 'predefinedField');
  if (predefinedField !== undefined) {
    const text = checkText(predefinedField, `${field}.predefinedField`, errors);
    if (text === null) ok = false;
    else spec.predefinedField = text;
  }
  const questionId = ownValue(raw, 'questionId');
  if (questionId !== undefined) {
    const id = checkQuestionId(questionId, `${field}.questionId`, errors);
    if (id === null) ok = false;
    else spec.questionId = id;
  }
  for (const key of ['answersAt', 'questionsAt'] as const) {
    const at = ownValue(raw, key);
    if (at === undefined) continue;
    const pointer = checkPointer(at, `${field}.${key}`, errors);
    if (pointer === null) ok = false;
    else spec[key] = pointer;
  }
  if (predefinedField === undefined && questionId === undefined) return refuse(errors, field, 'required');
  return ok ? { liAnswer: spec } : null;
}

function checkFirst(raw: unknown, field: string, errors: MappingError[], depth: number): Source | null {
  if (depth >= MAX_SOURCE_DEPTH) return refuse(errors, field, 'too_deep');
  const options = checkList(raw, field, errors, (option, i) =>
    checkSource(option, `${field}.first.${i}`, errors, depth + 1),
  );
  return options === null ? null : { first: options };
}

/** A list of 1…MAX_SOURCE_OPTIONS items, each checked; `null` when the list or any item is wrong. */
function checkList<T>(
  raw: unknown,
  field: string,
  errors: MappingError[],
  checkItem: (item: unknown, index: number) => T | null,
): T[] | null {
  if (!Array.isArray(raw)) return refuse(errors, field, 'invalid_type');
  if (raw.length === 0) return refuse(errors, field, 'required');
  if (raw.length > MAX_SOURCE_OPTIONS) return refuse(errors, field, 'too_long');
  const items = Array.from(raw, (item: unknown, i) => checkItem(item, i));
  return items.every((item) => item !== null) ? (items as T[]) : null;
}

function checkPointer(raw: unknown, field: string, errors: MappingError[]): string | null {
  if (typeof raw !== 'string') return refuse(errors, field, 'invalid_type');
  return parsePointer(raw) === null ? refuse(errors, field, 'invalid_pointer') : raw;
}

function checkText(raw: unknown, field: string, errors: MappingError[], allowBlank = false): string | null {
  if (typeof raw !== 'string') return refuse(errors, field, 'invalid_type');
  if (!allowBlank && raw.trim() === '') return refuse(errors, field, 'required');
  return raw.length > MAX_SOURCE_TEXT ? refuse(errors, field, 'too_long') : raw;
}

function checkQuestionId(raw: unknown, field: string, errors: MappingError[]): string | number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : refuse(errors, field, 'invalid_type');
  return checkText(raw, field, errors);
}

function refuse(errors: MappingError[], field: string, code: MappingErrorCode): null {
  errors.push({ field, code });
  return null;
}
