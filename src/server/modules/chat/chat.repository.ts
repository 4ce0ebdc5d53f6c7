import type { Selectable } from 'kysely';
import type { Scope } from '../../../domain/access/policy.js';
import type { BotState, QuickReply } from '../../../domain/chat/bot.js';
import type { Sender } from '../../../domain/chat/transcript.js';
import type { Lang } from '../../../domain/forms/form-fields.js';
import type { ChatConversationsTable, Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { scopeCondition } from '../../db/scope.js';

export type ConversationStatus = 'bot' | 'waiting' | 'human' | 'closed';

/** Why the capture write path refused what the visitor told the bot (kept on the conversation). */
export interface CaptureError {
  code: string;
  message: string;
  fields: string[];
}

export interface Conversation {
  id: string;
  widgetId: string;
  tokenHash: string;
  visitorId: string | null;
  personId: string | null;
  leadId: string | null;
  status: ConversationStatus;
  assignedUserId: string | null;
  language: Lang;
  touch: Record<string, unknown> | null;
  botState: BotState;
  activityId: string | null;
  lastSeq: number;
  startedAt: string;
  lastMessageAt: string;
  closedAt: string | null;
  closedBy: string | null;
  captureError: CaptureError | null;
}

export interface StoredMessage {
  seq: number;
  sender: Sender;
  userId: string | null;
  authorName: string | null;
  body: string;
  quickReplies: QuickReply[] | null;
  createdAt: string;
}

/** A message to add: its seq follows the conversation's latest. */
export type NewMessage = Pick<StoredMessage, 'sender' | 'body'> & {
  userId?: string | null;
  authorName?: string | null;
  quickReplies?: QuickReply[] | null;
};

function toConversation(r: Selectable<ChatConversationsTable>): Conversation {
  return {
    id: r.id,
    widgetId: r.widget_id,
    tokenHash: r.token_hash,
    visitorId: r.visitor_id,
    personId: r.person_id,
    leadId: r.lead_id,
    status: r.status as ConversationStatus,
    assignedUserId: r.assigned_user_id,
    language: r.language as Lang,
    touch: r.touch_json ? (JSON.parse(r.touch_json) as Record<string, unknown>) : null,
    botState: JSON.parse(r.bot_state_json) as BotState,
    activityId: r.activity_id,
    lastSeq: Number(r.last_seq),
    startedAt: r.started_at,
    lastMessageAt: r.last_message_at,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    captureError: r.capture_error ? (JSON.parse(r.capture_error) as CaptureError) : null,
  };
}

export async function insertConversation(db: Db, c: Conversation): Promise<void> {
  await db
    .insertInto('chat_conversations')
    .values({
      id: c.id,
      widget_id: c.widgetId,
      token_hash: c.tokenHash,
      visitor_id: c.visitorId,
      person_id: c.personId,
      lead_id: c.leadId,
      status: c.status,
      assigned_user_id: c.assignedUserId,
      language: c.language,
      touch_json: c.touch ? JSON.stringify(c.touch) : null,
      bot_state_json: JSON.stringify(c.botState),
      activity_id: c.activityId,
      last_seq: c.lastSeq,
      started_at: c.startedAt,
      last_message_at: c.lastMessageAt,
      closed_at: c.closedAt,
      closed_by: c.closedBy,
      capture_error: c.captureError ? JSON.stringify(c.captureError) : null,
    })
    .execute();
}

export async function findConversation(db: Db, id: string): Promise<Conversation | undefined> {
  const row = await db.selectFrom('chat_conversations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toConversation(row);
}

/** The changes a use case makes to a conversation (never its seq: see `appendMessages`). */
export type ConversationChanges = Partial<
  Pick<
    Conversation,
    | 'status'
    | 'assignedUserId'
    | 'botState'
    | 'leadId'
    | 'personId'
    | 'activityId'
    | 'closedAt'
    | 'closedBy'
    | 'captureError'
  >
>;

export async function updateConversation(db: Db, id: string, ch: ConversationChanges): Promise<void> {
  await db
    .updateTable('chat_conversations')
    .set({
      ...(ch.status !== undefined ? { status: ch.status } : {}),
      ...(ch.assignedUserId !== undefined ? { assigned_user_id: ch.assignedUserId } : {}),
      ...(ch.botState !== undefined ? { bot_state_json: JSON.stringify(ch.botState) } : {}),
      ...(ch.leadId !== undefined ? { lead_id: ch.leadId } : {}),
      ...(ch.personId !== undefined ? { person_id: ch.personId } : {}),
      ...(ch.activityId !== undefined ? { activity_id: ch.activityId } : {}),
      ...(ch.closedAt !== undefined ? { closed_at: ch.closedAt } : {}),
      ...(ch.closedBy !== undefined ? { closed_by: ch.closedBy } : {}),
      ...(ch.captureError !== undefined
        ? { capture_error: ch.captureError ? JSON.stringify(ch.captureError) : null }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Locks a conversation's row for a change, in the caller's transaction: on PostgreSQL two writers
 * of one conversation then take turns (SQLite writes one transaction at a time anyway), so every
 * read after it sees the latest state and `lastSeq`. Returns the row as locked (undefined: none).
 */
async function lockRow(db: Db, id: string) {
  // why a no-op UPDATE: it takes the row lock without changing anything a reader sees.
  return db
    .updateTable('chat_conversations')
    .set((eb) => ({ last_seq: eb.ref('last_seq') }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Locks a conversation (see `lockRow`) and reads it, in one statement. */
export async function lockedConversation(db: Db, id: string): Promise<Conversation | undefined> {
  const row = await lockRow(db, id);
  return row && toConversation(row);
}

/** Locks a conversation (see `lockRow`) and reads it with what access checks need. */
export async function lockedConversationView(db: Db, id: string): Promise<ConversationView | undefined> {
  return (await lockRow(db, id)) ? findConversationView(db, id) : undefined;
}

/** Adds messages after `conversation.lastSeq` (locked by `lockedConversation`); returns them as stored. */
export async function appendMessages(
  db: Db,
  conversation: Conversation,
  messages: readonly NewMessage[],
  at: string,
): Promise<StoredMessage[]> {
  if (!messages.length) return [];
  const first = conversation.lastSeq + 1;
  const stored: StoredMessage[] = messages.map((m, i) => ({
    seq: first + i,
    sender: m.sender,
    userId: m.userId ?? null,
    authorName: m.authorName ?? null,
    body: m.body,
    quickReplies: m.quickReplies?.length ? m.quickReplies : null,
    createdAt: at,
  }));
  await db
    .insertInto('chat_messages')
    .values(
      stored.map((m) => ({
        id: newId(),
        conversation_id: conversation.id,
        seq: m.seq,
        sender: m.sender,
        user_id: m.userId,
        body: m.body,
        quick_replies_json: m.quickReplies ? JSON.stringify(m.quickReplies) : null,
        created_at: at,
      })),
    )
    .execute();
  await db
    .updateTable('chat_conversations')
    .set({ last_seq: first + messages.length - 1, last_message_at: at })
    .where('id', '=', conversation.id)
    .execute();
  return stored;
}

/** The transcript on a `chat` activity, rewritten as the conversation goes on. */
export async function updateChatActivity(
  db: Db,
  id: string,
  ch: { body: string; data: Record<string, unknown>; doneAt: string | null; at: string },
): Promise<void> {
  await db
    .updateTable('activities')
    .set({ body: ch.body, data: JSON.stringify(ch.data), done_at: ch.doneAt, updated_at: ch.at })
    .where('id', '=', id)
    .where('type', '=', 'chat')
    .execute();
}

/** Messages with a seq above `after`, oldest first, with the colleague's name on theirs. */
export async function messagesAfter(
  db: Db,
  conversationId: string,
  after = 0,
  limit = 1000,
): Promise<StoredMessage[]> {
  const rows = await db
    .selectFrom('chat_messages as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.seq', 'm.sender', 'm.user_id', 'm.body', 'm.quick_replies_json', 'm.created_at', 'u.name'])
    .where('m.conversation_id', '=', conversationId)
    .where('m.seq', '>', after)
    .orderBy('m.seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    sender: r.sender as Sender,
    userId: r.user_id,
    authorName: r.name,
    body: r.body,
    quickReplies: r.quick_replies_json ? (JSON.parse(r.quick_replies_json) as QuickReply[]) : null,
    createdAt: r.created_at,
  }));
}

/** Makes `userId` the conversation's colleague unless someone else already is; false then. */
export async function assignIfFree(db: Db, id: string, userId: string): Promise<boolean> {
  const res = await db
    .updateTable('chat_conversations')
    .set({ assigned_user_id: userId, status: 'human' })
    .where('id', '=', id)
    .where('status', '!=', 'closed')
    .where((eb) => eb.or([eb('assigned_user_id', 'is', null), eb('assigned_user_id', '=', userId)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A conversation as lists show it, with who may see it (the assignee's team, the lead's owner, the closer's team). */
export interface ConversationView extends Conversation {
  widgetName: string;
  assignedUserName: string | null;
  assigneeTeamId: string | null;
  leadOwnerId: string | null;
  leadTeamId: string | null;
  closerTeamId: string | null;
  lastMessage: { sender: Sender; body: string } | null;
}

function viewQuery(db: Db) {
  return db
    .selectFrom('chat_conversations as c')
    .innerJoin('chat_widgets as w', 'w.id', 'c.widget_id')
    .leftJoin('users as a', 'a.id', 'c.assigned_user_id')
    .leftJoin('leads as l', 'l.id', 'c.lead_id')
    .leftJoin('users as cl', 'cl.id', 'c.closed_by')
    .leftJoin('chat_messages as m', (join) =>
      join.onRef('m.conversation_id', '=', 'c.id').onRef('m.seq', '=', 'c.last_seq'),
    )
    .selectAll('c')
    .select([
      'w.name as widget_name',
      'a.name as assignee_name',
      'a.team_id as assignee_team_id',
      'l.owner_id as lead_owner_id',
      'l.team_id as lead_team_id',
      'cl.team_id as closer_team_id',
      'm.sender as last_sender',
      'm.body as last_body',
    ]);
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>['executeTakeFirstOrThrow']>>;

function toView(r: ViewRow): ConversationView {
  return {
    ...toConversation(r),
    widgetName: r.widget_name,
    assignedUserName: r.assignee_name,
    assigneeTeamId: r.assignee_team_id,
    leadOwnerId: r.lead_owner_id,
    leadTeamId: r.lead_team_id,
    closerTeamId: r.closer_team_id,
    lastMessage:
      r.last_sender && r.last_body !== null
        ? { sender: r.last_sender as Sender, body: r.last_body.slice(0, 200) }
        : null,
  };
}

export async function findConversationView(db: Db, id: string): Promise<ConversationView | undefined> {
  const row = await viewQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row && toView(row);
}

/**
 * Conversations the actor may see, latest message first: the open queue (nobody has joined)
 * when they may read leads at all, the ones whose colleague falls in their lead scope, and
 * closed ones nobody joined by the lead's owner or by who closed them.
 */
export async function listConversationViews(
  db: Db,
  scope: Scope,
  q: {
    status?: ConversationStatus | undefined;
    limit: number;
    before?: { at: string; id: string } | undefined;
  },
): Promise<ConversationView[]> {
  let query = viewQuery(db).where((eb) => {
    const visible = [
      eb.and([
        eb('c.assigned_user_id', 'is not', null),
        scopeCondition(eb, scope, { owner: 'c.assigned_user_id', team: 'a.team_id' }),
      ]),
      eb.and([
        eb('c.assigned_user_id', 'is', null),
        eb('c.status', '=', 'closed'),
        eb.or([
          scopeCondition(eb, scope, { owner: 'l.owner_id', team: 'l.team_id' }),
          scopeCondition(eb, scope, { owner: 'c.closed_by', team: 'cl.team_id' }),
        ]),
      ]),
    ];
    if (scope.kind !== 'none') {
      visible.push(eb.and([eb('c.assigned_user_id', 'is', null), eb('c.status', '!=', 'closed')]));
    }
    return eb.or(visible);
  });
  if (q.status) query = query.where('c.status', '=', q.status);
  if (q.before) {
    const { at, id } = q.before;
    query = query.where((eb) => eb(eb.refTuple('c.last_message_at', 'c.id'), '<', eb.tuple(at, id)));
  }
  const rows = await query
    .orderBy('c.last_message_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(q.limit)
    .execute();
  return rows.map(toView);
}
