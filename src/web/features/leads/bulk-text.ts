import type { TFunction } from 'i18next';
import { i18n } from '../../i18n';
import type { BulkResult } from '../../lib/api';

/** Why leads were skipped, one line per reason: "Already so (2)", "Pick a date after today. (1)". */
export function skipSummary(skipped: BulkResult['skipped'], t: TFunction): string[] {
  const counts = new Map<string, number>();
  for (const { code } of skipped) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, count]) => t('bulk.skipLine', { reason: skipReason(code, t), count }));
}

/** A skip code in words: the bulk screen's own, else the field or problem message the server's code has. */
function skipReason(code: string, t: TFunction): string {
  for (const key of [`bulk.skipReasons.${code}`, `fieldErrors.${code}`, `problems.${code}`]) {
    if (i18n.exists(key)) return t(key as 'bulk.skipReasons.unchanged');
  }
  return code;
}
