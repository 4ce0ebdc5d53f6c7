import { isRecord, ownValue, readPointer, resolveTokens } from './json-pointer.js';

/**
 * Where one mapped value comes from. Declarative data, never code: a mapping is stored as JSON
 * and edited by an admin, so it must be checkable (`checkSource`) and harmless to run.
 * - `{ pointer }` — an RFC 6901 JSON Pointer into the payload;
 * - `{ fieldData, at? }` — Facebook Lead Ads: the first `{ name, values }` element of the array at
 *   `at` (default `/field_data`) whose name is one of `fieldData`, its `values[0]`;
 * - `{ liAnswer }` — LinkedIn Lead Sync: the text answer to a question chosen by id or by the
 *   `predefinedField` the form definition declares for it;
 * - `{ const }` — a fixed text;
 * - `{ first }` — the first of several sources that yields a value.
 */
export type Source =
  | { pointer: string }
  | { fieldData: string[]; at?: string }
  | { liAnswer: LiAnswer }
  | { const: string }
  | { first: Source[] };

/** A LinkedIn answer, by `questionId`, by `predefinedField`, or by either (whichever is answered). */
export interface LiAnswer {
  predefinedField?: string;
  questionId?: string | number;
  /** Where the answers are; default `LINKEDIN_ANSWERS_AT`. */
  answersAt?: string;
  /** Where the form definition's questions are; default: each of `LINKEDIN_QUESTIONS_AT` in turn. */
  questionsAt?: string;
}

/** Where a relayed Facebook lead object keeps its answers. */
export const FACEBOOK_FIELD_DATA_AT = '/field_data';
/** Where a LinkedIn `leadFormResponses` element keeps its answers. */
export const LINKEDIN_ANSWERS_AT = '/formResponse/answers';
/**
 * Where the form definition sits when the relay projected it into the response: `form` is the
 * projection Lead Sync's own examples use; some relays copy the versioned form instead.
 */
export const LINKEDIN_QUESTIONS_AT = ['/form/content/questions', '/versionedLeadGenForm/content/questions'];

/** How deep `first` may nest: enough for fallbacks of fallbacks, bounded so resolution is cheap. */
export const MAX_SOURCE_DEPTH = 4;

const ANSWER_TEXT = ['answerDetails', 'textQuestionAnswer', 'answer'];

/**
 * A scalar as the trimmed text a capture field takes; objects, arrays, null, non-finite numbers
 * and blank text are no value (`null`), so `first` moves on to its next source.
 * Example: `toText(' a ')` → `'a'`; `toText(12)` → `'12'`; `toText(false)` → `'false'`; `toText([1])` → `null`.
 */
export function toText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return null;
}

/**
 * The text a source yields from a payload, or `null`. Total over every JSON value: the payload
 * is untrusted, so a missing or oddly typed node is simply no value.
 * Example: `resolveSource({ first: [{ pointer: '/mail' }, { const: 'x' }] }, {})` → `'x'`.
 */
export function resolveSource(source: Source, payload: unknown, depth = 0): string | null {
  if ('pointer' in source) return toText(readPointer(payload, source.pointer));
  if ('const' in source) return toText(source.const);
  if ('fieldData' in source) return fieldData(payload, source.fieldData, source.at);
  if ('liAnswer' in source) return liAnswer(payload, source.liAnswer);
  if (depth >= MAX_SOURCE_DEPTH) return null;
  for (const option of source.first) {
    const text = resolveSource(option, payload, depth + 1);
    if (text !== null) return text;
  }
  return null;
}

/**
 * An id as text, so a number in the payload and a string in the mapping still match
 * (LinkedIn sends `questionId` and `consentId` as numbers; admins type them).
 * Example: `idText(415148)` → `'415148'`; `idText(true)` → `null`.
 */
export function idText(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? toText(value) : null;
}

function fieldData(payload: unknown, names: readonly string[], at = FACEBOOK_FIELD_DATA_AT): string | null {
  const items = readPointer(payload, at);
  if (!Array.isArray(items)) return null;
  for (const item of items) {
    if (!isRecord(item)) continue;
    const name = ownValue(item, 'name');
    if (typeof name !== 'string' || !names.includes(name)) continue;
    const values = ownValue(item, 'values');
    const text = Array.isArray(values) ? toText(ownValue(values, '0')) : null;
    if (text !== null) return text;
  }
  return null;
}

function liAnswer(payload: unknown, spec: LiAnswer): string | null {
  const wanted = new Set<string>();
  const byId = idText(spec.questionId);
  if (byId !== null) wanted.add(byId);
  if (spec.predefinedField !== undefined) {
    for (const id of declaredQuestionIds(payload, spec.predefinedField, spec.questionsAt)) wanted.add(id);
  }
  if (wanted.size === 0) return null;
  const answers = readPointer(payload, spec.answersAt ?? LINKEDIN_ANSWERS_AT);
  if (!Array.isArray(answers)) return null;
  for (const answer of answers) {
    if (!isRecord(answer)) continue;
    const id = idText(ownValue(answer, 'questionId'));
    if (id === null || !wanted.has(id)) continue;
    const text = toText(resolveTokens(answer, ANSWER_TEXT));
    if (text !== null) return text;
  }
  return null;
}

/** The ids of the questions a form definition marks with a predefined field, from the first location that has a question list. */
function declaredQuestionIds(payload: unknown, predefinedField: string, questionsAt?: string): string[] {
  const locations = questionsAt === undefined ? LINKEDIN_QUESTIONS_AT : [questionsAt];
  for (const at of locations) {
    const questions = readPointer(payload, at);
    if (!Array.isArray(questions)) continue;
    return questions.flatMap((question) => {
      if (!isRecord(question) || ownValue(question, 'predefinedField') !== predefinedField) return [];
      const id = idText(ownValue(question, 'questionId'));
      return id === null ? [] : [id];
    });
  }
  return [];
}
