import { scopeFor } from '../../../domain/access/policy.js';
import { captureOf } from '../../../domain/chat/bot.js';
import { botText } from '../../../domain/chat/bot-texts.js';
import { cleanMessage, messageProblem } from '../../../domain/chat/message.js';
import { AppError, invalidField } from '../../../domain/errors/app-error.js';
import type { ActorContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import { assertMayRead, mayClose } from './chat.access.js';
import { conversationChanged } from './chat.events.js';
import { refreshTranscript, tryCaptureChat } from './chat.lead.js';
import {
  appendMessages,
  assignIfFree,
  type Conversation,
  type ConversationStatus,
  findConversationView,
  listConversationViews,
  lockedConversationView,
  messagesAfter,
  type NewMessage,
  updateConversation,
} from './chat.repository.js';
import type { ChatConversationDto, ChatMessageDto } from './chat.schemas.js';
import { conversationDto, publicMessage } from './chat.views.js';

/** The colleagues' side of the chat: the queue, a conversation, joining, answering, closing. */

export async function listConversations(
  deps: Deps,
  caller: ActorContext,
  q: { status?: ConversationStatus | undefined; limit?: number | undefined; before?: string | undefined },
): Promise<{ items: ChatConversationDto[]; nextCursor: string | null }> {
  const limit = q.limit ?? 50;
  const [at, id] = (q.before ?? '').split('|');
  const rows = await listConversationViews(deps.db, scopeFor(caller.actor, 'lead', 'read'), {
    status: q.status,
    limit,
    before: at && id ? { at, id } : undefined,
  });
  const last = rows.at(-1);
  return {
    items: rows.map(conversationDto),
    nextCursor: rows.length === limit && last ? `${last.lastMessageAt}|${last.id}` : null,
  };
}

export interface ConversationDetail {
  conversation: ChatConversationDto;
  messages: ChatMessageDto[];
}

export async function getConversation(
  deps: Deps,
  caller: ActorContext,
  id: string,
): Promise<ConversationDetail> {
  const view = assertMayRead(caller.actor, await findConversationView(deps.db, id));
  const messages = await messagesAfter(deps.db, id);
  return { conversation: conversationDto(view), messages: messages.map(publicMessage) };
}

/**
 * Runs one colleague's change to a conversation they may see, in a transaction: the row lock
 * comes first, so the access checks and `work` see the state no other writer can change under
 * them (a colleague joining meanwhile hides the conversation from a rep, who gets 404); the
 * streams hear of it after the commit.
 */
async function change<T>(
  deps: Deps,
  caller: ActorContext,
  id: string,
  work: (trx: Db, c: Conversation, at: string) => Promise<T>,
): Promise<T> {
  const at = deps.now().toISOString();
  const result = await deps.db.transaction().execute(async (trx) => {
    const c = assertMayRead(caller.actor, await lockedConversationView(trx, id));
    if (!mayClose(caller.actor, c) && c.assignedUserId !== caller.user.id) {
      throw new AppError('forbidden', 'You may not change this conversation');
    }
    if (c.status === 'closed') throw new AppError('conflict', 'This conversation has ended');
    return work(trx, c, at);
  });
  conversationChanged(deps, id);
  return result;
}

/** A lead from what the bot heard so far, when a colleague steps in (or closes) before the bot is done. */
async function captureSoFar(trx: Db, deps: Deps, c: Conversation, at: string): Promise<Conversation> {
  const capture = c.leadId ? null : captureOf(c.botState);
  return capture ? tryCaptureChat(trx, deps, c, capture, at) : c;
}

async function addMessages(trx: Db, deps: Deps, c: Conversation, messages: NewMessage[], at: string) {
  const added = await appendMessages(trx, c, messages, at);
  const after = { ...c, lastSeq: c.lastSeq + added.length };
  await refreshTranscript(trx, deps, after, at);
  return added;
}

/** The caller takes the conversation (the bot stops); 409 when another colleague already has. */
export async function joinConversation(
  deps: Deps,
  caller: ActorContext,
  id: string,
): Promise<ConversationDetail> {
  await change(deps, caller, id, async (trx, c, at) => {
    if (c.assignedUserId === caller.user.id) return;
    if (!(await assignIfFree(trx, id, caller.user.id))) {
      throw new AppError('conflict', 'Another colleague has already joined this conversation');
    }
    let joined: Conversation = { ...c, status: 'human', assignedUserId: caller.user.id };
    joined = await captureSoFar(trx, deps, joined, at);
    const notice = botText('joined', c.language, caller.user.name);
    await addMessages(trx, deps, joined, [{ sender: 'system', body: notice }], at);
    await recordAudit(trx, caller, { entityType: 'chat_conversation', entityId: id, action: 'join', at });
  });
  return getConversation(deps, caller, id);
}

/** A colleague's answer: only from the one who joined (409 before anyone has, 403 for others). */
export async function sendUserMessage(
  deps: Deps,
  caller: ActorContext,
  id: string,
  body: string,
): Promise<ChatMessageDto> {
  const problem = messageProblem(body);
  if (problem) throw invalidField('body', problem);
  const [message] = await change(deps, caller, id, async (trx, c, at) => {
    if (!c.assignedUserId) throw new AppError('conflict', 'Join the conversation before writing in it');
    if (c.assignedUserId !== caller.user.id) {
      throw new AppError('forbidden', 'Only the colleague who joined may write in this conversation');
    }
    const mine: NewMessage = {
      sender: 'user',
      userId: caller.user.id,
      authorName: caller.user.name,
      body: cleanMessage(body),
    };
    return addMessages(trx, deps, c, [mine], at);
  });
  return publicMessage(message!);
}

/**
 * Ends the conversation; the transcript on the lead's timeline is final. Who closed it is kept:
 * a colleague who closes one from the queue (without joining) still sees it afterwards.
 */
export async function closeConversation(
  deps: Deps,
  caller: ActorContext,
  id: string,
): Promise<ConversationDetail> {
  await change(deps, caller, id, async (trx, c, at) => {
    const captured = await captureSoFar(trx, deps, c, at);
    const ending = { status: 'closed', closedAt: at, closedBy: caller.user.id } as const;
    const closed: Conversation = { ...captured, ...ending };
    await updateConversation(trx, id, ending);
    await addMessages(trx, deps, closed, [{ sender: 'system', body: botText('closed', c.language) }], at);
    await recordAudit(trx, caller, { entityType: 'chat_conversation', entityId: id, action: 'close', at });
  });
  return getConversation(deps, caller, id);
}
