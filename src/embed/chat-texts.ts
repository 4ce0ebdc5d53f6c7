import { pick } from './texts.js';
import type { Lang, Text } from './types.js';

/** The chat widget's own sentences in both languages; `{n}` is a number, `{name}` a person's name. */
export const CHAT_TEXTS = {
  launcher: { lt: 'Rašykite mums', en: 'Chat with us' },
  title: { lt: 'Pokalbis', en: 'Chat' },
  hide: { lt: 'Suskleisti pokalbį', en: 'Minimise the chat' },
  log: { lt: 'Pokalbio žinutės', en: 'Chat messages' },
  placeholder: { lt: 'Rašykite žinutę…', en: 'Type a message…' },
  send: { lt: 'Siųsti', en: 'Send' },
  quickReplies: { lt: 'Greiti atsakymai', en: 'Quick replies' },
  connecting: { lt: 'Jungiamasi…', en: 'Connecting…' },
  waiting: { lt: 'Netrukus prisijungs komandos narys.', en: 'A team member will join shortly.' },
  withAgent: { lt: 'Kalbatės su {name}', en: 'You are chatting with {name}' },
  closed: { lt: 'Pokalbis baigtas.', en: 'This conversation has ended.' },
  restart: { lt: 'Pradėti naują pokalbį', en: 'Start a new conversation' },
  network: {
    lt: 'Nepavyko išsiųsti – patikrinkite ryšį ir bandykite dar kartą.',
    en: 'Could not send — check your connection and try again.',
  },
  rateLimited: {
    lt: 'Per daug žinučių – bandykite dar kartą po {n} s.',
    en: 'Too many messages — please try again in {n} s.',
  },
  refused: { lt: 'Žinutės išsiųsti nepavyko.', en: 'The message could not be sent.' },
  unavailable: {
    lt: 'Pokalbis šiuo metu nepasiekiamas. Bandykite vėliau.',
    en: 'The chat is not available right now. Please try again later.',
  },
  you: { lt: 'Jūs', en: 'You' },
  bot: { lt: 'Asistentas', en: 'Assistant' },
  team: { lt: 'Komanda', en: 'Team' },
  unread: {
    lt: 'Naujų žinučių: {n}',
    en: 'New messages: {n}',
  },
} satisfies Record<string, Text>;

export type ChatTextKey = keyof typeof CHAT_TEXTS;

/**
 * One of the widget's sentences in `lang`, the widget's own wording (`overrides`) first, placeholders filled:
 * `chatText('withAgent', 'en', { name: 'Ona' })` → 'You are chatting with Ona'.
 */
export function chatText(
  key: ChatTextKey,
  lang: Lang,
  vars: { n?: number; name?: string } = {},
  overrides: Record<string, Text> = {},
): string {
  const own = overrides[key];
  const text = own && pick(own, lang) ? pick(own, lang) : pick(CHAT_TEXTS[key], lang);
  return text.replace('{n}', String(vars.n ?? 0)).replace('{name}', vars.name ?? '');
}
