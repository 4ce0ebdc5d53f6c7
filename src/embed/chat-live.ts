import type { ChatClient } from './chat-api.js';
import { type ChatMessage, type ChatStatus, isStatus, parseMessage } from './chat-state.js';
import { clip } from './touch.js';

/**
 * New messages as they come: the conversation's event stream (`EventSource` reconnects by itself and sends
 * `Last-Event-ID`, so nothing is missed), and polling when the stream cannot be had — no `EventSource`, a proxy
 * that buffers, a server that refuses it — or keeps failing.
 */

export interface LiveHandlers {
  messages(messages: ChatMessage[]): void;
  status(status: ChatStatus, agentName: string | null): void;
  /** The server no longer knows the conversation (or its token): stop, and start afresh when asked. */
  gone(): void;
}

export interface LiveDeps {
  client: ChatClient;
  schedule: (run: () => void, ms: number) => unknown;
  cancel: (handle: unknown) => void;
  /** `window.EventSource`, absent in old browsers (and in tests). */
  EventSource?: typeof EventSource | undefined;
}

export const POLL_MS = 4_000;
const MAX_POLL_MS = 60_000;
/** Stream errors in a row, without a message between them, after which polling takes over. */
const STREAM_FAILURES = 3;

/** How long to wait before the next poll: 4 s, doubling after each failure up to a minute (or `Retry-After`). */
export function pollDelay(failures: number, retryAfterSeconds: number | null = null): number {
  if (retryAfterSeconds !== null) return Math.min(retryAfterSeconds * 1000, MAX_POLL_MS);
  return Math.min(POLL_MS * 2 ** Math.min(failures, 8), MAX_POLL_MS);
}

/** A `status` event's data: `{ status, agentName? }` → the status, or null when it names none. */
export function parseStatusEvent(data: string): { status: ChatStatus; agentName: string | null } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    // why: an unreadable event is skipped; the next poll or event carries the state again.
    return null;
  }
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return isStatus(record.status)
    ? { status: record.status, agentName: clip(record.agentName) ?? null }
    : null;
}

function parseMessageEvent(data: string): ChatMessage | null {
  try {
    return parseMessage(JSON.parse(data));
  } catch {
    // why: as above; a message missed here comes again with the next poll or reconnect (by seq).
    return null;
  }
}

/** Follows one conversation until the returned function is called. `after()` is the last seq the widget has. */
export function followConversation(
  deps: LiveDeps,
  conversation: { id: string; token: string },
  after: () => number,
  on: LiveHandlers,
): () => void {
  let stopped = false;
  let timer: unknown = null;
  let stream: EventSource | null = null;
  let failures = 0;

  const poll = async () => {
    timer = null;
    const result = await deps.client.poll(conversation.id, conversation.token, after());
    if (stopped) return;
    if (result.ok) {
      failures = 0;
      if (result.value.messages.length) on.messages(result.value.messages);
      if (result.value.status) on.status(result.value.status, result.value.agentName);
    } else if (result.reason === 'gone') {
      stop();
      on.gone();
      return;
    } else {
      failures++;
    }
    if (!stopped) timer = deps.schedule(poll, pollDelay(failures, result.ok ? null : result.after));
  };

  const fallBack = () => {
    stream?.close();
    stream = null;
    failures = 0;
    if (!stopped && timer === null) void poll();
  };

  const stop = () => {
    stopped = true;
    stream?.close();
    stream = null;
    if (timer !== null) deps.cancel(timer);
    timer = null;
  };

  const Source = deps.EventSource;
  if (!Source) {
    void poll();
    return stop;
  }
  stream = new Source(deps.client.eventsUrl(conversation.id, conversation.token, after()));
  stream.addEventListener('message', (event) => {
    failures = 0;
    const message = parseMessageEvent((event as MessageEvent<string>).data);
    if (message) on.messages([message]);
  });
  stream.addEventListener('status', (event) => {
    failures = 0;
    const status = parseStatusEvent((event as MessageEvent<string>).data);
    if (status) on.status(status.status, status.agentName);
  });
  stream.addEventListener('open', () => {
    failures = 0;
  });
  stream.addEventListener('error', () => {
    // CLOSED: refused for good (404, not an event stream, CORS); the poll tells which, and carries on.
    if (stream?.readyState === Source.CLOSED || ++failures >= STREAM_FAILURES) fallBack();
  });
  return stop;
}
