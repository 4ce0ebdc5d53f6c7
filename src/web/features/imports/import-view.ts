import { countsAddUp } from '../../../domain/imports/outcome';
import type { ImportDto, ImportSample, ImportStatus } from '../../lib/api';

/** What an import's page shows and offers, decided from the import alone (time comes in as an argument). */

/** Statuses the server is still working on: the page asks again every second. */
export const ACTIVE_STATUSES: readonly ImportStatus[] = ['queued', 'running', 'undoing'];

export const isActive = (status: ImportStatus) => ACTIVE_STATUSES.includes(status);

export const OUTCOMES = ['created', 'updated', 'skipped', 'rejected'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * Why an import failed, as the screen words it: a reason the server names in a known form gets the
 * screen's own sentence (in the reader's language); any other is shown as the server wrote it.
 */
export type FailureReason = { key: 'outOfMemory'; megabytes: number } | { key: null; text: string };

export function failureReason(error: string | null): FailureReason {
  const memory = /^out of memory: the import thread may use (\d+) MB/.exec(error ?? '');
  if (memory) return { key: 'outOfMemory', megabytes: Number(memory[1]) };
  return { key: null, text: error ?? '' };
}

/** The actions the page offers, as the server allows them. */
export function importActions(
  imp: Pick<ImportDto, 'status' | 'dryRun' | 'undoUntil'>,
  now: Date,
): { run: boolean; cancel: boolean; undo: boolean } {
  const finished = ['done', 'failed', 'cancelled'].includes(imp.status);
  return {
    run: imp.status === 'previewed',
    cancel: imp.status === 'queued' || imp.status === 'running',
    undo: !imp.dryRun && finished && imp.undoUntil !== null && Date.parse(imp.undoUntil) > now.getTime(),
  };
}

/** A problem a sample row carries: the import field it concerns (null for the whole row) and its code. */
export interface SampleProblem {
  field: string | null;
  code: string;
}

export interface SampleView {
  /** The row's values in one line of plain text, as mapped. */
  text: string;
  problems: SampleProblem[];
}

/**
 * The write path's field names as the import's, the way the error report names them:
 * `person.emails.0` → `person.email`, `customFields.budget` → `cf.budget`, `timeframe` → `lead.timeframe`.
 */
export function importFieldOf(field: string): string | null {
  if (field === '*' || field === '') return null;
  if (field.startsWith('person.emails')) return 'person.email';
  if (field.startsWith('person.phones')) return 'person.phone';
  if (field.startsWith('customFields.')) return `cf.${field.slice('customFields.'.length)}`;
  if (/^(person|organisation|lead|external|cf)\./.test(field)) return field;
  if (field === 'person') return null;
  return `lead.${field}`;
}

type Values = Record<string, unknown>;

const isRecord = (value: unknown): value is Values =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join(', ');
  return '';
}

/** The parts of a mapped row worth a glance, in reading order. */
function partsOf(row: Values): string[] {
  const person = isRecord(row.person) ? row.person : {};
  const organisation = isRecord(row.organisation) ? row.organisation : {};
  const lead = isRecord(row.lead) ? row.lead : {};
  const custom = isRecord(row.customFields) ? row.customFields : {};
  const name = [textOf(person.firstName), textOf(person.lastName)].filter(Boolean).join(' ');
  return [
    name,
    textOf(person.email),
    textOf(person.phone),
    textOf(person.jobTitle),
    textOf(person.city),
    textOf(person.country),
    textOf(organisation.name),
    textOf(organisation.companyCode),
    textOf(organisation.website),
    textOf(lead.title),
    textOf(lead.timeframe),
    textOf(lead.sourceDetail),
    textOf(lead.tags),
    textOf(lead.note),
    textOf(row.externalId),
    ...Object.entries(custom).map(([key, value]) => `${key}: ${textOf(value)}`),
  ].filter((part) => part !== '');
}

/**
 * A sample row as the page shows it: its values joined with " · " and its problems (a rejected row's
 * errors, a skipped row's reason). Example: `{ values: { person: { firstName: 'Ona', email: 'o@x.lt' } },
 * reason: 'exists' }` → `{ text: 'Ona · o@x.lt', problems: [{ field: null, code: 'exists' }] }`.
 */
export function sampleView(sample: Pick<ImportSample, 'values'>): SampleView {
  const body = isRecord(sample.values) ? sample.values : {};
  const values = isRecord(body.values) ? partsOf(body.values) : [];
  const errors = Array.isArray(body.errors) ? body.errors.filter(isRecord) : [];
  const problems: SampleProblem[] = errors.map((error) => ({
    field: importFieldOf(String(error.field ?? '*')),
    code: String(error.code ?? 'invalid'),
  }));
  if (typeof body.reason === 'string') problems.push({ field: null, code: body.reason });
  return { text: values.join(' · '), problems };
}

/**
 * Whether the counts account for every row once — asked only when the import has stopped: against
 * the rows in the file, or, for one stopped early, the rows it read. Null while it still works.
 * Example: done, total 5, counts 2 + 1 + 1 + 1 → `{ ok: true, total: 5 }`.
 */
export function countsCheck(
  imp: Pick<ImportDto, 'status' | 'total' | 'rowsDone' | Outcome>,
): { ok: boolean; total: number } | null {
  if (isActive(imp.status)) return null;
  const total = imp.total ?? imp.rowsDone;
  const { created, updated, skipped, rejected } = imp;
  return { ok: countsAddUp({ total, created, updated, skipped, rejected }), total };
}
