import i18n from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../domain/accounts/user';
import en from './en.json';
import lt from './lt.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

export type { Locale };

const STORAGE_KEY = 'piltuvas.locale';

function isLocale(value: string | null | undefined): value is Locale {
  return (LOCALES as readonly (string | null | undefined)[]).includes(value);
}

/** Before login: the choice stored on this device, else the browser's language (`lt-LT` → lt, else en). */
function initialLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // why: storage can be disabled (privacy mode); the browser language is a fine fallback.
  }
  if (isLocale(stored)) return stored;
  return navigator.language.toLowerCase().startsWith('lt') ? 'lt' : 'en';
}

/** Switches the UI language, remembers it on this device and tells assistive tech via `<html lang>`. */
export async function setLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // why: not remembering the choice on this device is harmless; the user's profile keeps it.
  }
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

/** The BCP 47 tag used for Intl formatting of the current language. */
export function intlLocale(): string {
  return currentLocale() === 'lt' ? 'lt-LT' : 'en-GB';
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n
  .use(new ICU())
  .use(initReactI18next)
  .init({
    resources: { lt: { translation: lt }, en: { translation: en } },
    lng: initialLocale(),
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    // why: the resources are bundled, so the first render can already speak the right language.
    initAsync: false,
  });

export { i18n };
