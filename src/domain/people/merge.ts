import { Validation } from '../errors/app-error.js';

/**
 * The rules every merge follows, whether of people or of organisations: who may be merged at
 * once, whose value each field keeps, and how long a merge can be taken back.
 */

/** How long a merge can be undone. */
export const UNMERGE_DAYS = 30;
/** At most this many records merge into one survivor at once. */
export const MAX_MERGED = 5;

/** The fields a person merge chooses between, in the order a merge screen shows them (e-mails, phones and custom values are united). */
export const PERSON_MERGE_FIELDS = [
  'firstName',
  'lastName',
  'jobTitle',
  'organisationId',
  'preferredLanguage',
  'address',
  'city',
  'country',
] as const;

/** The fields an organisation merge chooses between, in the order shown (the domain follows the website; custom values are united). */
export const ORGANISATION_MERGE_FIELDS = [
  'name',
  'companyCode',
  'vatCode',
  'website',
  'size',
  'industry',
  'city',
  'country',
] as const;

export interface MergeRequest<F extends string> {
  survivorId: string;
  mergedIds: string[];
  /** Per field, the id of the record whose value to keep. */
  values?: Partial<Record<F, string>>;
}

/**
 * The ids to merge into the survivor, without repeats; throws a validation error naming the field.
 * Example: `{ survivorId: 'a', mergedIds: ['b', 'b'] }` → `['b']`; `mergedIds: ['a']` → `mergedIds` invalid.
 */
export function checkMergeRequest<F extends string>(input: MergeRequest<F>): string[] {
  const v = new Validation();
  const mergedIds = [...new Set(input.mergedIds)];
  v.check(
    mergedIds.length > 0 && mergedIds.length <= MAX_MERGED,
    'mergedIds',
    mergedIds.length ? 'too_long' : 'required',
  );
  v.check(!mergedIds.includes(input.survivorId), 'mergedIds', 'invalid_value');
  const ids = [input.survivorId, ...mergedIds];
  for (const [field, id] of Object.entries(input.values ?? {}))
    v.check(ids.includes(id as string), `values.${field}`, 'invalid_value');
  v.throwIfAny();
  return mergedIds;
}

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

/**
 * The value each field keeps: the chosen record's, else the first non-empty one (survivor first).
 * Example: survivor `{ city: null }`, other `{ city: 'Kaunas' }`, no choice → `{ city: 'Kaunas' }`.
 */
export function chooseFields<T extends { id: string }, F extends keyof T & string>(
  survivor: T,
  others: readonly T[],
  fields: readonly F[],
  values: Partial<Record<F, string>> = {},
): Pick<T, F> {
  const all = [survivor, ...others];
  const result = {} as Pick<T, F>;
  for (const field of fields) {
    const chosen = values[field] ? all.find((r) => r.id === values[field]) : undefined;
    const fallback = all.find((r) => !isBlank(r[field]));
    result[field] = (chosen ?? fallback ?? survivor)[field];
  }
  return result;
}

/** Custom values of all records together; where two have the same key, the survivor's (then the first other's) wins. */
export function unitedCustomFields(
  survivor: { customFields: Record<string, unknown> },
  others: readonly { customFields: Record<string, unknown> }[],
): Record<string, unknown> {
  return Object.assign({}, ...[...others].reverse().map((r) => r.customFields), survivor.customFields);
}

/** Whether a merge made at `createdAt` is too old to undo at `now`. */
export function undoExpired(createdAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(createdAt) > UNMERGE_DAYS * 86_400_000;
}
