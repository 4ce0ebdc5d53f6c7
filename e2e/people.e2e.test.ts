import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createLeadByApi, pickLanguage, signedInPage } from './pages.js';
import { useBrowserApp } from './support.js';

/** The words of the person and merge screens, per language. */
const EN = {
  email: 'Email',
  password: 'Password',
  logIn: 'Log in',
  today: 'Today',
  samePhone: 'same phone +37061211111',
  mergeLink: 'Merge…',
  merge: 'Merge',
  jobTitle: 'Job title',
  merged: 'Merged into Rūta Merginė; 1 lead moved.',
  undo: 'Undo',
  undoMerge: 'Undo merge',
  unmerged: 'Merge undone: 2 people restored.',
  notDuplicate: 'Not a duplicate',
  noDuplicates: 'Nobody else has the same e-mail or phone.',
};
const LT: typeof EN = {
  email: 'El. paštas',
  password: 'Slaptažodis',
  logIn: 'Prisijungti',
  today: 'Šiandien',
  samePhone: 'tas pats telefonas +37061222222',
  mergeLink: 'Sujungti…',
  merge: 'Sujungti',
  jobTitle: 'Pareigos',
  merged: 'Sujungta į „Rūta Merginė“; perkeltas 1 potencialus klientas.',
  undo: 'Anuliuoti',
  undoMerge: 'Atšaukti sujungimą',
  unmerged: 'Sujungimas atšauktas: atkurti 2 asmenys.',
  notDuplicate: 'Ne dublikatas',
  noDuplicates: 'Niekas kitas neturi to paties el. pašto ar telefono.',
};

describe('people in the browser', () => {
  const app = useBrowserApp();

  const signedIn = (locale: 'en' | 'lt') =>
    signedInPage(app.browser, app.server.url, locale, locale === 'en' ? EN : LT);

  /** Two people whose phone was typed in two formats, each with a lead; opens the first's person page. */
  async function openDuplicates(page: Page, local: string, words: typeof EN): Promise<string> {
    const first = await createLeadByApi(page, app.server.url, {
      firstName: 'Rūta',
      lastName: 'Merginė',
      phones: [`+370 612 ${local}`],
    });
    await createLeadByApi(page, app.server.url, {
      firstName: 'Ruta',
      lastName: 'Mergine',
      jobTitle: 'Direktorė',
      phones: [`8 612 ${local}`],
    });
    await page.goto(`${app.server.url}/leads/${first.id}`);
    await page.getByTestId('person-link').click();
    await page.getByTestId('person-duplicates').getByText(words.samePhone).waitFor();
    return first.id;
  }

  /** Merges "Ruta Mergine" into the page's person, keeping the other's job title. */
  async function mergeTheDuplicate(page: Page, words: typeof EN): Promise<void> {
    const candidate = page.getByTestId('duplicate').filter({ hasText: 'Ruta Mergine' });
    await candidate.getByRole('link', { name: words.mergeLink }).click();
    await page
      .getByTestId('merge-phones')
      .getByText(/\+370612\d{5}/)
      .waitFor();
    await page
      .getByRole('radiogroup', { name: words.jobTitle })
      .getByRole('radio', { name: 'Direktorė' })
      .check();
    await page.getByRole('button', { name: words.merge, exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: words.merge, exact: true }).click();
    await page.getByTestId('undo-notification').getByText(words.merged).waitFor();
    await page.getByTestId('person-lead').nth(1).waitFor();
    expect(await page.getByTestId('person-lead').count()).toBe(2);
    await page.getByTestId('person-duplicates').getByText(words.noDuplicates).waitFor();
    expect(await page.getByLabel(words.jobTitle, { exact: true }).inputValue()).toBe('Direktorė');
  }

  it('merges two people with the same phone typed differently, then unmerges them from the notification', async () => {
    const { page, close } = await signedIn('en');
    await openDuplicates(page, '11111', EN);
    await mergeTheDuplicate(page, EN);
    // Both phones were one number in two formats: the merged person has it once.
    expect(await page.getByTestId('phones-1').count()).toBe(0);

    await page.getByTestId('undo-notification').getByRole('button', { name: EN.undo }).click();
    await page.getByText(EN.unmerged).waitFor();
    await page.getByTestId('duplicate').filter({ hasText: 'Ruta Mergine' }).waitFor();
    expect(await page.getByTestId('person-lead').count()).toBe(1);
    expect(await page.getByTestId('undo-merge').count()).toBe(0);
    await close();
  });

  it('merges and unmerges in Lithuanian from the person page, and remembers "not a duplicate"', async () => {
    const { page, close } = await signedIn('lt');
    await openDuplicates(page, '22222', LT);
    await mergeTheDuplicate(page, LT);

    await page.getByRole('button', { name: LT.undoMerge }).click();
    await page.getByText(LT.unmerged).waitFor();
    const candidate = page.getByTestId('duplicate').filter({ hasText: 'Ruta Mergine' });
    await candidate.waitFor();
    expect(await page.getByTestId('person-lead').count()).toBe(1);

    await candidate.getByRole('button', { name: LT.notDuplicate }).click();
    await page.getByTestId('person-duplicates').getByText(LT.noDuplicates).waitFor();
    await page.reload();
    await page.getByTestId('person-duplicates').getByText(LT.noDuplicates).waitFor();
    // Back to English, so the other tests' admin reads English whatever order they run in.
    await pickLanguage(page, 'en');
    await page.getByRole('link', { name: EN.today }).first().waitFor();
    await close();
  });
});
