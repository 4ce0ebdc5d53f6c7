import { intlLocale } from '../i18n';

/** Intl formatting in the current UI language (lt-LT / en-GB) and the signed-in user's time zone. */

let timeZone: string | undefined;

/** Sets the zone for date-times; `undefined` means the browser's own (before login). */
export function setDisplayTimeZone(zone: string | undefined): void {
  timeZone = zone;
}

/** The zone date-times are shown and entered in: the user's, else the browser's. */
export function displayTimeZone(): string {
  return timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(value);
}

/** A calendar date. `YYYY-MM-DD` values are dates without a zone and are shown as they are. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value == null || value === '') return '';
  if (typeof value === 'string' && DATE_ONLY.test(value)) {
    return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${value}T00:00:00Z`),
    );
  }
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone }).format(toDate(value));
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (value == null || value === '') return '';
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    toDate(value),
  );
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(), options).format(value);
}

/** Money is kept as integer cents everywhere: `formatMoney(123456)` → `1 234,56 €` in Lithuanian. */
export function formatMoney(cents: number, currency = 'EUR'): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency }).format(cents / 100);
}

/** A country code as its name in the UI language, with the code: `formatCountry('LT')` → `Lithuania (LT)`. */
export function formatCountry(code: string): string {
  try {
    return `${new Intl.DisplayNames([intlLocale()], { type: 'region' }).of(code.toUpperCase()) ?? code} (${code})`;
  } catch {
    // why: a code the browser does not know is still worth showing as it is.
    return code;
  }
}

/**
 * A duration told in whole units (see `durationParts`): `[{ unit: 'day', value: 2 }, { unit: 'hour',
 * value: 3 }]` → `2 days, 3 hours` in English, `2 dienos, 3 valandos` in Lithuanian.
 */
export function formatDuration(parts: readonly { unit: 'day' | 'hour' | 'minute'; value: number }[]): string {
  const words = parts.map(({ unit, value }) =>
    new Intl.NumberFormat(intlLocale(), { style: 'unit', unit, unitDisplay: 'long' }).format(value),
  );
  return new Intl.ListFormat(intlLocale(), { style: 'long', type: 'unit' }).format(words);
}
