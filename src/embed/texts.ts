import type { Lang, Text } from './types.js';

/** The script's own sentences, in both languages; `{n}` is a number of seconds. */
export const MESSAGES = {
  required: { lt: 'Užpildykite šį lauką.', en: 'Please fill in this field.' },
  email: { lt: 'Įveskite teisingą el. pašto adresą.', en: 'Please enter a valid e-mail address.' },
  consent: {
    lt: 'Norėdami pateikti formą, pažymėkite sutikimą.',
    en: 'Please tick the consent box to submit the form.',
  },
  tooLong: { lt: 'Tekstas per ilgas.', en: 'This text is too long.' },
  invalid: { lt: 'Patikrinkite šią reikšmę.', en: 'Please check this value.' },
  check: { lt: 'Pataisykite pažymėtus laukus.', en: 'Please correct the marked fields.' },
  choose: { lt: 'Pasirinkite…', en: 'Choose…' },
  sending: { lt: 'Siunčiama…', en: 'Sending…' },
  network: {
    lt: 'Kol kas nepavyko išsiųsti – bandysime dar kartą po {n} s.',
    en: 'Could not send yet — trying again in {n} s.',
  },
  rateLimited: {
    lt: 'Šiuo metu per daug pateikimų – bandysime dar kartą po {n} s.',
    en: 'Too many submissions right now — retrying in {n} s.',
  },
  failed: { lt: 'Formos pateikti nepavyko.', en: 'The form could not be submitted.' },
} satisfies Record<string, Text>;

export type MessageKey = keyof typeof MESSAGES;

/** A text in the chosen language, else the other one when a form left it empty: `pick({ lt: '', en: 'Hi' }, 'lt')` → 'Hi'. */
export function pick(text: Text, lang: Lang): string {
  return text[lang] || text[lang === 'lt' ? 'en' : 'lt'] || '';
}

/** One of the script's sentences: `message('network', 'en', 15)` → 'Connection problem — we will try again in 15 s.' */
export function message(key: MessageKey, lang: Lang, seconds = 0): string {
  return pick(MESSAGES[key], lang).replace('{n}', String(seconds));
}

/** `lt`, `lt-LT`, `EN-gb` → the language; anything else → null. */
function languageOf(tag: string | null | undefined): Lang | null {
  const match = /^(lt|en)(-|$)/i.exec((tag ?? '').trim());
  return match ? (match[1]!.toLowerCase() as Lang) : null;
}

/**
 * The form's language: the first `data-lang` that names one, else the page's `<html lang>`, else the form's default.
 * `chooseLanguage([null, 'en'], 'lt-LT', 'lt')` → 'en'.
 */
export function chooseLanguage(
  dataLangs: Array<string | null | undefined>,
  pageLang: string,
  fallback: Lang,
): Lang {
  for (const tag of dataLangs) {
    const lang = languageOf(tag);
    if (lang) return lang;
  }
  return languageOf(pageLang) ?? fallback;
}

export type TextPart = { text: string; href?: string };

/**
 * A form's text cut into plain runs and http(s) links, so a consent wording can link its privacy policy while
 * everything stays `textContent`. `linkParts('See https://a.lt/p.')` → `[{ text: 'See ' }, { text: 'https://a.lt/p', href: … }, { text: '.' }]`.
 */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let rest = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"']+/g)) {
    const link = match[0].replace(/[.,;:!?)]+$/, '');
    let href: string | undefined;
    try {
      href = new URL(link).href;
    } catch {
      // why: a malformed address stays plain text.
      continue;
    }
    if (match.index! > rest) parts.push({ text: text.slice(rest, match.index) });
    parts.push({ text: link, href });
    rest = match.index! + link.length;
  }
  if (rest < text.length) parts.push({ text: text.slice(rest) });
  return parts;
}
