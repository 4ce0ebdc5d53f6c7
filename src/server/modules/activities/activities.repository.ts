import type { Selectable } from 'kysely';
import type { ActivitiesTable, Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';

export const ACTIVITY_TYPES = ['note', 'call', 'meeting', 'email', 'task', 'system', 'chat'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export interface Activity {
  id: string;
  leadId: string | null;
  personId: string | null;
  type: ActivityType;
  subject: string | null;
  body: string | null;
  occurredAt: string;
  dueAt: string | null;
  doneAt: string | null;
  assigneeId: string | null;
  data: Record<string, unknown>;
  channel: string;
  createdBy: string | null;
  /** Who logged it, for the timeline (filled when listing). */
  createdByName?: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toActivity(r: Selectable<ActivitiesTable>): Activity {
  return {
    id: r.id,
    leadId: r.lead_id,
    personId: r.person_id,
    type: r.type as ActivityType,
    subject: r.subject,
    body: r.body,
    occurredAt: r.occurred_at,
    dueAt: r.due_at,
    doneAt: r.done_at,
    assigneeId: r.assignee_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
    channel: r.channel,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type NewActivity = Omit<Activity, 'id' | 'createdAt' | 'updatedAt'> & { at: string };

export async function insertActivity(db: Db, a: NewActivity): Promise<Activity> {
  const row = activityRow(a);
  await db.insertInto('activities').values(row).execute();
  return toActivity(row);
}

/** A new activity's row, with a fresh id (the bulk writer inserts many at once). */
export function activityRow(a: NewActivity) {
  return {
    id: newId(),
    lead_id: a.leadId,
    person_id: a.personId,
    type: a.type,
    subject: a.subject,
    body: a.body,
    occurred_at: a.occurredAt,
    due_at: a.dueAt,
    done_at: a.doneAt,
    assignee_id: a.assigneeId,
    data: JSON.stringify(a.data),
    channel: a.channel,
    created_by: a.createdBy,
    created_at: a.at,
    updated_at: a.at,
    deleted_at: null,
  };
}

export async function findActivity(db: Db, id: string): Promise<Activity | undefined> {
  const row = await db
    .selectFrom('activities')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row && toActivity(row);
}

export async function setActivityDone(db: Db, id: string, doneAt: string | null, at: string): Promise<void> {
  await db.updateTable('activities').set({ done_at: doneAt, updated_at: at }).where('id', '=', id).execute();
}

/** A lead's timeline, newest first, keyset-paged on (occurred_at, id). */
export async function timelineOf(
  db: Db,
  leadId: string,
  limit: number,
  before?: { at: string; id: string },
): Promise<Activity[]> {
  let q = db
    .selectFrom('activities')
    .leftJoin('users', 'users.id', 'activities.created_by')
    .selectAll('activities')
    .select('users.name as created_by_name')
    .where('activities.lead_id', '=', leadId)
    .where('activities.deleted_at', 'is', null);
  if (before) {
    q = q.where((eb) =>
      eb(eb.refTuple('activities.occurred_at', 'activities.id'), '<', eb.tuple(before.at, before.id)),
    );
  }
  const rows = await q
    .orderBy('activities.occurred_at', 'desc')
    .orderBy('activities.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...toActivity(r), createdByName: r.created_by_name }));
}
