import type { FieldError } from '../../../domain/errors/app-error';
import { isRecord } from '../../../domain/integrations/json-pointer';
import { type Source, validateMapping, type WebhookMapping } from '../../../domain/integrations/mapping';

/**
 * The mapping editor's rows: one per target (the event id, the test flag, each lead field), each
 * with its source written as one line of text in the way its kind reads best — a JSON pointer, the
 * Facebook question names, the LinkedIn predefined fields or question ids, a fixed text — and any
 * other source as JSON. The same `validateMapping` the server runs decides what may be saved.
 */

export const SOURCE_KINDS = ['pointer', 'fieldData', 'liAnswer', 'const', 'json'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The two rows every mapping has besides its fields; `test` may be left empty. */
export const EVENT_ID = 'eventId';
export const TEST_FLAG = 'test';

export interface MappingRow {
  /** Stable for React while targets change. */
  key: string;
  /** `eventId`, `test`, or a webhook target (`person.email`, `cf.budget`); '' until one is picked. */
  target: string;
  kind: SourceKind;
  text: string;
}

/** Why a row cannot be saved: a code of `fieldErrors` (the server's) or of the editor's own. */
export type RowProblem = string;

let lastKey = 0;
/** A new row key: `row-1`, `row-2` … */
export function newRowKey(): string {
  lastKey += 1;
  return `row-${lastKey}`;
}

const list = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

const QUESTION_ID = /^\d+$/;

/** A LinkedIn source the one-line form can show: single answers by predefined field or question id. */
function liItem(source: Source): string | null {
  if (!('liAnswer' in source)) return null;
  const keys = Object.keys(source.liAnswer);
  if (keys.length !== 1) return null;
  const { predefinedField, questionId } = source.liAnswer;
  if (predefinedField !== undefined) return predefinedField;
  return questionId === undefined ? null : String(questionId);
}

/**
 * A source as a row's kind and text; what the short forms cannot say exactly goes as JSON.
 * Example: `{ fieldData: ['email', 'work_email'] }` → `{ kind: 'fieldData', text: 'email, work_email' }`;
 * `{ first: [{ liAnswer: { predefinedField: 'EMAIL' } }, { liAnswer: { predefinedField: 'WORK_EMAIL' } }] }`
 * → `{ kind: 'liAnswer', text: 'EMAIL, WORK_EMAIL' }`.
 */
export function describeSource(source: Source): { kind: SourceKind; text: string } {
  if ('pointer' in source) return { kind: 'pointer', text: source.pointer };
  if ('const' in source) return { kind: 'const', text: source.const };
  if ('fieldData' in source && source.at === undefined) {
    return { kind: 'fieldData', text: source.fieldData.join(', ') };
  }
  const items = 'first' in source ? source.first.map(liItem) : [liItem(source)];
  if (items.length > 0 && items.every((item) => item !== null && !item.includes(','))) {
    return { kind: 'liAnswer', text: items.join(', ') };
  }
  return { kind: 'json', text: JSON.stringify(source) };
}

/** A row's text as a source, or the problem with it. `liAnswer` digits are question ids, words predefined fields. */
export function sourceOf(row: Pick<MappingRow, 'kind' | 'text'>): Source | RowProblem {
  const text = row.text.trim();
  if (text === '') return 'required';
  switch (row.kind) {
    case 'pointer':
      return { pointer: text };
    case 'const':
      return { const: text };
    case 'fieldData':
      return { fieldData: list(text) };
    case 'liAnswer': {
      const sources: Source[] = list(text).map((item) =>
        QUESTION_ID.test(item) ? { liAnswer: { questionId: item } } : { liAnswer: { predefinedField: item } },
      );
      return sources.length === 1 && sources[0] ? sources[0] : { first: sources };
    }
    case 'json':
      try {
        const parsed: unknown = JSON.parse(text);
        return isRecord(parsed) ? (parsed as Source) : 'invalid_json';
      } catch {
        return 'invalid_json';
      }
  }
}

/** A mapping (saved, or a preset) as rows: event id, test flag, then the fields in their order. */
export function rowsOf(mapping: WebhookMapping): MappingRow[] {
  const row = (target: string, source: Source | undefined): MappingRow => ({
    key: newRowKey(),
    target,
    ...(source ? describeSource(source) : { kind: 'pointer', text: '' }),
  });
  return [
    row(EVENT_ID, mapping.eventId),
    row(TEST_FLAG, mapping.test),
    ...Object.entries(mapping.fields).map(([target, source]) => row(target, source)),
  ];
}

/** An empty field row for "Add a field". */
export function newFieldRow(): MappingRow {
  return { key: newRowKey(), target: '', kind: 'pointer', text: '' };
}

export type MappingResult =
  | { ok: true; mapping: WebhookMapping }
  | { ok: false; problems: Record<string, RowProblem> };

/**
 * The rows as the mapping to save, or each problem under its row (by row key): empty or
 * duplicated targets, texts that are no source, and whatever the domain's `validateMapping` refuses.
 */
export function mappingOf(rows: readonly MappingRow[]): MappingResult {
  const problems: Record<string, RowProblem> = {};
  const mapping: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const row of rows) {
    const optional = row.target === TEST_FLAG && row.text.trim() === '';
    if (optional) continue;
    if (row.target === '') {
      problems[row.key] = 'no_target';
      continue;
    }
    if (seen.has(row.target)) {
      problems[row.key] = 'duplicate_target';
      continue;
    }
    seen.add(row.target);
    const source = sourceOf(row);
    if (typeof source === 'string') problems[row.key] = source;
    else if (row.target === EVENT_ID || row.target === TEST_FLAG) mapping[row.target] = source;
    else fields[row.target] = source;
  }
  const check = validateMapping({ ...mapping, fields });
  if (check.ok && Object.keys(problems).length === 0) return { ok: true, mapping: check.mapping };
  // why both: every problem shows at once, the rows' own first (a row the domain never saw keeps its own).
  const domain = check.ok ? {} : placeMappingProblems(check.errors, rows);
  return { ok: false, problems: { ...domain, ...problems } };
}

/**
 * Which row a mapping problem belongs to: `eventId…` and `test…` to theirs, `fields.<target>…` to
 * the row of that target (targets hold dots, so by prefix); anything else under `mapping`.
 * Example: `fields.person.email.first.1` → the row whose target is `person.email`.
 */
export function rowOfProblem(field: string, rows: readonly MappingRow[]): string {
  const path = field.replace(/^(body\.)?(mapping\.)?/, '');
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}.`);
  const hit = rows.find((row) =>
    row.target === EVENT_ID || row.target === TEST_FLAG
      ? under(row.target)
      : row.target !== '' && under(`fields.${row.target}`),
  );
  return hit ? hit.key : 'mapping';
}

/** Problems (the domain's, or a server answer's `errors[]`) keyed by row, the first per row. */
export function placeMappingProblems(
  problems: readonly Pick<FieldError, 'field' | 'code'>[],
  rows: readonly MappingRow[],
): Record<string, RowProblem> {
  const placed: Record<string, RowProblem> = {};
  for (const problem of problems) placed[rowOfProblem(problem.field, rows)] ??= problem.code;
  return placed;
}
