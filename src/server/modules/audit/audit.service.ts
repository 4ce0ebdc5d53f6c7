import { invalidField } from '../../../domain/errors/app-error.js';
import type { Deps } from '../../context.js';
import { type AuditRow, listAudit } from './audit.repository.js';
import type { AuditQueryInput } from './audit.schemas.js';

/** Cursor = base64url of "occurredAt|id" of the last row seen (keyset paging, never OFFSET). */
function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at))) throw invalidField('cursor', 'bad_cursor');
  return { at, id };
}

function encodeCursor(row: AuditRow): string {
  return Buffer.from(`${row.occurredAt}|${row.id}`).toString('base64url');
}

/** One page of the audit log, newest first, with the cursor of the next page (null at the end). */
export async function auditPage(
  deps: Deps,
  query: AuditQueryInput,
): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const rows = await listAudit(deps.db, {
    ...(query.entityType ? { entityType: query.entityType } : {}),
    ...(query.entityId ? { entityId: query.entityId } : {}),
    ...(query.cursor ? { before: decodeCursor(query.cursor) } : {}),
    limit: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
