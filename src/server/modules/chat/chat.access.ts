import { type Action, type Actor, can, type OwnedRecord } from '../../../domain/access/policy.js';
import { AppError } from '../../../domain/errors/app-error.js';
import type { ConversationView } from './chat.repository.js';

/**
 * Who may see a conversation, in the words of the one access policy (leads): an open one nobody
 * has joined is the queue, open to everyone who may read leads; a joined one is the colleague's,
 * so the policy is asked about a lead owned by them (rep: own, manager: team, admin: all); a
 * closed one nobody joined follows its lead's owner and the colleague who closed it (so closing
 * from the queue does not hide it from the closer). `listConversationViews` is the SQL twin.
 */
export function accessRecords(v: ConversationView): OwnedRecord[] | 'queue' {
  if (v.assignedUserId) return [{ ownerId: v.assignedUserId, teamId: v.assigneeTeamId }];
  if (v.status !== 'closed') return 'queue';
  return [
    { ownerId: v.leadOwnerId, teamId: v.leadTeamId },
    { ownerId: v.closedBy, teamId: v.closerTeamId },
  ];
}

function allowed(actor: Actor, action: Action, v: ConversationView): boolean {
  const records = accessRecords(v);
  return records === 'queue'
    ? can(actor, action, 'lead')
    : records.some((record) => can(actor, action, 'lead', record));
}

export function mayRead(actor: Actor, v: ConversationView): boolean {
  return allowed(actor, 'read', v);
}

/** A conversation the actor may see, else 404 (a hidden one looks exactly like a missing one). */
export function assertMayRead(actor: Actor, v: ConversationView | undefined): ConversationView {
  if (!v || !mayRead(actor, v)) throw new AppError('not_found', 'No such conversation');
  return v;
}

/** Closing: the colleague who joined, whoever may change their leads (a manager, an admin), or anyone for the queue. */
export function mayClose(actor: Actor, v: ConversationView): boolean {
  return allowed(actor, 'update', v);
}
