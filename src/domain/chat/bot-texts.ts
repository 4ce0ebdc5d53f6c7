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

/** One text in `lang` with `{name}` filled: `botText('joined', 'en', 'Ona')` → 'Ona joined the chat.' */
export function botText(key: BotTextKey, lang: Lang, name = ''): string {
  return BOT_TEXTS[key][lang].replaceAll('{name}', name);
}
