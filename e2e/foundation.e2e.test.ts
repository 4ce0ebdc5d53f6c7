import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, launchChromium, type RunningServer, startBuiltServer, tempDataDir } from './support.js';

const REP = { name: 'Rūta Repaitė', email: 'ruta@example.lt', password: 'ruta sells a lot' };

async function logIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('user-menu').waitFor();
}

async function pickLanguage(page: Page, locale: 'lt' | 'en'): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId(`lang-${locale}`).click();
}

describe('foundation in the browser', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startBuiltServer(dataDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs in, switches to Lithuanian and back, creates a team and a rep, and the rep sees no admin pages', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await logIn(page, server.url, ADMIN.email, ADMIN.password);
    // The first admin never chose a language, so the first sign-in follows the browser (en-GB).
    await page.getByRole('link', { name: 'Today' }).first().waitFor();

    await pickLanguage(page, 'lt');
    await page.getByRole('link', { name: 'Šiandien' }).first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('lt');
    await pickLanguage(page, 'en');
    await page.getByRole('link', { name: 'Today' }).first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.getByTestId('nav-admin-teams').click();
    await page.getByRole('button', { name: 'New team' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Šiaurė');
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await page.getByRole('cell', { name: 'Šiaurė' }).waitFor();

    await page.getByTestId('nav-admin-users').click();
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(REP.name);
    await dialog.getByRole('textbox', { name: 'Email' }).fill(REP.email);
    await dialog.getByLabel('Role').click();
    await page.getByRole('option', { name: 'Sales representative' }).click();
    await dialog.getByLabel('Team').click();
    await page.getByRole('option', { name: 'Šiaurė' }).click();
    await dialog.getByLabel('Password', { exact: true }).fill(REP.password);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('cell', { name: REP.email }).waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();

    await logIn(page, server.url, REP.email, REP.password);
    expect(await page.getByTestId('nav-admin-users').count()).toBe(0);
    expect(await page.getByTestId('nav-admin-teams').count()).toBe(0);
    expect(await page.getByText('Administration').count()).toBe(0);
    await page.goto(`${server.url}/admin/users`);
    await page.getByText('No access').waitFor();
    expect(await page.getByRole('cell', { name: ADMIN.email }).count()).toBe(0);
    await context.close();
  });

  it('keeps every account after a restart', async () => {
    await server.stop();
    server = await startBuiltServer(dataDir);
    expect(server.output()).not.toContain('first administrator created');
    const page = await browser.newPage({ locale: 'en-GB' });
    await logIn(page, server.url, REP.email, REP.password);
    await page.getByTestId('user-menu').click();
    await page.getByText(REP.name).first().waitFor();
    await page.close();
  });

  it('is usable on a phone: the navigation opens from the burger', async () => {
    const context = await browser.newContext({
      locale: 'lt-LT',
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('button', { name: 'Prisijungti' }).waitFor();
    await page.getByLabel('El. paštas', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Slaptažodis', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Prisijungti' }).click();
    await page.getByTestId('user-menu').waitFor();
    // The admin chose English in the first test: the app follows the user, not the phone.
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await page.getByTestId('nav-admin-users').click();
    await page.getByRole('cell', { name: REP.email }).waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
