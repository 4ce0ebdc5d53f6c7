import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createLeadByApi, pickLanguage, signedInPage } from './pages.js';
import { useBrowserApp } from './support.js';

/** The words of the new-lead form, the duplicates notice and the organisation merge screen, per language. */
const EN = {
  email: 'Email',
  password: 'Password',
  logIn: 'Log in',
  today: 'Today',
  newLead: 'New lead',
  firstName: 'First name',
  lastName: 'Last name',
  organisationName: 'Organisation name',
  website: 'Website',
  timeframeNone: 'Not known',
  submit: 'Create lead',
  mergeLink: 'Merge…',
  merge: 'Merge',
  merged: (name: string) => `Merged into ${name}; 1 lead and 1 person moved.`,
  undo: 'Undo',
  unmerged: 'Merge undone: 2 organisations restored.',
  notDuplicate: 'Not a duplicate',
  notDuplicateDone: (name: string) => `${name} will not be offered as a duplicate again.`,
};
const LT: typeof EN = {
  email: 'El. paštas',
  password: 'Slaptažodis',
  logIn: 'Prisijungti',
  today: 'Šiandien',
  newLead: 'Naujas potencialus klientas',
  firstName: 'Vardas',
  lastName: 'Pavardė',
  organisationName: 'Organizacijos pavadinimas',
  website: 'Svetainė',
  timeframeNone: 'Nežinomas',
  submit: 'Sukurti',
  mergeLink: 'Sujungti…',
  merge: 'Sujungti',
  merged: (name: string) => `Sujungta į „${name}“; perkelta: 1 potencialus klientas, 1 asmuo.`,
  undo: 'Anuliuoti',
  unmerged: 'Sujungimas atšauktas: atkurtos 2 organizacijos.',
  notDuplicate: 'Ne dublikatas',
  notDuplicateDone: (name: string) => `„${name}“ daugiau nebus siūloma kaip dublikatas.`,
};

describe('organisations in the browser', () => {
  const app = useBrowserApp();

  const signedIn = (locale: 'en' | 'lt') =>
    signedInPage(app.browser, app.server.url, locale, locale === 'en' ? EN : LT);

  /**
   * An organisation made through the API, then a lead typed into the form with the same website
   * written another way: the lead page opens with the existing organisation as a possible duplicate.
   */
  async function leadWithDuplicateOrganisation(
    page: Page,
    words: typeof EN,
    host: string,
    names: [string, string],
  ) {
    await createLeadByApi(
      page,
      app.server.url,
      { firstName: 'Jonas', lastName: 'Senasis' },
      { organisation: { name: names[0], website: `https://${host}` } },
    );
    await page.getByTestId('nav-leads').click();
    await page.getByRole('link', { name: words.newLead }).click();
    await page.getByLabel(words.firstName, { exact: true }).fill('Ona');
    await page.getByLabel(words.lastName, { exact: true }).fill('Naujoji');
    await page.getByLabel(words.organisationName, { exact: true }).fill(names[1]);
    await page.getByLabel(words.website, { exact: true }).fill(`https://www.${host}/kontaktai`);
    await page.getByTestId('timeframe-kind').getByText(words.timeframeNone, { exact: true }).click();
    await page.getByRole('button', { name: words.submit, exact: true }).click();
    const candidate = page.getByTestId('duplicate-organisation').filter({ hasText: names[0] });
    await candidate.waitFor();
    return candidate;
  }

  it('merges the new organisation into the existing one from the lead page, then unmerges it', async () => {
    const { page, close } = await signedIn('en');
    const candidate = await leadWithDuplicateOrganisation(page, EN, 'jungtis-e2e.lt', [
      'UAB Jungtis',
      'Jungtis UAB',
    ]);
    await candidate.getByRole('link', { name: EN.mergeLink }).click();
    await page
      .getByRole('radiogroup', { name: EN.website })
      .getByRole('radio', { name: 'https://www.jungtis-e2e.lt/kontaktai' })
      .check();
    await page.getByRole('button', { name: EN.merge, exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: EN.merge, exact: true }).click();
    await page.getByTestId('undo-notification').getByText(EN.merged('UAB Jungtis')).waitFor();
    // Back on the lead: its organisation is now the survivor, with the website chosen from the other.
    await page.getByTestId('person-card').getByText('UAB Jungtis').waitFor();
    expect(await page.getByTestId('duplicates-notice').count()).toBe(0);

    await page.getByTestId('undo-notification').getByRole('button', { name: EN.undo }).click();
    await page.getByText(EN.unmerged).waitFor();
    await page.getByTestId('person-card').getByText('Jungtis UAB').waitFor();
    await close();
  });

  it('remembers in Lithuanian that two organisations are not duplicates', async () => {
    const { page, close } = await signedIn('lt');
    const candidate = await leadWithDuplicateOrganisation(page, LT, 'skirtingos-e2e.lt', [
      'UAB Pirmoji',
      'UAB Antroji',
    ]);
    await candidate.getByRole('button', { name: LT.notDuplicate }).click();
    await page.getByText(LT.notDuplicateDone('UAB Pirmoji')).waitFor();
    await page.getByTestId('duplicates-notice').waitFor({ state: 'detached' });
    const leadId = new URL(page.url()).pathname.split('/').pop();
    const lead = await (await page.request.get(`${app.server.url}/api/v1/leads/${leadId}`)).json();
    const duplicates = await (
      await page.request.get(`${app.server.url}/api/v1/organisations/${lead.organisationId}/duplicates`)
    ).json();
    expect(duplicates.items).toEqual([]);
    // Back to English, so the other tests' admin reads English whatever order they run in.
    await pickLanguage(page, 'en');
    await page.getByRole('link', { name: EN.today }).first().waitFor();
    await close();
  });
});
