import { type ChatFetch, chatClient, type Failure } from './chat-api.js';
import { followConversation } from './chat-live.js';
import { type ChatUi, renderChat } from './chat-render.js';
import {
  type ChatConfig,
  type ChatMessage,
  type ChatStatus,
  currentQuickReplies,
  forgetConversation,
  lastSeq,
  mergeMessages,
  outgoingBody,
  readConversation,
  type StoredConversation,
  touchBody,
  unreadCount,
  writeConversation,
} from './chat-state.js';
import { type ChatTextKey, chatText } from './chat-texts.js';
import type { KeyValueStore } from './storage.js';
import type { Touches } from './touch.js';
import type { Lang } from './types.js';

/** What the widget needs from the page: storage, network, timers, and the visitor's id and touches. */
export interface ChatPage {
  store: KeyValueStore;
  fetch: ChatFetch;
  now: () => number;
  schedule: (run: () => void, ms: number) => unknown;
  cancel: (handle: unknown) => void;
  EventSource?: typeof EventSource | undefined;
  touches: Touches;
  vid: string;
}

/**
 * One chat widget's flow. The conversation starts when the visitor first opens the panel (the bot greets and asks
 * the first question); its id and token are kept so the next page continues it; messages arrive live.
 */
export function startChat(host: Element, config: ChatConfig, lang: Lang, page: ChatPage): void {
  const client = chatClient(config.api, page.fetch, page.now);
  const overrides = config.widget?.texts ?? {};
  const say = (key: ChatTextKey, vars: { n?: number; name?: string } = {}) =>
    chatText(key, lang, vars, overrides);

  let conversation: StoredConversation | null = readConversation(page.store, config.widgetId);
  let messages: ChatMessage[] = [];
  let status: ChatStatus = 'bot';
  let seenSeq = 0;
  let stopLive: (() => void) | null = null;
  let starting = false;

  const remember = () => {
    if (conversation) writeConversation(page.store, config.widgetId, conversation);
  };

  const show = (incoming: readonly ChatMessage[]) => {
    messages = mergeMessages(messages, incoming);
    ui.showMessages(messages);
    ui.quickReplies(currentQuickReplies(messages, status));
    if (ui.isOpen()) seenSeq = lastSeq(messages);
    ui.unread(unreadCount(messages, seenSeq));
  };

  const setStatus = (next: ChatStatus, agentName: string | null) => {
    status = next;
    ui.quickReplies(currentQuickReplies(messages, status));
    if (next === 'closed') {
      stopLive?.();
      stopLive = null;
      ui.subtitle('');
      ui.status(say('closed'));
      ui.composer('off');
      ui.showRestart(true);
      return;
    }
    ui.subtitle(
      next === 'human' && agentName
        ? say('withAgent', { name: agentName })
        : next === 'waiting'
          ? say('waiting')
          : '',
    );
  };

  const follow = () => {
    if (!conversation) return;
    stopLive?.();
    stopLive = followConversation({ ...page, client }, conversation, () => lastSeq(messages), {
      messages: show,
      status: setStatus,
      gone: () => {
        conversation = null;
        forgetConversation(page.store, config.widgetId);
        setStatus('closed', null);
      },
    });
  };

  const failure = (result: Failure) => {
    if (result.reason === 'rate') ui.status(say('rateLimited', { n: result.after ?? 10 }), 'error');
    else if (result.reason === 'network') ui.status(say('network'), 'error');
    else ui.status(result.detail ?? say('refused'), 'error');
  };

  const start = async () => {
    if (starting) return;
    starting = true;
    ui.showRestart(false);
    ui.composer('off');
    ui.status(say('connecting'));
    const result = await client.start(config.widgetId, {
      language: lang,
      visitorId: page.vid,
      touch: touchBody(page.touches.last),
    });
    starting = false;
    if (!result.ok) {
      ui.status(say('unavailable'), 'error');
      ui.showRestart(true);
      return;
    }
    conversation = { id: result.value.id, token: result.value.token, open: ui.isOpen() };
    remember();
    ui.status('');
    setStatus('bot', null);
    show(result.value.messages);
    ui.composer('ready');
    follow();
  };

  const send = async (text: string) => {
    const body = outgoingBody(text);
    if (!body || !conversation) return;
    ui.composer('busy');
    ui.status('');
    const result = await client.send(conversation.id, conversation.token, body);
    if (result.ok) {
      ui.clearInput();
      show(result.value);
      if (status !== 'closed') ui.composer('ready');
      return;
    }
    if (result.reason === 'gone') {
      conversation = null;
      forgetConversation(page.store, config.widgetId);
      setStatus('closed', null);
      return;
    }
    failure(result);
    ui.composer('ready');
  };

  const ui: ChatUi = renderChat(host, lang, overrides, {
    toggle(open) {
      ui.setOpen(open);
      if (open) {
        seenSeq = lastSeq(messages);
        ui.unread(0);
      }
      if (conversation) {
        conversation.open = open;
        remember();
      } else if (open) {
        void start();
      }
    },
    send: (text) => void send(text),
    quickReply: (reply) => void send(reply.label),
    restart() {
      stopLive?.();
      stopLive = null;
      conversation = null;
      forgetConversation(page.store, config.widgetId);
      messages = [];
      ui.clearMessages();
      ui.quickReplies([]);
      ui.subtitle('');
      void start();
    },
  });

  /** A conversation from an earlier page: its messages again, then live; the panel as the visitor left it. */
  const resume = async (stored: StoredConversation) => {
    const result = await client.poll(stored.id, stored.token, 0);
    if (!result.ok) {
      // Gone (closed and forgotten by the server, or a stale token): the next open starts afresh.
      if (result.reason === 'gone') {
        conversation = null;
        forgetConversation(page.store, config.widgetId);
      }
      return;
    }
    messages = result.value.messages;
    // What came before this page counts as seen; the badge counts what the team writes from now on.
    seenSeq = lastSeq(messages);
    setStatus(result.value.status ?? 'bot', result.value.agentName);
    if (status === 'closed') {
      conversation = null;
      forgetConversation(page.store, config.widgetId);
      ui.clearMessages();
      messages = [];
      ui.showRestart(false);
      ui.status('');
      return;
    }
    show([]);
    ui.composer('ready');
    if (stored.open) ui.setOpen(true);
    follow();
  };

  if (conversation) void resume(conversation);
}
