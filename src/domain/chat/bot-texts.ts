import type { Lang, LocalText } from '../forms/form-fields.js';

/**
 * What the chat bot and the conversation's own notices say, in Lithuanian and English: the
 * visitor's language picks one. `{name}` is a person's name.
 */
export const BOT_TEXTS = {
  greeting: {
    lt: 'Sveiki! Mielai atsakysime į jūsų klausimus.',
    en: 'Hello! We are happy to answer your questions.',
  },
  askName: { lt: 'Kaip jus vadinti?', en: 'What is your name?' },
  nameInvalid: {
    lt: 'Neatpažinome vardo. Parašykite savo vardą ir pavardę raidėmis.',
    en: 'That does not look like a name. Please write your first and last name in letters.',
  },
  askContact: {
    lt: 'Malonu, {name}! Kokiu el. pašto adresu ar telefonu galime su jumis susisiekti?',
    en: 'Nice to meet you, {name}! What e-mail address or phone number can we reach you at?',
  },
  emailInvalid: {
    lt: 'Šis el. pašto adresas atrodo neteisingas. Patikrinkite jį ir parašykite dar kartą.',
    en: 'That e-mail address does not look right. Please check it and write it again.',
  },
  phoneInvalid: {
    lt: 'Šis telefono numeris atrodo neteisingas. Parašykite jį su šalies kodu, pvz. +370 612 34567.',
    en: 'That phone number does not look right. Please write it with the country code, e.g. +370 612 34567.',
  },
  contactUnclear: {
    lt: 'Kad galėtume atsakyti, reikia el. pašto adreso arba telefono numerio.',
    en: 'To get back to you we need an e-mail address or a phone number.',
  },
  askInterest: {
    lt: 'Kas jus domina? Pasirinkite žemiau arba parašykite savais žodžiais.',
    en: 'What are you interested in? Pick one below or write it in your own words.',
  },
  askInterestFree: { lt: 'Kas jus domina?', en: 'What are you interested in?' },
  askTimeframe: { lt: 'Kada planuojate pirkti?', en: 'When are you planning to buy?' },
  timeframeInvalid: {
    lt: 'Neatpažinome atsakymo. Pasirinkite vieną iš žemiau esančių.',
    en: 'We did not recognise that answer. Please pick one of those below.',
  },
  done: {
    lt: 'Ačiū, {name}! Kolega netrukus prisijungs prie pokalbio.',
    en: 'Thank you, {name}! A colleague will join the chat shortly.',
  },
  joined: { lt: '{name} prisijungė prie pokalbio.', en: '{name} joined the chat.' },
  closed: {
    lt: 'Pokalbis baigtas. Ačiū, kad parašėte!',
    en: 'The conversation has ended. Thank you for writing!',
  },
  /** Who said what in a transcript on the lead's timeline. */
  visitor: { lt: 'Lankytojas', en: 'Visitor' },
  bot: { lt: 'Asistentas', en: 'Assistant' },
  team: { lt: 'Komanda', en: 'Team' },
} satisfies Record<string, LocalText>;

export type BotTextKey = keyof typeof BOT_TEXTS;

/** What a widget may word its own way: the greeting, the questions and the closing words (re-asks stay the bot's). */
export const QUESTION_KEYS = ['askName', 'askContact', 'askInterest', 'askTimeframe', 'done'] as const;
export const SCRIPT_KEYS = ['greeting', ...QUESTION_KEYS] as const;
export type QuestionKey = (typeof QUESTION_KEYS)[number];
export type ScriptKey = (typeof SCRIPT_KEYS)[number];
/** A widget's own questions (and closing words), each in both languages. */
export type BotQuestions = Partial<Record<QuestionKey, LocalText>>;

/** A widget's wording of one text as kept: both languages trimmed; blank in both → null (the bot's own). */
export function wordedText(text: LocalText | null | undefined): LocalText | null {
  const lt = text?.lt.trim() ?? '';
  const en = text?.en.trim() ?? '';
  return lt || en ? { lt, en } : null;
}

/** Questions as kept: each text as `wordedText` keeps it, a blank one left out; none → null. */
export function normaliseQuestions(questions: BotQuestions | null | undefined): BotQuestions | null {
  const out: BotQuestions = {};
  for (const key of QUESTION_KEYS) {
    const text = wordedText(questions?.[key]);
    if (text) out[key] = text;
  }
  return Object.keys(out).length ? out : null;
}
/** A widget's wording, per key and language; a missing or blank text is the bot's own. */
export type BotScript = Partial<Record<ScriptKey, Partial<LocalText> | null>>;

/** The script key whose wording a bot text takes: the question without products is the same question. */
function scriptKeyOf(key: BotTextKey): ScriptKey | undefined {
  if (key === 'askInterestFree') return 'askInterest';
  return (SCRIPT_KEYS as readonly string[]).includes(key) ? (key as ScriptKey) : undefined;
}

/**
 * One text in `lang` — the widget's wording (`script`) when it has one — with `{name}` filled:
 * `botText('joined', 'en', 'Ona')` → 'Ona joined the chat.'
 */
export function botText(key: BotTextKey, lang: Lang, name = '', script?: BotScript): string {
  const scriptKey = scriptKeyOf(key);
  const own = scriptKey ? script?.[scriptKey]?.[lang]?.trim() : undefined;
  // why a function: a replacement string would read `$&`, `$'` … in a visitor's name as patterns
  return (own || BOT_TEXTS[key][lang]).replaceAll('{name}', () => name);
}
