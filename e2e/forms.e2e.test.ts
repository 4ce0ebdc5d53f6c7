import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPage } from './pages.js';
import { useBrowserApp } from './support.js';

const EN = { email: 'Email', password: 'Password', logIn: 'Log in' };

/**
 * A customer's website on another port: a landing page with only the tracker, and a contact page
 * with the form's script tag — as a site owner would paste them.
 */
function startSite(appUrl: string, formId: () => string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (path === '/landing') {
      res.end(
        `<!doctype html><html lang="en"><body><h1>Offers</h1><a href="/contact?utm_source=site&utm_medium=menu">Contact</a><script src="${appUrl}/embed/tracker.js" async></script></body></html>`,
      );
      return;
    }
    if (path === '/contact') {
      res.end(
        `<!doctype html><html lang="en"><body><h1>Contact us</h1><script src="${appUrl}/embed/forms/${formId()}.js" async></script></body></html>`,
      );
      return;
    }
    res.statusCode = 404;
    res.end('not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function addField(page: Page, name: string): Promise<void> {
  await page.getByTestId('form-field-add').click();
  await page.getByRole('option', { name, exact: true }).click();
}

describe('web forms in the browser', () => {
  const app = useBrowserApp();
  let site: Server;
  let siteUrl = '';
  let formId = '';

  beforeAll(async () => {
    site = await startSite(app.server.url, () => formId);
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

  it('builds a form, embeds it on another site, and a visitor from a campaign becomes a lead with attribution', async () => {
    const admin = await signedInPage(app.browser, app.server.url, 'en', EN);
    const { page } = admin;
    await page.getByTestId('nav-forms').click();
    await page.getByTestId('forms-new').click();
    await page.getByTestId('form-name').fill('Price enquiry');
    await addField(page, 'First name');
    await addField(page, 'E-mail');
    await addField(page, 'Message');
    await page.getByTestId('form-field-required-person.email').check({ force: true });
    await page.getByTestId('form-consent-toggle').check({ force: true });
    await page.getByTestId('form-consent-lt').fill('Sutinku, kad su manimi susisiektų');
    await page.getByTestId('form-consent-en').fill('I agree to be contacted');
    await page.getByTestId('form-origins').fill(siteUrl);
    await page.getByTestId('form-origins').press('Enter');
    await page.getByTestId('form-min-fill').fill('0');
    await page.getByTestId('form-save').click();
    const script = page.getByTestId('form-embed-script');
    await expect.poll(async () => (await script.textContent()) ?? '').toContain('/embed/forms/');
    formId = /embed\/forms\/([0-9a-f-]{36})\.js/.exec((await script.textContent()) ?? '')?.[1] ?? '';
    expect(formId).not.toBe('');

    // A visitor lands from a newsletter, browses to the contact page and submits.
    const visitor = await app.browser.newContext({ locale: 'en-GB' });
    const v = await visitor.newPage();
    await v.goto(`${siteUrl}/landing?utm_source=newsletter&utm_medium=email&utm_campaign=autumn`);
    await v.waitForFunction("localStorage.getItem('piltuvas.touch.first') !== null");
    await v.goto(`${siteUrl}/contact?utm_source=google&utm_medium=cpc&gclid=xyz789`);
    await v.locator('[name="person.firstName"]').fill('Ieva');
    await v.locator('[name="person.email"]').fill('ieva.visitor@example.lt');
    await v.locator('[name="lead.message"]').fill('<b>Hello</b> please call');
    await v.locator('[data-piltuvas="form"] button[type="submit"]').click();
    // Consent is required: the form says so before anything is sent.
    await v.locator('[data-piltuvas="error"][data-field="consent"]').waitFor();
    await v.locator('[name="consent"]').check();
    await v.locator('[data-piltuvas="form"] button[type="submit"]').click();
    await v.locator('[data-piltuvas="thank-you"]').waitFor();
    await visitor.close();

    // The lead appears with where it came from.
    await page.getByTestId('nav-leads').click();
    await page.getByRole('link', { name: /Ieva/ }).first().click({ timeout: 15_000 });
    const attribution = page.getByTestId('lead-attribution');
    await attribution.waitFor();
    await expect
      .poll(async () => (await attribution.textContent()) ?? '')
      .toContain('newsletter / email / autumn');
    expect(await attribution.textContent()).toContain('google / cpc');
    expect(await attribution.textContent()).toContain('gclid xyz789');
    // The visitor's message is shown as text, never as markup.
    await expect
      .poll(async () => (await page.locator('body').textContent()) ?? '')
      .toContain('<b>Hello</b> please call');
    await admin.close();
  });

  it('holds a scripted submission (no render token) in quarantine, and a person releases it', async () => {
    const admin = await signedInPage(app.browser, app.server.url, 'en', EN);
    const { page } = admin;
    // A script posting straight to the endpoint never got the form's render token: quarantine.
    const stranger = await app.browser.newContext();
    const s = await stranger.newPage();
    await s.goto(`${app.server.url}/embed/forms/${formId}`);
    await s.evaluate(
      async ({ url, id }) => {
        await fetch(`${url}/api/public/forms/${id}/submissions`, {
          method: 'POST',
          body: new URLSearchParams({
            'person.firstName': 'Spam',
            'person.email': 'spam@example.lt',
            consent: 'yes',
          }),
        });
      },
      { url: app.server.url, id: formId },
    );
    await stranger.close();
    await page.goto(`${app.server.url}/forms/${formId}`);
    await page.getByTestId('form-tab-quarantine').click();
    const row = page.getByTestId('quarantine-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('spam@example.lt');
    await row.getByTestId('quarantine-release').click();
    await expect.poll(async () => page.getByTestId('quarantine-row').count()).toBe(0);
    await admin.close();
  });
});
