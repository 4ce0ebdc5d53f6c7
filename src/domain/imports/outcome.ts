/**
 * What an import does with a row once it is known whether the row matches an existing record,
 * and which fields an update may change. The ledger's rule `created + updated + skipped +
 * rejected = total` is checked here too, so the job, the report and the tests share it.
 */

/** What to do with a row that matches an existing record (an unmatched row is always created). */
export const IMPORT_MODES = ['create_only', 'update_empty', 'update', 'skip'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** The keys a row is matched on; several are tried in the order given. */
export const IMPORT_MATCH_KEYS = ['email', 'phone', 'company', 'external_id'] as const;
export type ImportMatch = (typeof IMPORT_MATCH_KEYS)[number];

export type RowDecision = 'create' | 'update' | 'update_empty' | 'skip';

/**
 * Per mode, the decision for a matched row. `create_only` and `skip` decide alike; they are
 * kept apart because a user picks "only add new people" and "leave existing ones alone" as
 * different intentions, and the import record shows which was chosen.
 */
const ON_MATCH: Readonly<Record<ImportMode, RowDecision>> = {
  create_only: 'skip',
  skip: 'skip',
  update_empty: 'update_empty',
  update: 'update',
};

/**
 * The decision for one row: a new identity is created in every mode; a match follows the mode.
 * Example: `decideRow('update_empty', true)` → `'update_empty'`; `decideRow('create_only', false)` → `'create'`.
 */
export function decideRow(mode: ImportMode, matched: boolean): RowDecision {
  return matched ? ON_MATCH[mode] : 'create';
}

/**
 * The match keys as an ordered list without repeats, from one key or several.
 * Example: `matchOrder(['email', 'phone', 'email'])` → `['email', 'phone']`; `matchOrder('company')` → `['company']`.
 */
export function matchOrder(match: ImportMatch | readonly ImportMatch[]): ImportMatch[] {
  return [...new Set(typeof match === 'string' ? [match] : match)];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Empty as far as an import is concerned: nothing, a blank string, an empty list or plain object. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && Object.keys(value).length === 0;
}

/** Structural equality for the JSON-like values records hold (lists and plain objects by content). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]))
  );
}

/**
 * The fields an update changes, and only those: `update_empty` fills fields that are empty now,
 * `update` overwrites with every incoming value that differs; an empty incoming value never blanks
 * a field. Other modes change nothing. Values compare whole (a nested object such as custom
 * values is one value; pass it separately to merge it key by key).
 * Example: existing `{ city: null, jobTitle: 'CEO' }`, incoming `{ city: 'Kaunas', jobTitle: 'CTO' }` →
 * `update_empty`: `{ city: 'Kaunas' }`; `update`: `{ city: 'Kaunas', jobTitle: 'CTO' }`.
 */
export function mergeForUpdate(
  existing: Readonly<Record<string, unknown>>,
  incoming: Readonly<Record<string, unknown>>,
  mode: ImportMode | RowDecision,
): Record<string, unknown> {
  if (mode !== 'update' && mode !== 'update_empty') return {};
  const changes: [string, unknown][] = [];
  for (const [field, value] of Object.entries(incoming)) {
    if (isEmpty(value)) continue;
    const current = Object.hasOwn(existing, field) ? existing[field] : undefined;
    const change = mode === 'update_empty' ? isEmpty(current) : !sameValue(current, value);
    if (change) changes.push([field, value]);
  }
  // why fromEntries: a field named "__proto__" must stay a field
  return Object.fromEntries(changes);
}

export interface ImportCounts {
  total: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
}

/**
 * Whether the counters account for every row exactly once, as the ledger guarantees.
 * Example: `countsAddUp({ total: 5, created: 2, updated: 1, skipped: 1, rejected: 1 })` → true.
 */
export function countsAddUp(counts: ImportCounts): boolean {
  const { total, created, updated, skipped, rejected } = counts;
  const parts = [created, updated, skipped, rejected];
  return (
    [total, ...parts].every((n) => Number.isSafeInteger(n) && n >= 0) &&
    parts.reduce((sum, n) => sum + n, 0) === total
  );
}
