import { describe, expect, it } from 'vitest';
import { apiCall, pickLanguage, signedInPage } from './pages.js';
import { useBrowserApp } from './support.js';

const EN = { email: 'Email', password: 'Password', logIn: 'Log in' };

describe('lead routing in the browser', () => {
  const app = useBrowserApp();

  it('makes a routing rule, asks who would get a lead; a web-form lead reaches the right rep with why, its score and its SLA timer — in English and Lithuanian', async () => {
    const { page, close } = await signedInPage(app.browser, app.server.url, 'en', EN);
    const team = await apiCall<{ id: string }>(page, app.server.url, 'POST', '/teams', {
      name: 'Vilniaus pardavimai',
    });
    const onaPassword = 'ona routing password 1';
    await apiCall<{ user: { id: string } }>(page, app.server.url, 'POST', '/users', {
      email: 'ona.routing@example.lt',
      name: 'Ona Paskirstoma',
      role: 'rep',
      teamId: team.id,
      password: onaPassword,
    });
    const jonas = await apiCall<{ user: { id: string } }>(page, app.server.url, 'POST', '/users', {
      email: 'jonas.routing@example.lt',
      name: 'Jonas Atostogauja',
      role: 'rep',
      teamId: team.id,
    });
    await apiCall(page, app.server.url, 'PATCH', `/users/${jonas.user.id}`, {
      outOfOfficeFrom: '2020-01-01',
      outOfOfficeUntil: '2999-12-31',
    });

    await page.getByTestId('nav-routing').click();
    await page.getByText('No routing rules: new leads without an owner wait unassigned.').waitFor();
    await page
      .getByTestId('routing-person')
      .filter({ hasText: 'Jonas Atostogauja' })
      .filter({ hasText: 'out of office' })
      .waitFor();

    await page.getByTestId('add-routing-rule').click();
    await page.getByTestId('routing-name').fill('Svetainė');
    await page.getByTestId('routing-add-condition').click();
    await page.getByTestId('condition-0-field').click();
    await page.getByRole('option', { name: 'Source', exact: true }).click();
    await page.getByTestId('condition-0-operator').click();
    await page.getByRole('option', { name: 'is', exact: true }).click();
    await page.getByTestId('condition-0-value').click();
    await page.getByRole('option', { name: 'Web form', exact: true }).click();
    await page.getByTestId('routing-people').click();
    await page.getByRole('option', { name: 'Ona Paskirstoma' }).click();
    await page.getByRole('option', { name: 'Jonas Atostogauja' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('routing-save').click();
    const rule = page.getByTestId('routing-rule').filter({ hasText: 'Svetainė' });
    await rule.getByText('Source is “Web form”').waitFor();
    await rule.getByText('round robin').waitFor();

    // who would get a web-form lead: Ona, Jonas skipped as out of office
    await page.getByTestId('routing-test-source').click();
    await page.getByRole('option', { name: 'Web form', exact: true }).click();
    await page.getByTestId('routing-test-run').click();
    const result = page.getByTestId('routing-test-result');
    await result.getByText('Ona Paskirstoma, by the rule “Svetainė” (round robin)').waitFor();
    await result.getByText('Skipped: Jonas Atostogauja (out of office)').waitFor();

    const sources = await page.request.get(`${app.server.url}/api/v1/sources`);
    const webForm = ((await sources.json()) as { items: { id: string; key: string }[] }).items.find(
      (s) => s.key === 'web_form',
    );
    await apiCall(page, app.server.url, 'POST', '/scoring/rules', {
      kind: 'behaviour',
      behaviour: 'form_submitted',
      points: 30,
    });
    // a visitor fills in the web form (its page as the iframe variant serves it)
    const form = await apiCall<{ id: string }>(page, app.server.url, 'POST', '/forms', {
      name: 'Užklausa',
      fields: [
        { key: 'person.firstName', required: true, label: { lt: 'Vardas', en: 'First name' }, help: null },
        { key: 'person.lastName', required: false, label: { lt: 'Pavardė', en: 'Last name' }, help: null },
        { key: 'person.email', required: true, label: { lt: 'El. paštas', en: 'E-mail' }, help: null },
      ],
      sourceId: webForm?.id,
      minFillSeconds: 0,
    });
    const visitor = await app.browser.newContext({ locale: 'lt-LT' });
    const v = await visitor.newPage();
    await v.goto(`${app.server.url}/embed/forms/${form.id}`);
    await v.locator('[name="person.firstName"]').fill('Rasa');
    await v.locator('[name="person.lastName"]').fill('Naujoji');
    await v.locator('[name="person.email"]').fill('rasa.naujoji@uab-pavyzdys.lt');
    await v.locator('[data-piltuvas="form"] button[type="submit"]').click();
    await v
      .getByText(/Ačiū|Thank you/)
      .first()
      .waitFor();
    await visitor.close();
    // the lead arrives through the form inbox in a moment
    let leadId = '';
    await expect
      .poll(
        async () => {
          const res = await page.request.get(
            `${app.server.url}/api/v1/leads?q=${encodeURIComponent('Naujoji')}`,
          );
          leadId = ((await res.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
          return leadId;
        },
        { timeout: 15_000 },
      )
      .not.toBe('');
    const lead = { id: leadId };
    await page.goto(`${app.server.url}/leads/${lead.id}`);
    const card = page.getByTestId('lead-assignment');
    await card.getByText('Ona Paskirstoma, by the rule “Svetainė” (round robin)').waitFor();
    await card.getByText('Skipped: Jonas Atostogauja (out of office)').waitFor();
    await card
      .getByTestId('lead-sla')
      .getByText(/^First contact due by /)
      .waitFor();

    await pickLanguage(page, 'lt');
    await card
      .getByTestId('lead-sla')
      .getByText(/^Susisiekti iki /)
      .waitFor();
    await card.getByText('Ona Paskirstoma, pagal taisyklę „Svetainė“ (paeiliui)').waitFor();
    await card.getByText('Praleisti: Jonas Atostogauja (ne darbe)').waitFor();
    await page.getByTestId('nav-routing').click();
    await page.getByRole('heading', { name: 'Potencialių klientų paskirstymas' }).waitFor();
    await close();

    // Ona's "My new leads" is her home page: the routed lead with its first-response timer
    const context = await app.browser.newContext({ locale: 'en-GB' });
    const own = await context.newPage();
    await own.goto(`${app.server.url}/login`);
    await own.getByLabel('Email', { exact: true }).fill('ona.routing@example.lt');
    await own.getByLabel('Password', { exact: true }).fill(onaPassword);
    await own.getByRole('button', { name: 'Log in' }).click();
    await own.getByRole('heading', { name: 'My new leads' }).waitFor();
    const row = own.getByTestId('inbox-lead').filter({ hasText: 'Rasa Naujoji' }).filter({ hasText: '30' });
    await row
      .getByTestId('inbox-sla')
      .getByText(/^due (in|tomorrow|on)/)
      .waitFor();
    await context.close();
  });
  it('sets speed to lead on the routing page: working day, a holiday, targets and re-routing — read back in Lithuanian', async () => {
    const { page, close } = await signedInPage(app.browser, app.server.url, 'en', EN);
    await page.getByTestId('nav-routing').click();
    const card = page.getByTestId('sla-settings');
    await card.getByRole('heading', { name: 'Speed to lead' }).waitFor();
    await card.getByTestId('sla-day-start').fill('08:30');
    await card.getByTestId('sla-target-hot').fill('2');
    await card.getByTestId('sla-holidays').click();
    await page
      .locator('.mantine-DatePickerInput-day:not([data-outside])')
      .filter({ hasText: /^24$/ })
      .click();
    await page.keyboard.press('Escape');
    await card.getByRole('switch', { name: 'Re-route a lead whose first response was missed' }).check();
    await card.getByTestId('sla-save').click();
    await page.getByText('Speed-to-lead settings saved').waitFor();
    const saved = (await (await page.request.get(`${app.server.url}/api/v1/settings/sla`)).json()) as {
      dayStart: number;
      holidays: string[];
      targets: { hot: number };
      reroute: boolean;
    };
    expect(saved).toMatchObject({ dayStart: 510, targets: { hot: 120 }, reroute: true });
    expect(saved.holidays).toHaveLength(1);
    expect(saved.holidays[0]).toMatch(/^\d{4}-\d{2}-24$/);

    await pickLanguage(page, 'lt');
    await card.getByRole('heading', { name: 'Reakcijos greitis' }).waitFor();
    await expect
      .poll(() =>
        card
          .getByRole('switch', { name: 'Perskirti potencialų klientą, kai pirmasis atsakymas praleistas' })
          .isChecked(),
      )
      .toBe(true);
    expect(await card.getByTestId('sla-target-hot').inputValue()).toBe('2');
    await close();
  });
});
