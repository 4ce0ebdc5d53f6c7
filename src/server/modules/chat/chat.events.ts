import type { Actor } from '../../../domain/access/policy.js';
import type { Deps } from '../../context.js';
import type { SseStream } from '../../plugins/sse.js';
import type { BroadcastPayload } from '../../pubsub/broadcaster.js';
import { broadcasterOf, publishChange } from '../../pubsub/index.js';
import { mayRead } from './chat.access.js';
import { type ConversationView, findConversationView, messagesAfter } from './chat.repository.js';
import { publicMessage } from './chat.views.js';

/**
 * Live chat: after a change is committed the conversation's topic and the inbox topic carry its
 * id; open streams re-read the database and send what is new. Nothing is sent from the payload
 * itself, so a stream never shows what its reader may not see, and one that missed a
 * notification catches up on the next.
 */
const conversationTopic = (id: string) => `chat:conversation:${id}`;
const INBOX_TOPIC = 'chat:inbox';

/** Tells the streams that a conversation changed (new messages, status, colleague). */
export function conversationChanged(deps: Deps, id: string): void {
  publishChange(deps, conversationTopic(id), { id });
  publishChange(deps, INBOX_TOPIC, { id });
}

/** Page size of a replay: a long conversation is sent in several reads. */
const REPLAY_PAGE = 200;

/**
 * The visitor's stream: messages after `after` (a reconnect's Last-Event-ID) as `message` events
 * with `id: seq`, then new ones as they come, and `status` whenever the status or the colleague
 * changes. The subscription is live before the stream opens (`open` sends the headers), so a
 * client that has the headers misses nothing; sends run one after another, once each, in order.
 * Once the conversation is closed, the stream ends after telling so.
 */
export async function followConversation(
  deps: Deps,
  open: () => SseStream,
  conversationId: string,
  after: number,
  report: (error: unknown) => void,
): Promise<SseStream> {
  let stream: SseStream | null = null;
  let sentSeq = after;
  let sentStatus = '';
  let queue = Promise.resolve();
  const pump = () => {
    queue = queue
      .then(async () => {
        if (!stream || stream.closed) return;
        // The state first, then the messages: what the state says happened is in them (the
        // closing message of a closed conversation is sent before its `closed` status).
        const view = await findConversationView(deps.db, conversationId);
        for (;;) {
          if (stream.closed) return;
          const messages = await messagesAfter(deps.db, conversationId, sentSeq, REPLAY_PAGE);
          for (const m of messages) {
            stream.send('message', publicMessage(m), m.seq);
            sentSeq = m.seq;
          }
          if (messages.length < REPLAY_PAGE) break;
        }
        if (!view || stream.closed) return;
        const status = {
          status: view.status,
          ...(view.assignedUserName ? { agentName: view.assignedUserName } : {}),
        };
        const key = JSON.stringify(status);
        if (key !== sentStatus) {
          stream.send('status', status);
          sentStatus = key;
        }
        // Nothing more will come: the browser reconnects, is told 204, and stops.
        if (view.status === 'closed') stream.close();
      })
      .catch(report);
  };
  const unsubscribe = await broadcasterOf(deps).subscribe(conversationTopic(conversationId), pump);
  stream = openOrLetGo(open, unsubscribe);
  pump();
  return stream;
}

/** Opens the stream once subscribed; the subscription goes with it, also when opening fails. */
function openOrLetGo(open: () => SseStream, unsubscribe: () => void): SseStream {
  let stream: SseStream;
  try {
    stream = open();
  } catch (error) {
    unsubscribe();
    throw error;
  }
  stream.onClose(unsubscribe);
  return stream;
}

/**
 * The changed conversation of one inbox event, read once however many colleagues' streams hear it
 * (a broadcaster hands every listener of a topic the same payload object).
 */
const viewsOfEvent = new WeakMap<BroadcastPayload, Promise<ConversationView | undefined>>();

function viewOfEvent(deps: Deps, payload: BroadcastPayload & { id: string }) {
  let view = viewsOfEvent.get(payload);
  if (!view) {
    view = findConversationView(deps.db, payload.id);
    viewsOfEvent.set(payload, view);
  }
  return view;
}

/** How often a colleague's open stream checks that its reader still may (active user, live session). */
export const RECHECK_MS = 3 * 60_000;

export interface InboxReader {
  /** Who the stream is for, as they were when it opened. */
  actor: Actor;
  /** The reader's access now: null once the user is disabled or the session or token is gone. */
  recheck: () => Promise<Actor | null>;
}

/**
 * A colleague's stream for the conversations screen: `conversation` events with
 * `{ id, status, lastMessageAt }` for every change to a conversation they may see (checked
 * against the database on each event), and `resync` after the broadcaster lost its connection
 * (events may have been missed: the screen refetches everything). Every `recheckMs` the reader's
 * access is asked again: the stream ends for a disabled user or an ended session, and follows
 * changed access otherwise. As above, the subscription is live before `open` sends the headers.
 */
export async function followInbox(
  deps: Deps,
  open: () => SseStream,
  reader: InboxReader,
  report: (error: unknown) => void,
  recheckMs = RECHECK_MS,
): Promise<SseStream> {
  let stream: SseStream | null = null;
  let actor = reader.actor;
  const unsubscribe = await broadcasterOf(deps).subscribe(INBOX_TOPIC, (payload) => {
    if (payload.resync === true) {
      if (stream && !stream.closed) stream.send('resync', {});
      return;
    }
    if (typeof payload.id !== 'string') return;
    viewOfEvent(deps, payload as BroadcastPayload & { id: string })
      .then((view) => {
        if (!view || !stream || stream.closed || !mayRead(actor, view)) return;
        stream.send('conversation', { id: view.id, status: view.status, lastMessageAt: view.lastMessageAt });
      })
      .catch(report);
  });
  const opened = openOrLetGo(open, unsubscribe);
  stream = opened;
  const recheck = setInterval(() => {
    reader
      .recheck()
      .then((now) => {
        if (now) actor = now;
        else opened.close();
      })
      .catch((error: unknown) => {
        // why end it: a stream whose reader cannot be checked must not go on showing what they may not see.
        report(error);
        opened.close();
      });
  }, recheckMs);
  recheck.unref();
  opened.onClose(() => clearInterval(recheck));
  return opened;
}
