import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { signedInPage } from './pages.js';
import { useBrowserApp } from './support.js';

const EN = { email: 'Email', password: 'Password', logIn: 'Log in' };

/** Windows-1257 bytes of a text: the Lithuanian letters where Lithuanian Excel puts them. */
function win1257(text: string): Buffer {
  const map: Record<string, number> = {
    Ą: 0xc0,
    ą: 0xe0,
    Č: 0xc8,
    č: 0xe8,
    Ę: 0xc6,
    ę: 0xe6,
    Ė: 0xcb,
    ė: 0xeb,
    Į: 0xc1,
    į: 0xe1,
    Š: 0xd0,
    š: 0xf0,
    Ų: 0xd8,
    ų: 0xf8,
    Ū: 0xdb,
    ū: 0xfb,
    Ž: 0xde,
    ž: 0xfe,
  };
  return Buffer.from(
    [...text].map((c) => {
      const byte = map[c] ?? c.charCodeAt(0);
      if (byte > 0x7f && map[c] === undefined) throw new Error(`no Windows-1257 byte for ${c} in this table`);
      return byte;
    }),
  );
}

/**
 * A list as Lithuanian Excel saves it: semicolons, Windows-1257, a quoted company name holding a
 * semicolon (line 2), a bad e-mail (line 4) and the first person again (line 5).
 */
const CSV = [
  'Vardas;Pavardė;El. paštas;Įmonė',
  'Jonas;Šimkutis;jonas.simkutis@example.lt;"UAB ""Žuvėdra""; filialas"',
  'Ūla;Žemaitytė;ula.zemaityte@example.lt;Šiaurės vėjas',
  'Ona;Klaidaitė;ona-be-eto;Kita įmonė',
  'Jonas;Šimkutis;jonas.simkutis@example.lt;Pakartota',
].join('\r\n');
const ROWS = 4;

/** A number on the import's page, by test id (`import-count-created`, `import-total`). */
async function numberOf(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}

