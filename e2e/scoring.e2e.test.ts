import { describe, expect, it } from 'vitest';
import { apiCall, createLeadByApi, pickLanguage, signedInPage } from './pages.js';
import { useBrowserApp } from './support.js';

const EN = { email: 'Email', password: 'Password', logIn: 'Log in' };

describe('lead scoring in the browser', () => {
  const app = useBrowserApp();

  it('adds a fit rule, refuses thresholds out of order, and shows a lead’s score with why — in English and Lithuanian', async () => {
    const { page, close } = await signedInPage(app.browser, app.server.url, 'en', EN);
    const before = await createLeadByApi(page, app.server.url, {
      firstName: 'Vytas',
      lastName: 'Anksčiau',
      jobTitle: 'Komercijos direktorius',
    });

    await page.getByTestId('nav-scoring').click();
    await page.getByText('No rules yet: every lead has 0 points.').waitFor();
    await page.getByTestId('add-rule').click();
    await page.getByTestId('rule-field').click();
    await page.getByRole('option', { name: 'Job title', exact: true }).click();
    await page.getByTestId('rule-operator').click();
    await page.getByRole('option', { name: 'contains', exact: true }).click();
    await page.getByTestId('rule-value').fill('direktor');
    await page.getByTestId('rule-points').fill('60');
    // before saving: what the rule would do to stages
    await page.getByTestId('rule-preview').click();
    await page
      .getByTestId('rule-preview-result')
      .getByText('Would move: 1 to MQL, 0 to SQL, 0 back to suspect.')
      .waitFor();
    await page.getByTestId('rule-save').click();
    await page
      .getByTestId('scoring-rule')
      .filter({ hasText: 'Job title contains “direktor”' })
      .filter({ hasText: '+60' })
      .waitFor();
    // the change rescored the lead made before the rule
    await page.getByTestId('rescore-done').waitFor();

    // MQL above SQL: refused, the reason under the SQL field
    await page.getByTestId('score-mql').fill('150');
    await page.getByTestId('score-save').click();
    await page.getByText('Must be above the MQL threshold.').waitFor();
    await page.getByTestId('score-mql').fill('50');
    await page.getByTestId('score-save').click();
    await page.getByText('Saved. Every lead is being rescored.').first().waitFor();

    // the predictive model says plainly that a new install has too little history
    await page.getByTestId('predictive-train').click();
    await page
      .getByTestId('predictive-status')
      .getByText(/^Too little history to be useful: 0 converted and 0 disqualified/)
      .waitFor();

    await page.goto(`${app.server.url}/leads/${before.id}`);
    const card = page.getByTestId('lead-score');
    await card.getByTestId('lead-score-total').filter({ hasText: /^60$/ }).waitFor();
    await card.getByText('Job title contains “direktor”').waitFor();
    await card.getByText('MQL from 50, SQL from 100 points').waitFor();
    await page.getByTestId('stage-badge').filter({ hasText: /^MQL$/ }).waitFor();

    // a lead made after the rule is scored as it is created; a free mailbox rule takes points away
    await apiCall(page, app.server.url, 'POST', '/scoring/rules', {
      kind: 'fit',
      field: 'email.kind',
      operator: 'equals',
      value: 'free',
      points: -15,
    });
    const after = await createLeadByApi(page, app.server.url, {
      firstName: 'Rūta',
      lastName: 'Vėliau',
      jobTitle: 'Direktorė',
      emails: ['ruta.veliau@gmail.com'],
    });
    await page.goto(`${app.server.url}/leads/${after.id}`);
    await card.getByTestId('lead-score-total').filter({ hasText: /^45$/ }).waitFor();
    await card.getByText('E-mail address is “a free mailbox”').waitFor();
    await card.getByText('−15').waitFor();

    await pickLanguage(page, 'lt');
    await card.getByText('Pareigos turi „direktor“').waitFor();
    await card.getByText('MQL nuo 50, SQL nuo 100 balų').waitFor();
    await page.getByTestId('nav-scoring').click();
    await page.getByRole('heading', { name: 'Potencialių klientų vertinimas' }).waitFor();
    // (the rules arrive after the heading)
    await expect.poll(() => page.getByTestId('scoring-rule').count()).toBe(2);
    await close();
  });
});
