import { type Lang, TIMEFRAME_CHOICES } from '../forms/form-fields.js';
import { isValidEmail, normalisePhone } from '../people/contact-keys.js';
import { type BotScript, botText } from './bot-texts.js';

/**
 * The website chat's bot: a few questions that make a lead — name, a way to reach the visitor
 * (e-mail or phone), what they are interested in, and when they mean to buy — asked in the
 * visitor's language, re-asked with the reason when an answer does not fit. Pure: the server
 * stores the state between messages and turns `capture` into a lead.
 */

export type BotStep = 'name' | 'contact' | 'interest' | 'timeframe' | 'done';

export interface BotState {
  step: BotStep;
  lang: Lang;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  /** E.164. */
  phone: string | null;
  productIds: string[];
  interest: string | null;
  /** A timeframe choice value (`now`, `1m` … `unknown`), as web forms take it. */
  timeframe: string | null;
}

export interface QuickReply {
  value: string;
  label: string;
}

export interface BotReply {
  text: string;
  quickReplies?: QuickReply[];
}

export interface BotProduct {
  id: string;
  name: string;
}

/** What the bot may offer: the active products of the catalogue. */
export interface BotCatalogue {
  products: readonly BotProduct[];
}

/** What the visitor told the bot, ready to become a lead. */
export interface BotCapture {
  firstName: string;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  productIds: string[];
  interest: string | null;
  timeframe: string | null;
}

export interface BotTurn {
  replies: BotReply[];
  state: BotState;
  /** Set once, on the answer that completes the questions. */
  capture?: BotCapture;
}

/** Quick replies offered for products: more would not fit a chat panel. */
export const MAX_PRODUCT_REPLIES = 8;
const MAX_NAME_LENGTH = 100;

/**
 * The greeting and the first question of a new conversation, in the widget's wording (`script`)
 * where it has one. `startBot('en').replies` → `[{ text: 'Hello! …' }, { text: 'What is your name?' }]`.
 */
export function startBot(lang: Lang, script?: BotScript): BotTurn {
  const state: BotState = {
    step: 'name',
    lang,
    firstName: null,
    lastName: null,
    email: null,
    phone: null,
    productIds: [],
    interest: null,
    timeframe: null,
  };
  return {
    replies: [
      { text: botText('greeting', lang, '', script) },
      { text: botText('askName', lang, '', script) },
    ],
    state,
  };
}

/**
 * The bot's answer to the visitor's `message` at `state.step`, and the state after it.
 * Example: at `contact`, `'ona@uab.lt'` → the interest question; `'ona@'` → the e-mail re-asked.
 */
export function next(state: BotState, message: string, catalogue: BotCatalogue, script?: BotScript): BotTurn {
  const text = message.replace(/\s+/g, ' ').trim();
  const { lang } = state;
  switch (state.step) {
    case 'name': {
      const name = readName(text);
      if (!name) return { replies: [{ text: botText('nameInvalid', lang) }], state };
      return {
        replies: [{ text: botText('askContact', lang, name.firstName, script) }],
        state: { ...state, ...name, step: 'contact' },
      };
    }
    case 'contact': {
      const contact = readContact(text);
      if ('problem' in contact) return { replies: [{ text: botText(contact.problem, lang) }], state };
      return {
        replies: [interestQuestion(lang, catalogue, script)],
        state: { ...state, ...contact, step: 'interest' },
      };
    }
    case 'interest': {
      const product = catalogue.products.find((p) => sameText(p.id, text) || sameText(p.name, text));
      return {
        replies: [timeframeQuestion(lang, script)],
        state: {
          ...state,
          productIds: product ? [product.id] : [],
          interest: product ? product.name : text,
          step: 'timeframe',
        },
      };
    }
    case 'timeframe': {
      const choice = TIMEFRAME_CHOICES.find(
        (c) => sameText(c.value, text) || sameText(c.label.lt, text) || sameText(c.label.en, text),
      );
      if (!choice) {
        const again = timeframeQuestion(lang, script);
        return { replies: [{ ...again, text: botText('timeframeInvalid', lang) }], state };
      }
      const done: BotState = { ...state, timeframe: choice.value, step: 'done' };
      const capture = captureOf(done);
      return {
        replies: [{ text: botText('done', lang, done.firstName ?? '', script) }],
        state: done,
        ...(capture ? { capture } : {}),
      };
    }
    case 'done':
      return { replies: [], state };
  }
}

/**
 * What is known so far, when it is enough for a lead (a name and a way to reach the person):
 * a colleague who joins before the bot is done still gets the lead.
 */
export function captureOf(state: BotState): BotCapture | null {
  if (!state.firstName || !(state.email || state.phone)) return null;
  return {
    firstName: state.firstName,
    lastName: state.lastName,
    email: state.email,
    phone: state.phone,
    productIds: state.productIds,
    interest: state.interest,
    timeframe: state.timeframe,
  };
}

/** The visitor's name as they wrote it: `'ona  petraitytė'` → `{ firstName: 'ona', lastName: 'petraitytė' }`. */
export function readName(text: string): { firstName: string; lastName: string | null } | null {
  if (!text || text.length > MAX_NAME_LENGTH || !/\p{L}/u.test(text) || /[@\d]/.test(text)) return null;
  const [firstName = '', ...rest] = text.split(' ');
  return { firstName, lastName: rest.length ? rest.join(' ') : null };
}

type ContactProblem = 'emailInvalid' | 'phoneInvalid' | 'contactUnclear';

/** An e-mail address or a phone number (national forms read as Lithuanian), or why not. */
export function readContact(
  text: string,
): { email: string; phone: null } | { email: null; phone: string } | { problem: ContactProblem } {
  if (text.includes('@')) {
    return isValidEmail(text) ? { email: text, phone: null } : { problem: 'emailInvalid' };
  }
  if (/\d/.test(text)) {
    const phone = normalisePhone(text, 'LT');
    return phone ? { email: null, phone } : { problem: 'phoneInvalid' };
  }
  return { problem: 'contactUnclear' };
}

function interestQuestion(lang: Lang, catalogue: BotCatalogue, script?: BotScript): BotReply {
  const products = catalogue.products.slice(0, MAX_PRODUCT_REPLIES);
  if (!products.length) return { text: botText('askInterestFree', lang, '', script) };
  return {
    text: botText('askInterest', lang, '', script),
    quickReplies: products.map((p) => ({ value: p.id, label: p.name })),
  };
}

function timeframeQuestion(lang: Lang, script?: BotScript): BotReply {
  return {
    text: botText('askTimeframe', lang, '', script),
    quickReplies: TIMEFRAME_CHOICES.map((c) => ({ value: c.value, label: c.label[lang] })),
  };
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('lt') === b.toLocaleLowerCase('lt');
}
