import type { SavedMappingDto } from '../../lib/api';
import type { Mapping } from './mapping';

/**
 * Mappings the server remembers, one per header layout: the newest import of each (yours; an
 * admin's: everyone's), dry runs too. The next file exported the same way opens with the columns
 * chosen last time, on any device.
 */

/** What the screen says about a remembered mapping: which file it was chosen for, and when. */
export interface SavedFrom {
  fileName: string;
  usedAt: string;
}

/** Whether two headers are the same layout: the same column names in the same order. */
function sameLayout(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column, i) => column === b[i]);
}

/**
 * The mapping last used for exactly this header, or null. Only the header's own columns are kept,
 * and a column the remembered mapping does not name is not imported.
 */
export function savedMappingFor(
  saved: readonly SavedMappingDto[],
  header: readonly string[],
): { mapping: Mapping; from: SavedFrom } | null {
  const found = saved.find((item) => sameLayout(item.header, header));
  if (!found) return null;
  const mapping = Object.fromEntries(
    header.map((column) => [
      column,
      Object.hasOwn(found.mapping, column) ? (found.mapping[column] ?? null) : null,
    ]),
  );
  return { mapping, from: { fileName: found.fileName, usedAt: found.usedAt } };
}
