import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, createLeadByApi, signedInPage } from './pages.js';
import { useBrowserApp } from './support.js';

const EN = { email: 'Email', password: 'Password', logIn: 'Log in' };

function dateInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('the lead board, bulk changes, saved views and notifications in the browser', () => {
  const app = useBrowserApp();

  // Wide enough for every column of the board side by side.
  const englishPage = () =>
    signedInPage(app.browser, app.server.url, 'en', EN, { viewport: { width: 1920, height: 1080 } });

  /** An HTML5 drag with the mouse, in steps as a person drags (Playwright's dragTo can miss a drag start). */
  async function drag(page: Page, source: Locator, target: Locator): Promise<void> {
    await source.hover();
    await page.mouse.down();
    const box = await target.boundingBox();
    if (!box) throw new Error('the drop target is not shown');
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 40), { steps: 5 });
    await page.mouse.up();
  }

  const column = (page: Page, stage: string) =>
    page.locator(`[data-testid="board-column"][data-stage="${stage}"]`);
  const cardIn = (page: Page, stage: string, title: string) =>
    column(page, stage).getByTestId('board-card').filter({ hasText: title });

  it('moves a dragged card only when the server accepts the stage change', async () => {
    const { page, close } = await englishPage();
    await createLeadByApi(page, app.server.url, { firstName: 'Kanbanas', lastName: 'Vilkas' });
    await page.goto(`${app.server.url}/leads?q=kanbanas`);
    await page.getByTestId('view-board').click();
    await page.waitForURL(/\/leads\/board\?q=kanbanas/);
    const card = cardIn(page, 'suspect', 'Kanbanas Vilkas');
    await card.waitFor();

    // Converted is the pipeline's to give: the server answers 422 and the card stays.
    await drag(page, card, column(page, 'converted'));
    await page.getByText('A lead becomes converted only through the pipeline.').waitFor();
    expect(await cardIn(page, 'suspect', 'Kanbanas Vilkas').count()).toBe(1);
    expect(await column(page, 'converted').getByTestId('board-card').count()).toBe(0);

    await drag(page, card, column(page, 'mql'));
    await cardIn(page, 'mql', 'Kanbanas Vilkas').waitFor();
    expect(await cardIn(page, 'suspect', 'Kanbanas Vilkas').count()).toBe(0);
    await column(page, 'mql').getByTestId('column-count').filter({ hasText: /^1$/ }).waitFor();

    // Parking asks for the revisit date first; cancelling leaves the card where it was.
    await drag(page, cardIn(page, 'mql', 'Kanbanas Vilkas'), column(page, 'parked'));
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await cardIn(page, 'mql', 'Kanbanas Vilkas').count()).toBe(1);
    await drag(page, cardIn(page, 'mql', 'Kanbanas Vilkas'), column(page, 'parked'));
    await dialog.getByLabel('Revisit on').fill(dateInDays(20));
    await dialog.getByRole('button', { name: 'Park', exact: true }).click();
    await cardIn(page, 'parked', 'Kanbanas Vilkas').waitFor();
    expect(await cardIn(page, 'mql', 'Kanbanas Vilkas').count()).toBe(0);
    await close();
  });

  it('loads each column a page at a time, with its own count', async () => {
    const { page, close } = await englishPage();
    for (let i = 1; i <= 23; i += 1) {
      await createLeadByApi(page, app.server.url, { firstName: 'Puslapis', lastName: `Nr${i}` });
    }
    await page.goto(`${app.server.url}/leads/board?q=puslapis`);
    const suspects = column(page, 'suspect');
    await suspects.getByTestId('column-count').filter({ hasText: /^23$/ }).waitFor();
    expect(await suspects.getByTestId('board-card').count()).toBe(20);
    await suspects.getByTestId('column-load-more').click();
    await suspects.getByTestId('board-card').nth(22).waitFor();
    expect(await suspects.getByTestId('column-load-more').count()).toBe(0);
    await close();
  });

  it('tags selected leads in bulk, says what was skipped and why, and undoes it', async () => {
    const { page, close } = await englishPage();
    for (const lastName of ['Alfa', 'Beta', 'Gama']) {
      await createLeadByApi(page, app.server.url, { firstName: 'Masinis', lastName });
    }
    await page.goto(`${app.server.url}/leads?q=masinis`);
    await page
      .getByTestId('lead-count')
      .filter({ hasText: /^3 leads$/ })
      .waitFor();
    const bar = page.getByTestId('bulk-bar');
    const dialog = page.getByRole('dialog');
    const addTag = async (count: string) => {
      await bar.getByRole('button', { name: 'Add tag' }).click();
      await dialog.getByLabel('Tag').fill('vip');
      await dialog.getByRole('button', { name: `Apply to ${count}` }).click();
    };

    await page.getByRole('checkbox', { name: 'Select Masinis Alfa' }).check();
    await bar.getByText('1 lead selected').waitFor();
    await addTag('1 lead');
    await page.getByTestId('undo-notification').getByText('1 changed, 0 skipped').waitFor();
    await bar.waitFor({ state: 'hidden' });

    await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
    await bar.getByText('3 leads selected').waitFor();
    await addTag('3 leads');
    const second = page.getByTestId('undo-notification').filter({ hasText: '2 changed, 1 skipped' });
    await second.getByText('Already so (1)').waitFor();

    await page.getByLabel('Tag', { exact: true }).fill('vip');
    await page
      .getByTestId('lead-count')
      .filter({ hasText: /^3 leads$/ })
      .waitFor();
    await page.waitForURL(/tag=vip/);
    await second.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Undone: 2 restored, 0 skipped.').waitFor();
    // Only what the bulk change did is undone: the lead tagged before keeps its tag.
    await page
      .getByTestId('lead-count')
      .filter({ hasText: /^1 lead$/ })
      .waitFor();
    await page.getByTestId('lead-row').getByRole('link', { name: 'Masinis Alfa' }).waitFor();
    await close();
  });

  it('keeps only the rows in sight in the page, loads further pages while scrolling, and ticks unseen rows', async () => {
    const { page, close } = await englishPage();
    const total = 300;
    for (let first = 1; first <= total; first += 25) {
      await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          createLeadByApi(page, app.server.url, { firstName: 'Ritinys', lastName: `Nr${first + i}` }),
        ),
      );
    }
    await page.goto(`${app.server.url}/leads?q=ritinys`);
    await page
      .getByTestId('lead-count')
      .filter({ hasText: /^300 leads$/ })
      .waitFor();
    const shown = (count: number) =>
      page
        .getByTestId('leads-shown')
        .filter({ hasText: new RegExp(`^${count} leads shown$`) })
        .waitFor();
    await shown(50);
    const rows = page.getByTestId('lead-row');
    const scroller = page.getByTestId('leads-scroll');
    // A page of 50 is loaded, but only the rows in sight and a few around them are rendered.
    expect(await rows.count()).toBeLessThan(40);

    // Each time the last loaded row comes into sight the next page follows, until there are no more.
    for (const count of [100, 150, 200, 250, 300]) {
      await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await shown(count);
    }
    await page.getByTestId('load-more').waitFor({ state: 'detached' });
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await page.locator('[data-testid="lead-row"][aria-rowindex="301"]').waitFor();
    expect(await rows.count()).toBeLessThan(40);
    expect(await page.getByTestId('leads-table').getAttribute('aria-rowcount')).toBe('301');

    // The header stays at the top of the scrolled table, over the columns it names.
    const header = await page.getByRole('columnheader', { name: 'Lead', exact: true }).boundingBox();
    const frame = await scroller.boundingBox();
    expect(header && frame && Math.abs(header.y - frame.y)).toBeLessThan(2);
    const headers = page.getByRole('columnheader');
    const cells = rows.last().getByRole('cell');
    expect(await cells.count()).toBe(await headers.count());
    for (let i = 0; i < (await headers.count()); i += 1) {
      const [head, cell] = await Promise.all([headers.nth(i).boundingBox(), cells.nth(i).boundingBox()]);
      expect(head && cell && Math.abs(head.x - cell.x) + Math.abs(head.width - cell.width)).toBeLessThan(1);
    }

    // A row ticked at the bottom stays ticked out of sight; "select all" takes the loaded rows, seen or not.
    const bar = page.getByTestId('bulk-bar');
    const last = rows.last();
    await last.getByTestId('select-row').check();
    await bar.getByText('1 lead selected').waitFor();
    const lastId = await last.getAttribute('data-lead-id');
    await scroller.evaluate((element) => element.scrollTo({ top: 0 }));
    await page.locator('[data-testid="lead-row"][aria-rowindex="2"]').waitFor();
    await page.locator(`[data-lead-id="${lastId}"]`).waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
    await bar.getByText('300 leads selected').waitFor();
    await rows.first().getByTestId('select-row').uncheck();
    await bar.getByText('299 leads selected').waitFor();
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect
      .poll(() => page.locator(`[data-lead-id="${lastId}"]`).getByTestId('select-row').isChecked())
      .toBe(true);
    await close();
  });

  it('saves the filters and columns as a view and applies it again', async () => {
    const { page, close } = await englishPage();
    await page.goto(`${app.server.url}/leads?stage=parked`);
    await page.getByRole('columnheader', { name: 'Owner' }).waitFor();
    await page.getByTestId('columns-menu').click();
    await page.getByRole('group', { name: 'Columns' }).getByRole('checkbox', { name: 'Owner' }).uncheck();
    await page.getByRole('columnheader', { name: 'Owner' }).waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');

    await page.getByTestId('views-menu').click();
    await page.getByTestId('views-list').getByRole('button', { name: 'Save view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByLabel('Name').fill('Parked, no owner');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('View “Parked, no owner” saved.').waitFor();

    await page.goto(`${app.server.url}/leads`);
    await page.getByTestId('columns-menu').click();
    await page.getByRole('button', { name: 'Default columns' }).click();
    await page.getByRole('columnheader', { name: 'Owner' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('views-menu').click();
    await page
      .getByTestId('views-list')
      .getByRole('button', { name: 'Parked, no owner', exact: true })
      .click();
    await page.waitForURL(/stage=parked/);
    await page.getByRole('columnheader', { name: 'Owner' }).waitFor({ state: 'detached' });
    await close();
  });

  it('filters by campaign, owner and a custom field under "More filters", kept on reload and in a view', async () => {
    const { page, close } = await englishPage();
    const url = app.server.url;
    await apiCall(page, url, 'POST', '/custom-fields', {
      entity: 'lead',
      key: 'tier',
      labelLt: 'Lygis',
      labelEn: 'Tier',
      type: 'select',
      options: [
        { value: 'gold', labelLt: 'Auksinis', labelEn: 'Gold' },
        { value: 'silver', labelLt: 'Sidabrinis', labelEn: 'Silver' },
      ],
    });
    const spring = await apiCall<{ id: string }>(page, url, 'POST', '/campaigns', {
      name: 'Spring fair',
      type: 'event',
    });
    const autumn = await apiCall<{ id: string }>(page, url, 'POST', '/campaigns', {
      name: 'Autumn webinar',
      type: 'webinar',
    });
    const { user: rep } = await apiCall<{ user: { id: string } }>(page, url, 'POST', '/users', {
      email: 'filtru.atstovas@example.lt',
      name: 'Filtrų Atstovas',
      role: 'rep',
      password: 'rep password 123',
    });
    const lead = (lastName: string, campaignId: string | null, tier: string | null, ownerId: string | null) =>
      createLeadByApi(
        page,
        url,
        { firstName: 'Filtras', lastName },
        { campaignId, ownerId, customFields: tier ? { tier } : {} },
      );
    await lead('Auksas', spring.id, 'gold', rep.id);
    await lead('Bešeimininkis', spring.id, 'gold', null);
    await lead('Sidabras', spring.id, 'silver', rep.id);
    await lead('Ruduo', autumn.id, 'gold', rep.id);
    await lead('Tuščias', null, null, null);

    const count = (text: string) =>
      page
        .getByTestId('lead-count')
        .filter({ hasText: new RegExp(`^${text}$`) })
        .waitFor();
    const names = async () => (await page.getByTestId('lead-row').getByRole('link').allTextContents()).sort();
    await page.goto(`${url}/leads?q=filtras`);
    await count('5 leads');

    await page.getByTestId('more-filters').click();
    const drawer = page.getByRole('dialog', { name: 'More filters' });
    await drawer.getByLabel('Campaign').click();
    await page.getByRole('option', { name: 'Spring fair' }).click();
    await count('3 leads');
    await drawer.getByLabel('Tier').click();
    await page.getByRole('option', { name: 'Gold' }).click();
    await count('2 leads');
    expect(await names()).toEqual(['Filtras Auksas', 'Filtras Bešeimininkis']);
    await drawer.getByLabel('Owner').click();
    await page.getByRole('option', { name: 'Filtrų Atstovas' }).click();
    await count('1 lead');
    expect(await names()).toEqual(['Filtras Auksas']);
    await drawer.getByRole('button', { name: 'Close', exact: true }).click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('more-filters').filter({ hasText: 'More filters (3)' }).waitFor();

    await page.reload();
    await count('1 lead');
    expect(await names()).toEqual(['Filtras Auksas']);
    expect(new URL(page.url()).searchParams.getAll('cf')).toEqual(['tier:gold']);
    await page.getByTestId('more-filters').filter({ hasText: 'More filters (3)' }).click();
    expect(await drawer.getByLabel('Campaign').inputValue()).toBe('Spring fair');
    expect(await drawer.getByLabel('Owner').inputValue()).toBe('Filtrų Atstovas');
    await drawer.getByRole('button', { name: 'Close', exact: true }).click();
    await drawer.waitFor({ state: 'hidden' });

    await page.getByTestId('views-menu').click();
    await page.getByTestId('views-list').getByRole('button', { name: 'Save view' }).click();
    const save = page.getByRole('dialog', { name: 'Save view' });
    await save.getByLabel('Name').fill('Spring gold of the rep');
    await save.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('View “Spring gold of the rep” saved.').waitFor();

    await page.getByTestId('clear-more-filters').click();
    await count('5 leads');
    await page.getByTestId('views-menu').click();
    await page
      .getByTestId('views-list')
      .getByRole('button', { name: 'Spring gold of the rep', exact: true })
      .click();
    await count('1 lead');
    expect(await names()).toEqual(['Filtras Auksas']);
    await page.getByTestId('more-filters').filter({ hasText: 'More filters (3)' }).waitFor();
    await close();
  });

  it("rings the bell when a parked lead's revisit date comes, and opens the lead", async () => {
    const { page, close } = await englishPage();
    const me = (await (await page.request.get(`${app.server.url}/api/v1/auth/me`)).json()) as {
      user: { id: string };
    };
    const lead = await createLeadByApi(
      page,
      app.server.url,
      { firstName: 'Grįžtantis', lastName: 'Klientas' },
      { ownerId: me.user.id },
    );
    await apiCall(
      page,
      app.server.url,
      'POST',
      `/leads/${lead.id}/stage`,
      { stage: 'parked', revisitOn: dateInDays(10) },
      200,
    );
    // The revisit job writes this row on the revisit date; the test cannot wait for a date to come.
    const db = new Database(join(app.dataDir, 'piltuvas.sqlite'));
    db.prepare(
      `INSERT INTO notifications (id, user_id, kind, entity_type, entity_id, data, dedupe_key, created_at, read_at)
       VALUES (?, ?, 'lead_revisit_due', 'lead', ?, ?, ?, ?, NULL)`,
    ).run(
      randomUUID(),
      me.user.id,
      lead.id,
      JSON.stringify({ title: lead.title, revisitOn: '2030-01-15', competitor: 'Konkurentas UAB' }),
      `e2e:${lead.id}`,
      new Date().toISOString(),
    );
    db.close();

    await page.reload();
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    await page.getByTestId('notification-list').getByText('Competitor: Konkurentas UAB').waitFor();
    await page
      .getByTestId('notification-list')
      .getByText('Time to revisit “Grįžtantis Klientas”', { exact: false })
      .click();
    await page.getByTestId('lead-title').filter({ hasText: 'Grįžtantis Klientas' }).waitFor();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await close();
  });
});
