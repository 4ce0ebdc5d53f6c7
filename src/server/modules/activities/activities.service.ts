import { AppError, invalidField, Validation } from '../../../domain/errors/app-error.js';
import type { ActorContext, Deps } from '../../context.js';
import { decodeTimeCursor, encodeCursor } from '../../db/cursor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { visibleLead } from '../leads/lead-rules.js';
import { touchLastActivity } from '../leads/leads.repository.js';
import { noteFirstContact } from '../routing/sla.service.js';
import { rescoreLeads } from '../scoring/scoring.write.js';
import { findUserById } from '../users/users.repository.js';
import {
  type Activity,
  findActivity,
  insertActivity,
  setActivityDone,
  timelineOf,
} from './activities.repository.js';
import type { CreateActivityInput } from './activities.schemas.js';

export type ActivityView = Activity & { overdue: boolean };

export function withOverdue(a: Activity, now: Date): ActivityView {
  return {
    ...a,
    overdue: a.type === 'task' && !a.doneAt && a.dueAt !== null && Date.parse(a.dueAt) < now.getTime(),
  };
}

/** Logs a call, note, meeting, e-mail or task on a lead's timeline. */
export async function addActivity(
  deps: Deps,
  caller: ActorContext,
  leadId: string,
  input: CreateActivityInput,
): Promise<ActivityView> {
  const now = deps.now();
  const at = now.toISOString();
  const v = new Validation();
  if (input.type === 'task') {
    v.check(Boolean(input.subject?.trim()), 'subject', 'required');
    v.check(input.dueAt !== undefined, 'dueAt', 'required');
  } else {
    v.check(
      Boolean(input.subject?.trim() || input.body?.trim() || input.type === 'call'),
      'body',
      'required',
    );
  }
  if (input.endsAt && input.occurredAt) v.check(input.endsAt >= input.occurredAt, 'endsAt', 'date_order');
  return deps.db.transaction().execute(async (trx) => {
    const lead = await visibleLead(trx, caller.actor, leadId, 'update');
    const assigneeId = input.type === 'task' ? (input.assigneeId ?? lead.ownerId ?? caller.user.id) : null;
    if (input.assigneeId) {
      const assignee = await findUserById(trx, input.assigneeId);
      v.check(Boolean(assignee?.active), 'assigneeId', assignee ? 'user_disabled' : 'not_found');
    }
    v.throwIfAny();
    const data: Record<string, unknown> = {};
    if (input.direction) data.direction = input.direction;
    if (input.outcome) data.outcome = input.outcome;
    if (input.durationSeconds !== undefined) data.durationSeconds = input.durationSeconds;
    if (input.endsAt) data.endsAt = input.endsAt;
    if (input.attendees) data.attendees = input.attendees.map((a) => a.trim()).filter(Boolean);
    const activity = await insertActivity(trx, {
      leadId,
      personId: lead.personId,
      type: input.type,
      subject: input.subject?.trim() || null,
      body: input.body ?? null,
      occurredAt: input.occurredAt ?? at,
      dueAt: input.dueAt ?? null,
      doneAt: null,
      assigneeId,
      data,
      channel: caller.channel,
      createdBy: caller.user.id,
      at,
    });
    if (input.type !== 'task') await touchLastActivity(trx, leadId, activity.occurredAt);
    // a call, e-mail or meeting is the first contact that stops the speed-to-lead clock
    // (a meeting still ahead is not contact yet)
    if (
      (input.type === 'call' || input.type === 'email' || input.type === 'meeting') &&
      activity.occurredAt <= at
    )
      await noteFirstContact(trx, leadId, activity.occurredAt);
    await recordAudit(trx, caller, {
      entityType: 'activity',
      entityId: activity.id,
      action: 'create',
      after: activity,
      at,
    });
    await rescoreLeads(trx, at, [leadId]);
    return withOverdue(activity, now);
  });
}

/** Marks a task done (or open again). */
export async function setTaskDone(
  deps: Deps,
  caller: ActorContext,
  leadId: string,
  activityId: string,
  done: boolean,
): Promise<ActivityView> {
  const now = deps.now();
  const at = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await visibleLead(trx, caller.actor, leadId, 'update');
    const activity = await findActivity(trx, activityId);
    if (!activity || activity.leadId !== leadId) throw new AppError('not_found', 'No such activity');
    if (activity.type !== 'task') throw invalidField('done', 'not_allowed');
    const doneAt = done ? at : null;
    await setActivityDone(trx, activityId, doneAt, at);
    if (done) await touchLastActivity(trx, leadId, at);
    await recordAudit(trx, caller, {
      entityType: 'activity',
      entityId: activityId,
      action: done ? 'done' : 'reopen',
      before: { doneAt: activity.doneAt },
      after: { doneAt },
      at,
    });
    await rescoreLeads(trx, at, [leadId]);
    return withOverdue({ ...activity, doneAt, updatedAt: at }, now);
  });
}

/** A lead's timeline page, newest first. */
export async function leadTimeline(
  deps: Deps,
  caller: ActorContext,
  leadId: string,
  query: { limit?: number | undefined; cursor?: string | undefined },
): Promise<{ items: ActivityView[]; nextCursor: string | null }> {
  await visibleLead(deps.db, caller.actor, leadId);
  const limit = query.limit ?? 50;
  const before = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
  const rows = await timelineOf(deps.db, leadId, limit + 1, before);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const now = deps.now();
  return {
    items: page.map((a) => withOverdue(a, now)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.occurredAt, last.id) : null,
  };
}
