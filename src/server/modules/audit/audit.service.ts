import type { Deps } from '../../context.js';
import { decodeTimeCursor, encodeCursor } from '../../db/cursor.js';
import { type AuditRow, listAudit } from './audit.repository.js';
import type { AuditQueryInput } from './audit.schemas.js';

/** One page of the audit log, newest first, with the cursor of the next page (null at the end). */
export async function auditPage(
  deps: Deps,
  query: AuditQueryInput,
): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const rows = await listAudit(deps.db, {
    ...(query.entityType ? { entityType: query.entityType } : {}),
    ...(query.entityId ? { entityId: query.entityId } : {}),
    ...(query.cursor ? { before: decodeTimeCursor(query.cursor) } : {}),
    limit: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.occurredAt, last.id) : null };
}
