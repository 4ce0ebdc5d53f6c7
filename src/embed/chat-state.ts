import type { KeyValueStore } from './storage.js';
import { clip, httpUrl, type Touch } from './touch.js';
import type { Text } from './types.js';

/** The chat widget's pure rules: the server's answers read defensively, the message list, what is remembered. */

export type ChatSender = 'visitor' | 'bot' | 'user' | 'system';
export type ChatStatus = 'bot' | 'waiting' | 'human' | 'closed';

export interface QuickReply {
  value: string;
  label: string;
}

/** One line of the conversation as the public API sends it. */
export interface ChatMessage {
  seq: number;
  sender: ChatSender;
  body: string;
  createdAt: string;
  authorName?: string;
  quickReplies?: QuickReply[];
}

/** The configuration the server prepends to the script (`GET /embed/chat/{widgetId}.js`). */
export interface ChatConfig {
  widgetId: string;
  /** Absolute URL of the public chat API, e.g. `https://crm.uab.lt/api/public/chat`. */
  api: string;
  /** The widget as `GET /api/public/chat/widgets/{id}` answers, when the server included it. */
  widget?: PublicWidget;
}

export interface PublicWidget {
  id: string;
  greeting: Text;
  /** The widget's own wording that replaces the script's (keys of CHAT_TEXTS). */
  texts?: Record<string, Text>;
}

/** The longest message the server keeps. */
export const MAX_BODY_LENGTH = 2000;

const SENDERS: readonly ChatSender[] = ['visitor', 'bot', 'user', 'system'];
const STATUSES: readonly ChatStatus[] = ['bot', 'waiting', 'human', 'closed'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function isStatus(value: unknown): value is ChatStatus {
  return STATUSES.includes(value as ChatStatus);
}

/** Quick replies kept only when each has a value and a label: anything else → undefined. */
function parseQuickReplies(value: unknown): QuickReply[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const replies = value
    .filter(isRecord)
    .map((reply) => ({ value: clip(reply.value) ?? '', label: clip(reply.label) ?? '' }))
    .filter((reply) => reply.value && reply.label);
  return replies.length ? replies : undefined;
}

/**
 * A message from the server checked field by field; a malformed one → null (never shown).
 * `parseMessage({ seq: 1, sender: 'bot', body: 'Labas', createdAt: '…' })` → the message.
 */
export function parseMessage(value: unknown): ChatMessage | null {
  if (!isRecord(value)) return null;
  const { seq, sender, body, createdAt } = value;
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) return null;
  if (!SENDERS.includes(sender as ChatSender) || typeof body !== 'string') return null;
  const message: ChatMessage = {
    seq,
    sender: sender as ChatSender,
    body: body.slice(0, MAX_BODY_LENGTH),
    createdAt: typeof createdAt === 'string' ? createdAt : '',
  };
  const author = clip(value.authorName);
  if (author) message.authorName = author;
  const quickReplies = parseQuickReplies(value.quickReplies);
  if (quickReplies) message.quickReplies = quickReplies;
  return message;
}

/** The messages of an answer (`{ messages: [...] }`), malformed ones left out. */
export function parseMessages(value: unknown): ChatMessage[] {
  const list = isRecord(value) ? value.messages : undefined;
  return Array.isArray(list) ? list.map(parseMessage).filter((m): m is ChatMessage => m !== null) : [];
}

/**
 * The conversation with new messages added, once each (by `seq`) and in order: the same message may come from a
 * POST's answer, the live stream and a poll. `mergeMessages([m1, m3], [m2, m3])` → `[m1, m2, m3]`.
 */
export function mergeMessages(
  current: readonly ChatMessage[],
  incoming: readonly ChatMessage[],
): ChatMessage[] {
  const bySeq = new Map(current.map((message) => [message.seq, message]));
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest `seq` seen (0 with none): what a reconnect or a poll asks to continue after. */
export function lastSeq(messages: readonly ChatMessage[]): number {
  return messages.reduce((max, message) => Math.max(max, message.seq), 0);
}

/** The buttons to offer: the quick replies of the bot's latest message, while the bot still leads the conversation. */
export function currentQuickReplies(messages: readonly ChatMessage[], status: ChatStatus): QuickReply[] {
  if (status !== 'bot') return [];
  const last = messages[messages.length - 1];
  return last?.sender === 'bot' ? (last.quickReplies ?? []) : [];
}

/** How many messages from the team came after `seenSeq`: the launcher's badge while the panel is closed. */
export function unreadCount(messages: readonly ChatMessage[], seenSeq: number): number {
  return messages.filter((message) => message.seq > seenSeq && message.sender === 'user').length;
}

/** A conversation this browser takes part in, kept so a reload (or the next page) continues it. */
export interface StoredConversation {
  id: string;
  token: string;
  /** The panel was open: it opens again on the next page. */
  open: boolean;
}

export const CONVERSATION_PREFIX = 'piltuvas.chat.';

export function readConversation(store: KeyValueStore, widgetId: string): StoredConversation | null {
  let raw: unknown;
  try {
    raw = JSON.parse(store.get(CONVERSATION_PREFIX + widgetId) ?? 'null');
  } catch {
    // why: a corrupt record cannot be continued; the visitor simply starts a new conversation.
    return null;
  }
  if (!isRecord(raw)) return null;
  const id = clip(raw.id);
  const token = clip(raw.token);
  if (!id || !token || !/^[\w-]{1,64}$/.test(id) || !/^[\w-]{1,128}$/.test(token)) return null;
  return { id, token, open: raw.open === true };
}

export function writeConversation(store: KeyValueStore, widgetId: string, stored: StoredConversation): void {
  store.set(CONVERSATION_PREFIX + widgetId, JSON.stringify(stored));
}

export function forgetConversation(store: KeyValueStore, widgetId: string): void {
  store.remove(CONVERSATION_PREFIX + widgetId);
}

/** Where the visitor came from, in the API's shape: a stored `Touch` with `landingPage` for `landing_page`, no time. */
export type TouchBody = Omit<Touch, 'landing_page' | 'at'> & { landingPage?: string };

/** A stored touch as the conversation's `touch`: campaign keys as they are, the landing page renamed. */
export function touchBody(touch: Touch): TouchBody {
  const { landing_page, at: _at, ...rest } = touch;
  const body: TouchBody = { ...rest };
  const landing = httpUrl(landing_page);
  if (landing) body.landingPage = landing;
  return body;
}

/** The body the visitor typed, ready to send, or null when there is nothing to send. */
export function outgoingBody(text: string): string | null {
  const body = text.trim();
  return body ? body.slice(0, MAX_BODY_LENGTH) : null;
}
