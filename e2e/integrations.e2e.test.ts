import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, pickLanguage, signedInPage } from './pages.js';
import { useBrowserApp } from './support.js';

const EN = { email: 'Email', password: 'Password', logIn: 'Log in' };
const HEADER = 'X-Piltuvas-Signature';

/** A Facebook Lead Ads lead object, as a relay posts it (the preset reads `id` and `field_data`). */
function facebookLead(id: string, email: string) {
  return {
    id,
    created_time: '2026-03-14T09:26:53+0000',
    ad_id: '23851234567890123',
    form_id: '987654321098765',
    campaign_name: 'Pavasario seminaras — LT',
    field_data: [
      { name: 'email', values: [email] },
      { name: 'full_name', values: ['Rūta Webhukaitė'] },
      { name: 'phone_number', values: ['+37061234567'] },
      { name: 'company_name', values: ['UAB Signalas'] },
    ],
  };
}

/** Posts the exact bytes signed with `secret`, as a sender would (node's HMAC, not the app's code). */
async function deliver(endpoint: string, payload: unknown, secret: string) {
  const body = JSON.stringify(payload);
  const signature = createHmac('sha256', secret).update(body).digest('hex');
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [HEADER]: `sha256=${signature}` },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function apiGet<T>(page: Page, url: string, path: string): Promise<{ status: number; body: T }> {
  const response = await page.request.get(`${url}/api/v1${path}`);
  return { status: response.status(), body: (await response.json()) as T };
}

describe('inbound webhooks (integrations) in the browser', () => {
  const app = useBrowserApp();

  it('creates a Facebook integration, shows its secret once, and a signed lead arrives once; a bad signature is refused', async () => {
    const { page, close } = await signedInPage(app.browser, app.server.url, 'en', EN, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const url = app.server.url;
    await page.getByTestId('nav-integrations').click();
    await page.getByTestId('integrations-new').click();
    await page.getByTestId('integration-name').fill('Facebook — spring');
    await page.getByTestId('integration-kind').click();
    await page.getByRole('option', { name: 'Facebook Lead Ads', exact: true }).click();
    // The preset's mapping is filled in, and editable.
    expect(await page.getByTestId('integration-map-person.email-source').inputValue()).toBe(
      'email, work_email',
    );
    expect(await page.getByTestId('integration-map-eventId-source').inputValue()).toBe('/id');
    await page.getByTestId('integration-save').click();

    // Shown once: the endpoint and the secret, with copy buttons and the warning.
    await page.getByTestId('integration-secret-warning').getByText('will not be shown again').waitFor();
    const endpoint = (await page.getByTestId('integration-endpoint').textContent()) ?? '';
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/public\/webhooks\/[0-9a-f-]{36}$/);
    const integrationId = endpoint.split('/').pop() ?? '';
    const shown = (await page.getByTestId('integration-secret').textContent()) ?? '';
    await page.getByTestId('integration-secret-copy').click();
    await page.getByTestId('integration-secret-copy').getByText('Copied').waitFor();
    const secret = String(await page.evaluate('navigator.clipboard.readText()'));
    expect(secret).toBe(shown);
    expect(secret.length).toBeGreaterThan(20);
    expect(await page.getByTestId('integration-curl').textContent()).toContain(
      `${HEADER}: sha256=$SIGNATURE`,
    );

    // The sender posts a signed Facebook lead.
    const email = 'ruta.webhukaite@example.lt';
    const lead = facebookLead('fb-lead-1209384756', email);
    const accepted = await deliver(endpoint, lead, secret);
    expect(accepted.status).toBe(202);
    expect(accepted.body.status).toBe('accepted');

    // Leaving the once-screen: the integration's page never shows the secret again.
    await page.getByTestId('integration-created-done').click();
    await page.getByTestId('integration-endpoint-panel').waitFor();
    expect(await page.getByTestId('integration-secret').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(secret);

    // The events list shows it processed, with the lead it made.
    await page.getByTestId('integration-tab-events').click();
    const processed = page.locator('[data-testid="event-row"][data-status="processed"]');
    await processed.waitFor({ timeout: 20_000 });
    expect(await processed.getByTestId('event-id').textContent()).toBe(lead.id);
    await processed.getByTestId('event-lead').click();
    await page.getByTestId('lead-title').waitFor();
    const leadId = page.url().split('/').pop() ?? '';
    await expect.poll(async () => (await page.locator('body').textContent()) ?? '').toContain(email);
    const leads = async () =>
      (await apiGet<{ items: { id: string }[] }>(page, url, `/leads?q=${encodeURIComponent(email)}`)).body
        .items;
    expect((await leads()).map((l) => l.id)).toEqual([leadId]);

    // The same event again: a duplicate, nothing new stored, no second lead.
    const again = await deliver(endpoint, lead, secret);
    expect(again).toEqual({ status: 200, body: { id: expect.any(String), duplicate: true } });
    // A badly signed event: refused, nothing stored.
    const forged = await deliver(
      endpoint,
      facebookLead('fb-lead-forged', 'forged@example.lt'),
      'not the secret',
    );
    expect(forged.status).toBe(401);
    const events = await apiGet<{ items: { eventId: string }[] }>(
      page,
      url,
      `/integrations/${integrationId}/events`,
    );
    expect(events.body.items.map((e) => e.eventId)).toEqual([lead.id]);
    expect(await leads()).toHaveLength(1);
    expect(
      (await apiGet<{ items: unknown[] }>(page, url, `/leads?q=${encodeURIComponent('forged@example.lt')}`))
        .body.items,
    ).toHaveLength(0);

    await page.goBack();
    await page.getByTestId('events-refresh').click();
    await expect.poll(async () => page.getByTestId('event-row').count()).toBe(1);
    // The list of integrations counts it; in Lithuanian the event reads as processed.
    await page.getByTestId('nav-integrations').click();
    const row = page.getByTestId('integrations-row').filter({ hasText: 'Facebook — spring' });
    await row.getByText('Facebook Lead Ads').waitFor();
    await pickLanguage(page, 'lt');
    await row.getByText('Apdorotas').waitFor();
    await close();
  });

  it('hides integrations from a sales rep, whom the server refuses too', async () => {
    const admin = await signedInPage(app.browser, app.server.url, 'en', EN);
    await apiCall(admin.page, app.server.url, 'POST', '/users', {
      email: 'integraciju.atstovas@example.lt',
      name: 'Integracijų Atstovas',
      role: 'rep',
      password: 'rep password 123',
      locale: 'en',
    });
    await admin.close();

    const context = await app.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/login`);
    await page.getByLabel(EN.email, { exact: true }).fill('integraciju.atstovas@example.lt');
    await page.getByLabel(EN.password, { exact: true }).fill('rep password 123');
    await page.getByRole('button', { name: EN.logIn }).click();
    await page.getByTestId('nav-leads').waitFor();
    expect(await page.getByTestId('nav-integrations').count()).toBe(0);
    expect((await page.request.get(`${app.server.url}/api/v1/integrations`)).status()).toBe(403);
    await page.goto(`${app.server.url}/integrations`);
    await page.getByText('Only marketing specialists and administrators manage integrations.').waitFor();
    await context.close();
  });
});
