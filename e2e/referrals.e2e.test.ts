import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createLeadByApi, signedInPage } from './pages.js';
import { useBrowserApp } from './support.js';

const EN = { email: 'Email', password: 'Password', logIn: 'Log in' };

async function addField(page: Page, name: string): Promise<void> {
  await page.getByTestId('form-field-add').click();
  await page.getByRole('option', { name, exact: true }).click();
}

describe('referrals in the browser', () => {
  const app = useBrowserApp();

  it('a person’s referral link opens the referral form, and the friend’s lead names who referred them', async () => {
    const admin = await signedInPage(app.browser, app.server.url, 'en', EN);
    const { page } = admin;
    const ona = await createLeadByApi(page, app.server.url, {
      firstName: 'Ona',
      lastName: 'Rekomendė',
      emails: ['ona.rekomende@example.lt'],
    });

    // The referral form: built like any form, with its purpose set to referrals.
    await page.getByTestId('nav-forms').click();
    await page.getByTestId('forms-new').click();
    await page.getByTestId('form-name').fill('Recommend a friend');
    await addField(page, 'First name');
    await addField(page, 'E-mail');
    await page.getByTestId('form-field-required-person.email').check({ force: true });
    await page.getByTestId('form-kind').click();
    await page.getByRole('option', { name: 'Referral form', exact: true }).click();
    await page.getByTestId('form-min-fill').fill('0');
    await page.getByTestId('form-save').click();
    await page.getByTestId('form-embed-script').waitFor();

    // Ona's personal link, from her page.
    await page.goto(`${app.server.url}/people/${ona.personId}`);
    await page.getByTestId('person-referral-make').click();
    const shown = page.getByTestId('person-referral-link');
    await shown.waitFor();
    const link = ((await shown.textContent()) ?? '').trim();
    expect(link).toMatch(/\/r\/[A-Za-z0-9_-]+$/);

    // A friend follows it and fills in the form.
    const friend = await app.browser.newContext({ locale: 'en-GB' });
    const f = await friend.newPage();
    await f.goto(link);
    await f.locator('[name="person.firstName"]').fill('Draugas');
    await f.locator('[name="person.email"]').fill('draugas.rekomenduotas@example.lt');
    await f.locator('[data-piltuvas="form"] button[type="submit"]').click();
    await f.locator('[data-piltuvas="thank-you"]').waitFor();
    await friend.close();

    // The friend's lead says who referred them, with the way to her.
    await page.getByTestId('nav-leads').click();
    await page
      .getByRole('link', { name: /Draugas/ })
      .first()
      .click({ timeout: 15_000 });
    const referredBy = page.getByTestId('lead-referred-by');
    await referredBy.waitFor();
    expect(await referredBy.textContent()).toBe('Ona Rekomendė');
    await referredBy.click();
    await page.waitForURL(`**/people/${ona.personId}`);
    await admin.close();
  });
});
