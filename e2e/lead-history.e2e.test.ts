import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { apiCall, createLeadByApi, signedInPage } from './pages.js';
import { useBrowserApp } from './support.js';

const EN = { email: 'Email', password: 'Password', logIn: 'Log in' };

const badge = (page: Page, kind: 'stage' | 'temperature', text: string) =>
  page.getByTestId(`${kind}-badge`).filter({ hasText: new RegExp(`^${text}$`) });

const historyItem = (page: Page, text: string) =>
  page.getByTestId('history-item').filter({ hasText: text }).first();

function dateInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('lead history and temperature thresholds in the browser', () => {
  const app = useBrowserApp();

  const adminPage = () => signedInPage(app.browser, app.server.url, 'en', EN);

  it("lists who moved a lead's stage, its new owner and the time spent in each stage", async () => {
    const { page, close } = await adminPage();
    const rep = await apiCall<{ user: { id: string } }>(page, app.server.url, 'POST', '/users', {
      email: 'ona.rep@example.lt',
      name: 'Ona Rep',
      role: 'rep',
    });
    const lead = await createLeadByApi(
      page,
      app.server.url,
      { firstName: 'Gintarė', lastName: 'Istorija' },
      { ownerId: rep.user.id },
    );
    await page.goto(`${app.server.url}/leads/${lead.id}`);
    await page.getByTestId('move-mql').click();
    await badge(page, 'stage', 'MQL').waitFor();
    await page.getByTestId('move-sql').click();
    await badge(page, 'stage', 'SQL').waitFor();

    await page.getByTestId('tab-history').click();
    const moved = historyItem(page, 'Stage: MQL → SQL');
    await moved.getByText('Administrator', { exact: true }).waitFor();
    await moved.getByText('Web app', { exact: true }).waitFor();
    await historyItem(page, 'Stage: Suspect → MQL').waitFor();
    await historyItem(page, 'Stage: — → Suspect').waitFor();
    await historyItem(page, 'Owner: — → Ona Rep').waitFor();
    await historyItem(page, 'Temperature: — → Cold').waitFor();
    const durations = page.getByTestId('stage-duration');
    await durations.filter({ hasText: 'Suspect: under a minute' }).waitFor();
    await durations.filter({ hasText: 'SQL: under a minute' }).filter({ hasText: 'now' }).waitFor();

    // The open history follows a change made beside it.
    await page.getByTestId('move-mql').click();
    await historyItem(page, 'Stage: SQL → MQL').waitFor();
    await durations.filter({ hasText: 'MQL: under a minute' }).filter({ hasText: 'now' }).waitFor();
    await close();
  });

  it('lets an admin change the temperature thresholds, refusing a warm window shorter than the hot one', async () => {
    const { page, close } = await adminPage();
    const lead = await createLeadByApi(
      page,
      app.server.url,
      { firstName: 'Tomas', lastName: 'Šilumas' },
      { timeframe: dateInDays(20) },
    );
    await page.goto(`${app.server.url}/leads/${lead.id}`);
    await badge(page, 'temperature', 'Warm').waitFor();
    await page.getByTestId('nav-admin-temperature').click();
    const hot = page.getByLabel('Hot within (days)');
    const warm = page.getByLabel('Warm within (days)');
    const explanation = page.getByTestId('temperature-explanation');
    await explanation.getByText('up to 14 days ahead makes a lead hot; up to 61 days warm').waitFor();

    await hot.fill('30');
    await warm.fill('10');
    await page.getByRole('button', { name: 'Save' }).click();
    // The server refuses `warmWithinDays`; the message stands under that input.
    await page.getByText('Must be at least as many days as for hot (30).').waitFor();

    await warm.fill('90');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Temperature thresholds saved.').waitFor();
    await explanation.getByText('up to 30 days ahead makes a lead hot; up to 90 days warm').waitFor();

    // A purchase date 20 days ahead was warm under 14 days and is hot under 30.
    await page.goto(`${app.server.url}/leads/${lead.id}`);
    await badge(page, 'temperature', 'Hot').waitFor();
    await close();
  });
});
