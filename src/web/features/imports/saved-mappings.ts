import type { Mapping } from './mapping';

/**
 * Mappings remembered on this device, one per header layout: the next file exported the same way
 * opens with the columns chosen last time. (There are no saved mappings on the server yet, so a
 * colleague's browser does not see them.)
 */

export const STORAGE_KEY = 'piltuvas.importMappings';
/** Layouts kept; the oldest is forgotten first. */
export const MAX_SAVED = 20;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

interface SavedMapping {
  signature: string;
  mapping: Mapping;
}

/** One string per header layout: the column names in order. `['A', 'B']` and `['B', 'A']` differ. */
export function headerSignature(header: readonly string[]): string {
  return JSON.stringify(header);
}

function isMapping(value: unknown): value is Mapping {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((field) => field === null || typeof field === 'string')
  );
}

function readAll(store: Store): SavedMapping[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (item): item is SavedMapping =>
        typeof item?.signature === 'string' && isMapping((item as { mapping?: unknown }).mapping),
    );
  } catch {
    // why: storage may be disabled or hold something unreadable; then nothing is remembered, which is harmless.
    return [];
  }
}

/** The mapping last used for exactly this header, or null. Only the header's own columns are kept from it. */
export function savedMappingFor(store: Store, header: readonly string[]): Mapping | null {
  const signature = headerSignature(header);
  const found = readAll(store).find((item) => item.signature === signature);
  if (!found) return null;
  return Object.fromEntries(
    header.map((column) => [
      column,
      Object.hasOwn(found.mapping, column) ? (found.mapping[column] ?? null) : null,
    ]),
  );
}

/** Remembers the mapping for this header, most recent first, at most `MAX_SAVED` layouts. */
export function rememberMapping(store: Store, header: readonly string[], mapping: Mapping): void {
  const signature = headerSignature(header);
  const rest = readAll(store).filter((item) => item.signature !== signature);
  try {
    store.setItem(STORAGE_KEY, JSON.stringify([{ signature, mapping }, ...rest].slice(0, MAX_SAVED)));
  } catch {
    // why: a full or disabled storage only means the next file starts from the suggestion again.
  }
}

/** The browser's storage, or none where it is disabled (privacy mode). */
export function browserStore(): Store | null {
  try {
    return window.localStorage;
  } catch {
    // why: reading `localStorage` itself can throw when storage is blocked; nothing is remembered then.
    return null;
  }
}