async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="import-status"][data-status="${status}"]`).waitFor({ timeout: 30_000 });
}

describe('list imports in the browser', () => {
  const app = useBrowserApp();
  const folder = mkdtempSync(join(tmpdir(), 'piltuvas-import-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads a Windows-1257 CSV, previews it, imports it, reports the bad row and undoes it', async () => {
    const file = join(folder, 'kontaktai.csv');
    writeFileSync(file, win1257(CSV));
    const admin = await signedInPage(app.browser, app.server.url, 'en', EN);
    const { page } = admin;

    // The wizard reads the file in the browser: its encoding, separator and header.
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('imports-new').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-encoding').filter({ hasText: 'windows-1257' }).waitFor();
    expect(await page.getByTestId('import-delimiter').textContent()).toBe(';');
    // The columns come suggested from their Lithuanian names.
    const suggested = {
      Vardas: 'First name',
      Pavardė: 'Last name',
      'El. paštas': 'E-mail',
      Įmonė: 'Company name',
    };
    for (const [column, field] of Object.entries(suggested)) {
      expect(await page.getByTestId(`import-map-${column}`).inputValue()).toBe(field);
    }
    expect(await page.getByTestId('import-dry-run').isChecked()).toBe(true);

    // A dry run: the counts say what would happen, and account for every row.
    await page.getByTestId('import-submit').click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await waitForStatus(page, 'previewed');
    const preview = {
      created: await numberOf(page, 'import-count-created'),
      updated: await numberOf(page, 'import-count-updated'),
      skipped: await numberOf(page, 'import-count-skipped'),
      rejected: await numberOf(page, 'import-count-rejected'),
    };
    expect(preview).toEqual({ created: 2, updated: 0, skipped: 1, rejected: 1 });
    expect(await numberOf(page, 'import-total')).toBe(ROWS);
    expect(Object.values(preview).reduce((a, b) => a + b, 0)).toBe(ROWS);
    expect(await page.getByTestId('import-counts-check').getAttribute('data-ok')).toBe('true');
    // The quoted cell kept its semicolon and quotes, shown as plain text.
    const created = page.locator('[data-testid="import-sample"][data-outcome="created"]');
    expect(await created.first().textContent()).toContain('UAB "Žuvėdra"; filialas');
    const rejected = page.locator('[data-testid="import-sample"][data-outcome="rejected"]');
    expect(await rejected.getAttribute('data-line')).toBe('4');
    // Nothing was written by the dry run.
    await page.goto(`${app.server.url}/leads?q=${encodeURIComponent('Šimkutis')}`);
    await page.getByTestId('leads-empty').waitFor();
    await page.goBack();

    // Run it for real.
    await page.getByTestId('import-run').click();
    await waitForStatus(page, 'done');
    expect(await numberOf(page, 'import-count-created')).toBe(2);
    expect(await page.getByTestId('import-progress').getAttribute('data-value')).toBe('100');
    const importUrl = page.url();

    // The row report names the rejected row's line.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-report').click(),
    ]);
    const report = readFileSync(await download.path(), 'utf8');
    const lines = report.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[0]).toBe('line,row,outcome,field,code,message');
    expect(lines.some((line) => /^4,\d+,rejected,person\.email,invalid_format,/.test(line))).toBe(true);
    expect(lines.some((line) => /^5,\d+,skipped,.*duplicate_in_file/.test(line))).toBe(true);

    // The lead is in the list.
    await page.goto(`${app.server.url}/leads?q=${encodeURIComponent('Šimkutis')}`);
    await page.getByTestId('lead-row').filter({ hasText: 'Šimkutis' }).waitFor();
    expect(await page.getByTestId('lead-row').count()).toBe(1);

    // Undo, after confirming: the created leads go to the bin.
    await page.goto(importUrl);
    await page.getByTestId('import-undo').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Undo', exact: true }).click();
    await waitForStatus(page, 'undone');
    await page.goto(`${app.server.url}/leads?q=${encodeURIComponent('Šimkutis')}`);
    await page.getByTestId('leads-empty').waitFor();
    await page.goto(`${app.server.url}/leads?bin=1&q=${encodeURIComponent('Šimkutis')}`);
    await page.getByTestId('lead-row').filter({ hasText: 'Šimkutis' }).waitFor();

    // The list of imports shows it, undone.
    await page.goto(`${app.server.url}/imports`);
    const row = page.getByTestId('imports-row').filter({ hasText: 'kontaktai.csv' });
    await row.locator('[data-status="undone"]').waitFor();
    await admin.close();
  });

  it('opens a file laid out like an earlier one with the columns chosen then, on another device too', async () => {
    const file = join(folder, 'kontaktai-rugsejis.csv');
    writeFileSync(file, win1257(CSV));
    const first = await signedInPage(app.browser, app.server.url, 'en', EN);
    await first.page.goto(`${app.server.url}/imports/new`);
    await first.page.getByTestId('import-file').setInputFiles(file);
    // This time the company column is left out: a choice the suggestion would not make.
    const company = first.page.getByTestId('import-map-Įmonė');
    await company.click();
    await first.page.getByRole('option', { name: 'Do not import', exact: true }).click();
    expect(await company.inputValue()).toBe('Do not import');
    await first.page.getByTestId('import-submit').click();
    await first.page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await waitForStatus(first.page, 'previewed');
    await first.close();

    // Another browser (a colleague's laptop would be the same for an admin): the same layout opens as chosen.
    const second = await signedInPage(app.browser, app.server.url, 'en', EN);
    await second.page.goto(`${app.server.url}/imports/new`);
    await second.page.getByTestId('import-file').setInputFiles(file);
    const saved = second.page.getByTestId('import-saved-mapping');
    await saved.waitFor();
    expect(await saved.textContent()).toContain('kontaktai-rugsejis.csv');
    expect(await second.page.getByTestId('import-map-Įmonė').inputValue()).toBe('Do not import');
    expect(await second.page.getByTestId('import-map-El. paštas').inputValue()).toBe('E-mail');
    // The suggestion is one click away.
    await saved.getByRole('button').click();
    expect(await second.page.getByTestId('import-map-Įmonė').inputValue()).toBe('Company name');
    await second.close();
  });
});
