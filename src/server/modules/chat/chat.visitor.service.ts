import { originAllowed } from '../../../domain/capture/spam.js';
import {
  type BotCapture,
  type BotCatalogue,
  type BotReply,
  next,
  startBot,
} from '../../../domain/chat/bot.js';
import { cleanMessage, messageProblem } from '../../../domain/chat/message.js';
import { AppError, invalidField } from '../../../domain/errors/app-error.js';
import type { Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { randomToken, safeEqual, sha256 } from '../auth/secrets.js';
import { listProducts } from '../catalogue/catalogue.repository.js';
import { ipHash } from '../forms/form-guards.js';
import { conversationChanged } from './chat.events.js';
import { refreshTranscript, tryCaptureChat } from './chat.lead.js';
import {
  limit,
  MAX_MESSAGES,
  MESSAGES_PER_MINUTE,
  READS_PER_MINUTE,
  STARTS_PER_MINUTE,
} from './chat.limits.js';
import {
  appendMessages,
  type Conversation,
  findConversation,
  findConversationView,
  insertConversation,
  lockedConversation,
  messagesAfter,
  type NewMessage,
  updateConversation,
} from './chat.repository.js';
import type { ChatMessageDto, StartConversationInput } from './chat.schemas.js';
import { publicMessage } from './chat.views.js';
import { findWidget } from './chat.widgets.repository.js';
import { activeWidget, scriptOf } from './chat.widgets.service.js';

export interface VisitorMeta {
  ip: string;
  origin: string | undefined;
  referer: string | undefined;
  appOrigin: string;
}

/** The conversation when the token is its own; 404 otherwise, so ids cannot be probed. */
export async function visitorConversation(
  db: Db,
  id: string,
  token: string | undefined,
): Promise<Conversation> {
  return visitorsOwn(await findConversation(db, id), token);
}

/** The conversation when the token is its visitor's; a wrong token is answered as no conversation. */
function visitorsOwn(found: Conversation | undefined, token: string | undefined): Conversation {
  if (!found || !token || !safeEqual(sha256(token), found.tokenHash)) {
    throw new AppError('not_found', 'No such conversation');
  }
  return found;
}

/** The key of a client address in the counters: a keyed hash, as the form limits keep it. */
export const addressKey = (deps: Deps, ip: string) => ipHash(deps.config.sessionSecret, ip);

const botMessage = (r: BotReply): NewMessage => ({
  sender: 'bot',
  body: r.text,
  quickReplies: r.quickReplies ?? null,
});

async function catalogue(db: Db): Promise<BotCatalogue> {
  return { products: (await listProducts(db, { active: true })).map((p) => ({ id: p.id, name: p.name })) };
}

/** A visitor opens the chat: the conversation and its token, with the bot's greeting and first question. */
export async function startConversation(
  deps: Deps,
  widgetId: string,
  input: StartConversationInput,
  meta: VisitorMeta,
): Promise<{ id: string; token: string; status: 'bot'; messages: ChatMessageDto[] }> {
  const now = deps.now();
  const nowMs = now.getTime();
  const address = addressKey(deps, meta.ip);
  limit('startsPerAddress', address, deps.config.chatStartRateLimit, nowMs, 'conversations');
  const widget = await activeWidget(deps.db, widgetId);
  if (!originAllowed(widget.allowedOrigins, meta.appOrigin, meta.origin, meta.referer)) {
    throw new AppError('forbidden', 'This site may not start conversations with this chat');
  }
  limit('starts', `${widget.id}|${address}`, STARTS_PER_MINUTE, nowMs, 'conversations');
  limit('widgetStarts', widget.id, widget.maxPerMinute, nowMs, 'conversations on this chat');
  const language = input.language ?? 'lt';
  const turn = startBot(language, scriptOf(widget));
  const token = randomToken();
  const at = now.toISOString();
  const conversation: Conversation = {
    id: newId(),
    widgetId: widget.id,
    tokenHash: sha256(token),
    visitorId: input.visitorId ?? null,
    personId: null,
    leadId: null,
    status: 'bot',
    assignedUserId: null,
    language,
    touch: input.touch ?? null,
    botState: turn.state,
    activityId: null,
    lastSeq: 0,
    startedAt: at,
    lastMessageAt: at,
    closedAt: null,
    closedBy: null,
    captureError: null,
  };
  const messages = await deps.db.transaction().execute(async (trx) => {
    await insertConversation(trx, conversation);
    return appendMessages(trx, conversation, turn.replies.map(botMessage), at);
  });
  conversationChanged(deps, conversation.id);
  return { id: conversation.id, token, status: 'bot', messages: messages.map(publicMessage) };
}

/**
 * A visitor's message, and the bot's answer while the bot leads: stored together, and when the
 * bot has heard enough, the lead is made in the same transaction (nothing half-written). After
 * that the message waits for a colleague; on the lead's timeline the transcript follows along.
 */
export async function sendVisitorMessage(
  deps: Deps,
  id: string,
  token: string | undefined,
  body: string,
  meta: VisitorMeta,
): Promise<{ messages: ChatMessageDto[] }> {
  const now = deps.now();
  limit('messages', `${id}|${addressKey(deps, meta.ip)}`, MESSAGES_PER_MINUTE, now.getTime(), 'messages');
  const at = now.toISOString();
  const stored = await deps.db.transaction().execute(async (trx) => {
    let c = visitorsOwn(await lockedConversation(trx, id), token);
    const problem = messageProblem(body);
    if (problem) throw invalidField('body', problem);
    const text = cleanMessage(body);
    if (c.status === 'closed') throw new AppError('conflict', 'This conversation has ended; start a new one');
    if (c.lastSeq >= MAX_MESSAGES)
      throw new AppError('conflict', 'This conversation is too long; start a new one');
    const out: NewMessage[] = [{ sender: 'visitor', body: text }];
    let capture: BotCapture | undefined;
    if (c.status === 'bot') {
      const step = c.botState.step;
      const cat = step === 'contact' || step === 'interest' ? await catalogue(trx) : { products: [] };
      const widget = await findWidget(trx, c.widgetId);
      const turn = next(c.botState, text, cat, widget ? scriptOf(widget) : undefined);
      out.push(...turn.replies.map(botMessage));
      capture = turn.capture;
      c = { ...c, botState: turn.state };
      await updateConversation(trx, id, { botState: turn.state });
    }
    const added = await appendMessages(trx, c, out, at);
    c = { ...c, lastSeq: c.lastSeq + added.length };
    if (capture && !c.leadId) {
      c = await tryCaptureChat(trx, deps, c, capture, at);
      // Waiting means waiting with a lead; without one (refused, no widget) the reason is on the conversation.
      if (c.leadId) {
        c = { ...c, status: 'waiting' };
        await updateConversation(trx, id, { status: 'waiting' });
      }
    }
    await refreshTranscript(trx, deps, c, at);
    return added;
  });
  conversationChanged(deps, id);
  return { messages: stored.map(publicMessage) };
}

/** The poll fallback: messages after `after`, the status and the colleague's name. */
export async function visitorMessages(
  deps: Deps,
  id: string,
  token: string | undefined,
  after: number,
  ip: string,
): Promise<{ messages: ChatMessageDto[]; status: Conversation['status']; agentName?: string }> {
  limit('reads', `${id}|${addressKey(deps, ip)}`, READS_PER_MINUTE, deps.now().getTime());
  await visitorConversation(deps.db, id, token);
  const messages = await messagesAfter(deps.db, id, after);
  const view = await findConversationView(deps.db, id);
  if (!view) throw new AppError('not_found', 'No such conversation');
  return {
    messages: messages.map(publicMessage),
    status: view.status,
    ...(view.assignedUserName ? { agentName: view.assignedUserName } : {}),
  };
}
