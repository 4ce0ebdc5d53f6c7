import { pick } from '../../../domain/audit/pick.js';
import { type Caller, callerId } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  at: string;
}

/** Writes one audit row for the caller. Call it with the transaction that makes the change, never after. */
export async function recordAudit(db: Db, caller: Caller, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(caller, entry)).execute();
}

/** An audit row (the bulk writer inserts many at once, in the same transaction as the change). */
export function auditRow(caller: Caller, entry: AuditEntry) {
  return {
    id: newId(),
    occurred_at: entry.at,
    actor_id: callerId(caller),
    channel: caller.channel,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    action: entry.action,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
}

export interface AuditRow {
  id: string;
  occurredAt: string;
  actorId: string | null;
  channel: string;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** Newest first, keyset-paged on (occurred_at, id). */
export async function listAudit(
  db: Db,
  filter: { entityType?: string; entityId?: string; before?: { at: string; id: string }; limit: number },
): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  const cursor = filter.before;
  if (cursor) q = q.where((eb) => eb(eb.refTuple('occurred_at', 'id'), '<', eb.tuple(cursor.at, cursor.id)));
  const rows = await q.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    channel: r.channel,
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    before: r.before_json ? JSON.parse(r.before_json) : null,
    after: r.after_json ? JSON.parse(r.after_json) : null,
  }));
}

/** Audits an update with only the changed fields' before and after values. */
export function recordUpdate<T extends object>(
  db: Db,
  caller: Caller,
  entityType: string,
  entityId: string,
  change: { before: T; after: T; keys: readonly string[]; at: string },
): Promise<void> {
  return recordAudit(db, caller, {
    entityType,
    entityId,
    action: 'update',
    before: pick(change.before, change.keys),
    after: pick(change.after, change.keys),
    at: change.at,
  });
}
