import type { ChatMessage, QuickReply } from './chat-state.js';
import { MAX_BODY_LENGTH } from './chat-state.js';
import { CHAT_STYLES } from './chat-styles.js';
import { type ChatTextKey, chatText } from './chat-texts.js';
import { addStyles, el } from './dom.js';
import type { Lang, Text } from './types.js';

/**
 * The chat widget's DOM, in a shadow root so the host page's CSS neither breaks nor reads it. Every text from the
 * server or the visitor goes in through `textContent` — never as HTML.
 */

export interface ChatUiEvents {
  toggle(open: boolean): void;
  send(text: string): void;
  quickReply(reply: QuickReply): void;
  restart(): void;
}

export interface ChatUi {
  isOpen(): boolean;
  setOpen(open: boolean): void;
  /** Shows the conversation: messages not yet on screen are added in `seq` order. */
  showMessages(messages: readonly ChatMessage[]): void;
  /** Forgets the messages on screen (a new conversation). */
  clearMessages(): void;
  quickReplies(replies: readonly QuickReply[]): void;
  /** The line under the title: who the visitor is talking to, or that someone will join. */
  subtitle(text: string): void;
  status(text: string, tone?: 'error'): void;
  /** `ready`: the visitor may type; `busy`: a message is on its way; `off`: the conversation is over or not started. */
  composer(state: 'ready' | 'busy' | 'off'): void;
  clearInput(): void;
  showRestart(on: boolean): void;
  unread(count: number): void;
}

let counter = 0;

/** Renders the launcher and the (closed) panel into `host`'s new shadow root. */
export function renderChat(
  host: Element,
  lang: Lang,
  overrides: Record<string, Text>,
  on: ChatUiEvents,
): ChatUi {
  const say = (key: ChatTextKey, vars: { n?: number; name?: string } = {}) =>
    chatText(key, lang, vars, overrides);
  const root = host.attachShadow({ mode: 'open' });
  addStyles(root, CHAT_STYLES);
  const id = `pc${++counter}`;

  const wrap = el('div', { class: 'w', lang });
  const panel = el('section', {
    class: 'p',
    id: `${id}-panel`,
    role: 'dialog',
    'aria-labelledby': `${id}-title`,
    'data-piltuvas': 'chat-panel',
  });
  panel.hidden = true;

  const header = el('div', { class: 'h' });
  const heading = el('div');
  const title = el('strong', { id: `${id}-title` }, say('title'));
  const sub = el('small', { 'data-piltuvas': 'chat-subtitle' });
  heading.append(title, sub);
  const hide = el('button', { type: 'button', class: 'x', 'aria-label': say('hide') }, '×');
  header.append(heading, hide);

  const log = el('ol', {
    class: 'g',
    role: 'log',
    'aria-live': 'polite',
    'aria-label': say('log'),
    'data-piltuvas': 'chat-log',
  });
  const quick = el('div', { class: 'q', role: 'group', 'aria-label': say('quickReplies') });
  const statusLine = el('p', { class: 's', role: 'status', 'data-piltuvas': 'chat-status' });
  const restart = el(
    'button',
    { type: 'button', class: 'r', 'data-piltuvas': 'chat-restart' },
    say('restart'),
  );
  restart.hidden = true;

  const form = el('form', { 'data-piltuvas': 'chat-form' });
  const input = el('textarea', {
    rows: '1',
    maxlength: String(MAX_BODY_LENGTH),
    placeholder: say('placeholder'),
    'aria-label': say('placeholder'),
    'data-piltuvas': 'chat-input',
  });
  const sendButton = el('button', { type: 'submit', 'data-piltuvas': 'chat-send' }, say('send'));
  form.append(input, sendButton);
  panel.append(header, log, quick, statusLine, restart, form);

  const launcher = el('button', {
    type: 'button',
    class: 'l',
    'aria-expanded': 'false',
    'aria-controls': panel.id,
    'data-piltuvas': 'chat-launcher',
  });
  const badge = el('span', { class: 'b', 'data-piltuvas': 'chat-unread' });
  badge.hidden = true;
  launcher.append(el('span', {}, say('launcher')), badge);
  wrap.append(panel, launcher);
  root.append(wrap);

  const shown = new Map<number, HTMLElement>();
  let state: 'ready' | 'busy' | 'off' = 'off';

  const submit = () => {
    if (state !== 'ready') return;
    if (input.value.trim()) on.send(input.value);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  launcher.addEventListener('click', () => on.toggle(panel.hidden));
  hide.addEventListener('click', () => on.toggle(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') on.toggle(false);
  });
  restart.addEventListener('click', () => on.restart());

  const messageItem = (message: ChatMessage) => {
    const item = el('li', {
      class: 'm',
      'data-piltuvas': 'chat-message',
      'data-sender': message.sender,
      'data-seq': String(message.seq),
    });
    const author =
      message.sender === 'user'
        ? (message.authorName ?? say('team'))
        : message.sender === 'bot'
          ? (message.authorName ?? say('bot'))
          : null;
    if (author) item.append(el('span', { class: 'a' }, author));
    item.append(el('span', { 'data-piltuvas': 'chat-body' }, message.body));
    return item;
  };

  const ui: ChatUi = {
    isOpen: () => !panel.hidden,
    setOpen(open) {
      panel.hidden = !open;
      launcher.setAttribute('aria-expanded', String(open));
      if (open) {
        log.scrollTop = log.scrollHeight;
        if (state === 'ready') input.focus();
      } else {
        launcher.focus();
      }
    },
    showMessages(messages) {
      for (const message of messages) {
        if (shown.has(message.seq)) continue;
        const item = messageItem(message);
        const later = [...shown.entries()].filter(([seq]) => seq > message.seq).sort(([a], [b]) => a - b)[0];
        log.insertBefore(item, later ? later[1] : null);
        shown.set(message.seq, item);
      }
      log.scrollTop = log.scrollHeight;
    },
    clearMessages() {
      shown.clear();
      log.replaceChildren();
    },
    quickReplies(replies) {
      quick.replaceChildren(
        ...replies.map((reply) => {
          const button = el('button', { type: 'button', 'data-piltuvas': 'chat-quick-reply' }, reply.label);
          button.addEventListener('click', () => {
            if (state === 'ready') on.quickReply(reply);
          });
          return button;
        }),
      );
      quick.hidden = replies.length === 0;
    },
    subtitle(text) {
      sub.textContent = text;
    },
    status(text, tone) {
      statusLine.textContent = text;
      if (tone) statusLine.setAttribute('data-tone', tone);
      else statusLine.removeAttribute('data-tone');
    },
    composer(next) {
      const hadFocus = root.activeElement === input;
      state = next;
      input.disabled = next === 'off';
      sendButton.disabled = next !== 'ready';
      form.setAttribute('aria-busy', String(next === 'busy'));
      for (const button of quick.querySelectorAll('button')) button.disabled = next !== 'ready';
      if (next === 'ready' && (hadFocus || !panel.hidden)) input.focus();
    },
    clearInput() {
      input.value = '';
    },
    showRestart(on) {
      restart.hidden = !on;
      form.hidden = on;
    },
    unread(count) {
      badge.textContent = count > 0 ? String(count) : '';
      badge.hidden = count === 0;
      if (count > 0) badge.setAttribute('aria-label', say('unread', { n: count }));
      else badge.removeAttribute('aria-label');
    },
  };
  quick.hidden = true;
  return ui;
}
