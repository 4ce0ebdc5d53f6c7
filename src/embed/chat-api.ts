import {
  type ChatMessage,
  type ChatStatus,
  isStatus,
  type PublicWidget,
  parseMessages,
  type TouchBody,
} from './chat-state.js';
import { parseRetryAfter } from './submission.js';
import { clip } from './touch.js';
import type { Lang, Text } from './types.js';

/**
 * The visitor's side of the public chat API (`/api/public/chat`). Every call is JSON with `credentials: 'omit'`;
 * the conversation's token travels in `X-Chat-Token`. Answers are read defensively: the page may sit behind
 * proxies, and a message the script cannot read is left out rather than shown half.
 */

export type Failure =
  /** 404: the widget is off, or the conversation is unknown to the server (wrong token, deleted). */
  | { ok: false; reason: 'gone'; after: null; detail: string | null }
  /** Any other 4xx: the server refused this message (closed conversation, too long…). */
  | { ok: false; reason: 'refused'; after: null; detail: string | null }
  /** 429, or a network error / 408 / 5xx: try again, after `after` seconds when the server said. */
  | { ok: false; reason: 'rate' | 'network'; after: number | null; detail: null };

export type Result<T> = { ok: true; value: T } | Failure;

export type ChatFetch = (
  url: string,
  init: RequestInit,
) => Promise<Pick<Response, 'status' | 'headers' | 'text'>>;

export interface Started {
  id: string;
  token: string;
  messages: ChatMessage[];
}

export interface Polled {
  messages: ChatMessage[];
  /** When the server says (optional in the contract). */
  status: ChatStatus | null;
  /** The colleague who joined, with status `human`. */
  agentName: string | null;
}

const TIMEOUT_MS = 20_000;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // why: a proxy's HTML page is not an answer we can read; the caller gets no value and says so.
    return null;
  }
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/** A response as a result: 2xx → the parsed body, else why it failed. */
export function readAnswer(
  status: number,
  retryAfter: string | null,
  text: string,
  now: number,
): Result<unknown> {
  if (status >= 200 && status < 300) return { ok: true, value: parseJson(text) };
  if (status === 429)
    return { ok: false, reason: 'rate', after: parseRetryAfter(retryAfter, now), detail: null };
  if (status === 408 || status >= 500 || status < 200)
    return { ok: false, reason: 'network', after: parseRetryAfter(retryAfter, now), detail: null };
  const detail = clip(asRecord(parseJson(text)).detail) ?? null;
  return { ok: false, reason: status === 404 ? 'gone' : 'refused', after: null, detail };
}

function localText(value: unknown): Text | null {
  const record = asRecord(value);
  const lt = typeof record.lt === 'string' ? record.lt : '';
  const en = typeof record.en === 'string' ? record.en : '';
  return lt || en ? { lt, en } : null;
}

/** The public widget read defensively: its id, greeting and own wordings. */
export function parseWidget(value: unknown): PublicWidget | null {
  const record = asRecord(value);
  if (typeof record.id !== 'string') return null;
  const texts: Record<string, Text> = {};
  for (const [key, text] of Object.entries(asRecord(record.texts))) {
    const local = localText(text);
    if (local) texts[key] = local;
  }
  return { id: record.id, greeting: localText(record.greeting) ?? { lt: '', en: '' }, texts };
}

export function chatClient(api: string, fetchFn: ChatFetch, now: () => number) {
  const call = async (
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<Result<unknown>> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers['X-Chat-Token'] = token;
    try {
      const response = await fetchFn(`${api}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        mode: 'cors',
        ...(typeof AbortSignal.timeout === 'function' ? { signal: AbortSignal.timeout(TIMEOUT_MS) } : {}),
      });
      return readAnswer(response.status, response.headers.get('Retry-After'), await response.text(), now());
    } catch {
      // why: no response could be read (offline, CORS, timeout); the widget says so and the visitor may retry.
      return { ok: false, reason: 'network', after: null, detail: null };
    }
  };
  const map = <T>(result: Result<unknown>, read: (value: unknown) => T | null): Result<T> => {
    if (!result.ok) return result;
    const value = read(result.value);
    return value === null ? { ok: false, reason: 'network', after: null, detail: null } : { ok: true, value };
  };
  const path = (id: string) => `/conversations/${encodeURIComponent(id)}`;

  return {
    widget: async (widgetId: string) =>
      map(await call('GET', `/widgets/${encodeURIComponent(widgetId)}`), parseWidget),

    start: async (
      widgetId: string,
      input: { language: Lang; visitorId: string; touch: TouchBody },
    ): Promise<Result<Started>> =>
      map(await call('POST', `/widgets/${encodeURIComponent(widgetId)}/conversations`, input), (value) => {
        const record = asRecord(value);
        const id = clip(record.id);
        const token = clip(record.token);
        return id && token ? { id, token, messages: parseMessages(value) } : null;
      }),

    send: async (id: string, token: string, body: string): Promise<Result<ChatMessage[]>> =>
      map(await call('POST', `${path(id)}/messages`, { body }, token), parseMessages),

    poll: async (id: string, token: string, after: number): Promise<Result<Polled>> =>
      map(await call('GET', `${path(id)}/messages?after=${after}`, undefined, token), (value) => {
        const { status, agentName } = asRecord(value);
        return {
          messages: parseMessages(value),
          status: isStatus(status) ? status : null,
          agentName: clip(agentName) ?? null,
        };
      }),

    /** The live stream's address: `EventSource` sends no headers, so the token goes in the query. */
    eventsUrl: (id: string, token: string, after: number) =>
      `${api}${path(id)}/events?token=${encodeURIComponent(token)}&after=${after}`,
  };
}

export type ChatClient = ReturnType<typeof chatClient>;
