import type { FieldError } from '../../../domain/errors/app-error';
import { IMPORT_FIELDS, type StandardImportField } from '../../../domain/imports/fields';
import { detectPreset, type PresetId, suggestMapping } from '../../../domain/imports/presets';
import { type MappingErrorCode, validateMapping } from '../../../domain/imports/row';

/**
 * The mapping screen's rules: what a column can become, the suggestion it starts from, and where a
 * problem with it is shown — the same `validateMapping` the server runs, so both refuse alike.
 */

/** Column header → target field (`person.email`, `cf.budget` …); null leaves the column out. */
export type Mapping = Record<string, string | null>;

export const FIELD_GROUPS = ['person', 'organisation', 'lead', 'external'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/** The standard targets by group, in the order the server lists them: `person` → first name, last name … */
export function fieldsOfGroup(group: FieldGroup): StandardImportField[] {
  return IMPORT_FIELDS.filter((field) => field.startsWith(`${group}.`));
}

/** The i18n key part of a standard field: `person.email` → `person_email` (keys must not hold dots). */
export const fieldKey = (field: string) => field.replace('.', '_');

/** A header's first mapping: the known export it looks like (if any) and the target suggested per column. */
export function suggestedMapping(header: readonly string[]): { preset: PresetId | null; mapping: Mapping } {
  const preset = detectPreset(header);
  return { preset, mapping: suggestMapping(header, preset) };
}

/** Whether some column goes to the external id (then the external system's name matters). */
export const mapsExternalId = (mapping: Mapping) => Object.values(mapping).includes('external.id');

/** Problems to show: per column (under its row), and for the mapping as a whole. */
export interface MappingProblems {
  columns: Record<string, string>;
  general: string[];
}

/**
 * What is wrong with a mapping before it is sent, per column and overall (codes as the server
 * names them). Example: `{ A: 'person.city' }` on header `['A']` → `{ columns: {}, general: ['no_identity'] }`.
 */
export function mappingProblems(mapping: Mapping, header: readonly string[]): MappingProblems {
  const problems: MappingProblems = { columns: {}, general: [] };
  for (const error of validateMapping(mapping, header)) addProblem(problems, error.column, error.code);
  return problems;
}

function addProblem(problems: MappingProblems, column: string | undefined, code: MappingErrorCode | string) {
  if (column === undefined) {
    if (!problems.general.includes(code)) problems.general.push(code);
  } else problems.columns[column] ??= code;
}

/** A server refusal of an upload, sorted by where each message goes. */
export interface UploadProblems extends MappingProblems {
  /** `file`, `sourceId`, `match`, `externalSystem` … → the first code for it. */
  fields: Record<string, string>;
  /** The server's English message per code, the fallback for a code the screen has no words for. */
  messages: Record<string, string>;
}

export const NO_PROBLEMS: UploadProblems = { columns: {}, general: [], fields: {}, messages: {} };

/**
 * The `errors[]` of a refused upload by place: `mapping.<column>` under that column (a header may
 * hold dots, so everything after the first one is the column), `mapping` over the table, any other
 * field under its input. Example: `[{ field: 'mapping.El. paštas', code: 'duplicate_target' }]` →
 * `columns: { 'El. paštas': 'duplicate_target' }`.
 */
export function uploadProblems(errors: readonly FieldError[]): UploadProblems {
  const out: UploadProblems = { columns: {}, general: [], fields: {}, messages: {} };
  for (const { field, code, message } of errors) {
    out.messages[code] ??= message;
    if (field === 'mapping') addProblem(out, undefined, code);
    else if (field.startsWith('mapping.')) addProblem(out, field.slice('mapping.'.length), code);
    else out.fields[field.split('.')[0] ?? field] ??= code;
  }
  return out;
}

/**
 * Typed-in columns (a workbook's) as a mapping: blank names are left out, names are trimmed, and a
 * name typed twice keeps its first target. Example: `[{ column: ' Email ', field: 'person.email' }]` → `{ Email: 'person.email' }`.
 */
export function manualMapping(rows: readonly { column: string; field: string | null }[]): Mapping {
  const entries = new Map<string, string | null>();
  for (const row of rows) {
    const column = row.column.trim();
    if (column !== '' && !entries.has(column)) entries.set(column, row.field);
  }
  // why fromEntries over a Map: a header such as "__proto__" must stay a plain key
  return Object.fromEntries(entries);
}

/** A typed-in column (a workbook's): its name, its target, and whether the target was only suggested. */
export interface ManualRow {
  column: string;
  field: string | null;
  /** True while the target is the suggestion for the name: a new name may replace it, a choice may not. */
  suggested?: boolean;
}

/**
 * A typed-in column once its name is entered: the target suggested for the name, unless the person
 * chose one. Example: `{ column: 'El. paštas', field: null }` → `{ …, field: 'person.email', suggested: true }`;
 * renamed to `Miestas` while suggested → `person.city`.
 */
export function suggestForTyped(row: ManualRow): ManualRow {
  const name = row.column.trim();
  if (name === '' || (row.field !== null && !row.suggested)) return row;
  const field = suggestMapping([name], null)[name] ?? null;
  return { ...row, field, suggested: field !== null };
}
