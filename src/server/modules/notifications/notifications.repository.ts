import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';

export interface NotificationDto {
  id: string;
  kind: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/**
 * A notification about a lead, as a row for `insertMany(…, { doNothingOn: ['dedupe_key'] })`: the
 * dedupe key (by default kind, lead and moment) makes a repeat of the same event harmless.
 */
export function leadNoticeRow(
  n: { kind: string; userId: string; leadId: string; data: Record<string, unknown>; dedupeKey?: string },
  at: string,
) {
  return {
    id: newId(),
    user_id: n.userId,
    kind: n.kind,
    entity_type: 'lead',
    entity_id: n.leadId,
    data: JSON.stringify(n.data),
    dedupe_key: n.dedupeKey ?? `${n.kind}:${n.leadId}:${at}`,
    created_at: at,
    read_at: null,
  };
}

/**
 * Notifies the owners of parked leads whose revisit date has come, once per lead and revisit date
 * (the dedupe key makes reruns, restarts and several instances harmless). Returns how many were new.
 */
export async function notifyDueRevisits(db: Db, today: string, at: string): Promise<number> {
  const due = await db
    .selectFrom('leads')
    .select(['id', 'owner_id', 'title', 'revisit_on', 'competitor'])
    .where('stage', '=', 'parked')
    .where('revisit_on', '<=', today)
    .where('owner_id', 'is not', null)
    .where('deleted_at', 'is', null)
    .execute();
  let created = 0;
  for (const lead of due) {
    const result = await db
      .insertInto('notifications')
      .values({
        id: newId(),
        user_id: lead.owner_id!,
        kind: 'lead_revisit_due',
        entity_type: 'lead',
        entity_id: lead.id,
        data: JSON.stringify({ title: lead.title, revisitOn: lead.revisit_on, competitor: lead.competitor }),
        dedupe_key: `lead_revisit_due:${lead.id}:${lead.revisit_on}`,
        created_at: at,
        read_at: null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    created += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return created;
}

/** A user's notifications, newest first. */
export async function notificationsOf(
  db: Db,
  userId: string,
  limit: number,
  unreadOnly: boolean,
): Promise<NotificationDto[]> {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    entityType: r.entity_type,
    entityId: r.entity_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the user's notifications read; false when it is not theirs. */
export async function markRead(db: Db, userId: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return true;
  const own = await db
    .selectFrom('notifications')
    .select('id')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return own !== undefined;
}
