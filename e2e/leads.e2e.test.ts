import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createLeadByApi, logIn, pickLanguage, signedInPage } from './pages.js';
import { useBrowserApp } from './support.js';

/** The words of the screens a test clicks through, per language. */
const EN = {
  email: 'Email',
  password: 'Password',
  logIn: 'Log in',
  newLead: 'New lead',
  firstName: 'First name',
  lastName: 'Last name',
  jobTitle: 'Job title',
  source: 'Source',
  submit: 'Create lead',
  timeframe: { now: 'Now', none: 'Not known' },
};
const LT = {
  ...EN,
  email: 'El. paštas',
  password: 'Slaptažodis',
  logIn: 'Prisijungti',
  newLead: 'Naujas potencialus klientas',
  firstName: 'Vardas',
  lastName: 'Pavardė',
  jobTitle: 'Pareigos',
  source: 'Šaltinis',
  submit: 'Sukurti',
  timeframe: { now: 'Dabar', none: 'Nežinomas' },
};
type Words = typeof EN;

interface NewLead {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  jobTitle?: string;
  source?: string;
  timeframe: 'now' | 'none';
}

/** Fills the new-lead form; the caller submits, so it can look at refusals first. */
async function fillNewLead(page: Page, words: Words, lead: NewLead): Promise<void> {
  await page.getByTestId('nav-leads').click();
  await page.getByRole('link', { name: words.newLead }).click();
  await page.getByLabel(words.firstName, { exact: true }).fill(lead.firstName);
  await page.getByLabel(words.lastName, { exact: true }).fill(lead.lastName);
  if (lead.email) await page.getByTestId('emails-0').fill(lead.email);
  if (lead.phone) await page.getByTestId('phones-0').fill(lead.phone);
  if (lead.jobTitle) await page.getByLabel(words.jobTitle, { exact: true }).fill(lead.jobTitle);
  await page
    .getByTestId('timeframe-kind')
    .getByText(words.timeframe[lead.timeframe], { exact: true })
    .click();
  if (lead.source) {
    await page.getByRole('combobox', { name: words.source }).click();
    await page.getByRole('option', { name: lead.source }).click();
  }
}

async function createLead(page: Page, words: Words, lead: NewLead): Promise<void> {
  await fillNewLead(page, words, lead);
  await page.getByRole('button', { name: words.submit, exact: true }).click();
  await page
    .getByTestId('lead-title')
    .filter({ hasText: `${lead.firstName} ${lead.lastName}` })
    .waitFor();
}

const badge = (page: Page, kind: 'stage' | 'temperature', text: string) =>
  page.getByTestId(`${kind}-badge`).filter({ hasText: new RegExp(`^${text}$`) });

const timelineItem = (page: Page, text: string) =>
  page.getByTestId('timeline-item').filter({ hasText: text }).first();

/**
 * Searches the list and waits until the count says `count`. Callers make sure the unfiltered list
 * is longer, so the count changing is the sign the search answered (old rows stay while it loads).
 */
async function search(page: Page, text: string, count: string): Promise<void> {
  await page.getByTestId('nav-leads').click();
  await page.getByTestId('lead-count').waitFor();
  await page.getByTestId('lead-search').fill(text);
  await page.waitForURL(new RegExp(`[?&]q=${text}`));
  await page
    .getByTestId('lead-count')
    .filter({ hasText: new RegExp(`^${count}$`) })
    .waitFor();
}

function dateInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('leads in the browser', () => {
  const app = useBrowserApp();

  async function englishPage(): Promise<{ page: Page; alerts: string[]; close: () => Promise<void> }> {
    const { page, close } = await signedInPage(app.browser, app.server.url, 'en', EN);
    const alerts: string[] = [];
    // A script typed into a note or a name must never run: any dialog it opened would land here.
    page.on('dialog', (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });
    return { page, alerts, close };
  }

  it('creates a hot lead, logs a call, moves it suspect → MQL → SQL and finds it without diacritics', async () => {
    const { page, alerts, close } = await englishPage();
    await createLeadByApi(page, app.server.url, { firstName: 'Jonas', lastName: 'Petrauskas' });
    const lead: NewLead = {
      firstName: 'Jonas',
      lastName: 'Šimkus',
      email: 'jonas.simkus@',
      phone: '+370 612 34567',
      source: 'Web form',
      timeframe: 'now',
    };
    await fillNewLead(page, EN, lead);
    await page.getByRole('button', { name: EN.submit, exact: true }).click();
    // The server's refusal of `person.emails.0` stands under the e-mail input.
    await page.getByText('The format is not valid.').waitFor();
    await page.getByTestId('emails-0').fill('jonas.simkus@example.lt');
    await page.getByRole('button', { name: EN.submit, exact: true }).click();
    await page.getByTestId('lead-title').filter({ hasText: 'Jonas Šimkus' }).waitFor();
    await badge(page, 'temperature', 'Hot').waitFor();
    await badge(page, 'stage', 'Suspect').waitFor();
    await page.getByRole('link', { name: 'jonas.simkus@example.lt' }).waitFor();
    await timelineItem(page, 'Created').waitFor();

    await page.getByRole('button', { name: 'Log call' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Duration (minutes)').fill('5');
    await dialog.getByLabel('Note').fill('Wants a demo <script>alert("xss")</script>\nCall back on Monday');
    await dialog.getByRole('button', { name: 'Log call' }).click();
    await timelineItem(page, 'Outbound · Connected · 5 minutes').waitFor();
    await page.getByTestId('timeline').getByText('Wants a demo <script>alert("xss")</script>').waitFor();

    await page.getByTestId('move-mql').click();
    await badge(page, 'stage', 'MQL').waitFor();
    await timelineItem(page, 'Stage changed: Suspect → MQL').waitFor();
    await page.getByTestId('move-sql').click();
    await badge(page, 'stage', 'SQL').waitFor();
    await timelineItem(page, 'Stage changed: MQL → SQL').waitFor();

    await search(page, 'simkus', '1 lead');
    const rows = page.getByTestId('lead-row');
    expect(await rows.count()).toBe(1);
    await rows.getByRole('link', { name: 'Jonas Šimkus' }).waitFor();
    // The search lives in the address: a reload shows the same list.
    await page.reload();
    await page
      .getByTestId('lead-count')
      .filter({ hasText: /^1 lead$/ })
      .waitFor();
    expect(alerts).toEqual([]);
    await close();
  });

  it('parks a lead with a revisit date and a competitor, and disqualifies another with a reason', async () => {
    const { page, alerts, close } = await englishPage();
    const script = '<img src=x onerror="alert(1)">';
    await createLead(page, EN, {
      firstName: 'Ona',
      lastName: 'Petraitė',
      jobTitle: script,
      timeframe: 'none',
    });
    await badge(page, 'temperature', 'Cold').waitFor();
    await page.getByTestId('person-card').getByText(script).waitFor();
    await page.getByRole('button', { name: 'Park', exact: true }).click();
    const park = page.getByRole('dialog');
    await park.getByLabel('Revisit on').fill(dateInDays(30));
    await park.getByLabel('Competitor').fill('Konkurentas UAB');
    await park.getByRole('button', { name: 'Park', exact: true }).click();
    await badge(page, 'stage', 'Parked').waitFor();
    await timelineItem(page, 'Stage changed: Suspect → Parked').waitFor();
    await timelineItem(page, 'Competitor: Konkurentas UAB').waitFor();

    await createLead(page, EN, { firstName: 'Petras', lastName: 'Žukauskas', timeframe: 'none' });
    await page.getByRole('button', { name: 'Disqualify', exact: true }).click();
    const disqualify = page.getByRole('dialog');
    await disqualify.getByRole('button', { name: 'Disqualify', exact: true }).click();
    await disqualify.getByText('Required').waitFor();
    await disqualify.getByLabel('Reason').click();
    await page.getByRole('option', { name: 'No budget' }).click();
    await disqualify.getByRole('button', { name: 'Disqualify', exact: true }).click();
    await badge(page, 'stage', 'Disqualified').waitFor();
    await timelineItem(page, 'Reason: No budget').waitFor();

    // A lead that does not exist (or that one may not see) is simply not found.
    await page.goto(`${app.server.url}/leads/01900000-0000-7000-8000-00000000dead`);
    await page.getByText('Lead not found').waitFor();
    expect(alerts).toEqual([]);
    await close();
  });

  it("edits a lead's own fields, with a product an admin just added to the catalogue", async () => {
    const { page, alerts, close } = await englishPage();
    await page.getByTestId('nav-admin-products').click();
    await page.getByRole('button', { name: 'New product' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Code').fill('CRM-PRO');
    await form.getByLabel('Name').fill('Piltuvas Pro');
    await form.getByLabel('Unit price').fill('1234.5');
    await form.getByRole('button', { name: 'Create' }).click();
    const row = page.getByTestId('product-row').filter({ hasText: 'CRM-PRO' });
    await row.getByText('1,234.50').waitFor();

    await createLead(page, EN, { firstName: 'Rimas', lastName: 'Redaguotas', timeframe: 'none' });
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Edit the lead' });
    await edit.getByLabel('Title').fill('Rimas — Pro licence');
    await edit.getByLabel('Products and services').click();
    await page.getByRole('option', { name: 'Piltuvas Pro (CRM-PRO)' }).click();
    await edit.getByLabel('Tags').fill('renewal');
    await edit.getByLabel('Tags').press('Enter');
    await edit.getByLabel('Next follow-up').fill(`${dateInDays(3)}T10:30`);
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('lead-title').filter({ hasText: 'Rimas — Pro licence' }).waitFor();
    const facts = page.getByTestId('lead-facts');
    await facts.getByText('Piltuvas Pro', { exact: true }).waitFor();
    await facts.getByText('renewal', { exact: true }).waitFor();

    // A deactivated product is no longer offered, but the leads that have it keep it.
    await page.getByTestId('nav-admin-products').click();
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await row.getByText('Inactive').waitFor();
    await page.goBack();
    await facts.getByText('Piltuvas Pro', { exact: true }).waitFor();
    expect(alerts).toEqual([]);
    await close();
  });

  it('creates and finds a lead in Lithuanian', async () => {
    const context = await app.browser.newContext({ locale: 'lt-LT' });
    const page = await context.newPage();
    await logIn(page, app.server.url, LT);
    await pickLanguage(page, 'lt');
    await page.getByRole('link', { name: 'Šiandien' }).first().waitFor();
    await createLeadByApi(page, app.server.url, { firstName: 'Aistė', lastName: 'Petraitytė' });
    await createLead(page, LT, {
      firstName: 'Aistė',
      lastName: 'Kazlauskaitė',
      source: 'Svetainės forma',
      timeframe: 'now',
    });
    await badge(page, 'temperature', 'Karštas').waitFor();
    await badge(page, 'stage', 'Potencialus').waitFor();
    await timelineItem(page, 'Sukurtas').waitFor();
    await search(page, 'kazlauskaite', '1 potencialus klientas');
    await page.getByTestId('lead-row').getByRole('link', { name: 'Aistė Kazlauskaitė' }).waitFor();
    // Back to English, so the other tests' admin reads English whatever order they run in.
    await pickLanguage(page, 'en');
    await page.getByRole('link', { name: 'Today' }).first().waitFor();
    await context.close();
  });
});
