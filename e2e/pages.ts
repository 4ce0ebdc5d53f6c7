import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { ADMIN } from './support.js';

/** Browser steps several flows share: signing in, choosing the language, preparing data through the API. */

/** Logs the admin in; the sign-in page speaks the browser's language. */
export async function logIn(
  page: Page,
  url: string,
  words: { email: string; password: string; logIn: string },
): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel(words.email, { exact: true }).fill(ADMIN.email);
  await page.getByLabel(words.password, { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: words.logIn }).click();
  await page.getByTestId('user-menu').waitFor();
}

export async function pickLanguage(page: Page, locale: 'lt' | 'en'): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId(`lang-${locale}`).click();
}

/** The first navigation link, by language: seeing it means the app speaks that language. */
const HOME_LINK = { en: 'Today', lt: 'Šiandien' } as const;

/**
 * A fresh browser context with the admin signed in and the app in `locale` (`words` are the sign-in
 * page's labels in that language): `{ page, close }`.
 */
export async function signedInPage(
  browser: Browser,
  url: string,
  locale: 'en' | 'lt',
  words: { email: string; password: string; logIn: string },
  options: BrowserContextOptions = {},
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: locale === 'en' ? 'en-GB' : 'lt-LT', ...options });
  const page = await context.newPage();
  await logIn(page, url, words);
  await pickLanguage(page, locale);
  await page.getByRole('link', { name: HOME_LINK[locale] }).first().waitFor();
  return { page, close: () => context.close() };
}

/** A JSON request with the page's session cookie and CSRF token; fails the test on an unexpected status. */
export async function apiCall<T>(
  page: Page,
  url: string,
  method: 'POST' | 'PATCH',
  path: string,
  data: unknown,
  status = method === 'POST' ? 201 : 200,
): Promise<T> {
  const cookies = await page.context().cookies(url);
  const csrf = decodeURIComponent(cookies.find((cookie) => cookie.name === 'piltuvas_csrf')?.value ?? '');
  const response = await page.request.fetch(`${url}/api/v1${path}`, {
    method,
    data,
    headers: { 'X-CSRF-Token': csrf },
  });
  if (response.status() !== status) {
    throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

export interface CreatedLead {
  id: string;
  title: string;
  personId: string | null;
}

/** A lead with its person, made through the API to open, search, match or drag. */
export function createLeadByApi(
  page: Page,
  url: string,
  person: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<CreatedLead> {
  return apiCall<CreatedLead>(page, url, 'POST', '/leads', { person, timeframe: null, ...extra });
}
