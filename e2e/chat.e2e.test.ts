import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, signedInPage } from './pages.js';
import { useBrowserApp } from './support.js';

const EN = { email: 'Email', password: 'Password', logIn: 'Log in' };

/** A customer's website on another port: the same offers page in English and in Lithuanian, with the chat's line. */
function startSite(appUrl: string, widgetId: () => string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const lang = path === '/lt' ? 'lt' : path === '/en' ? 'en' : null;
    if (!lang) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><html lang="${lang}"><head><title>UAB Saulė</title></head><body><h1>Solar panels</h1><script src="${appUrl}/embed/chat/${widgetId()}.js" async></script></body></html>`,
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The chat widget's parts inside its shadow root (Playwright's CSS locators pierce open shadow roots). */
function widget(page: Page) {
  const part = (name: string) => page.locator(`[data-piltuvas="${name}"]`);
  return {
    launcher: part('chat-launcher'),
    input: part('chat-input'),
    status: part('chat-status'),
    restart: part('chat-restart'),
    subtitle: part('chat-subtitle'),
    /** The messages' texts (without the author's name above them), `sender`'s only when given. */
    messages: (sender?: string) =>
      page.locator(
        `[data-piltuvas="chat-message"]${sender ? `[data-sender="${sender}"]` : ''} [data-piltuvas="chat-body"]`,
      ),
    quickReply: (label: string) => part('chat-quick-reply').filter({ hasText: label }),
    async say(text: string) {
      await part('chat-input').fill(text);
      await part('chat-input').press('Enter');
    },
  };
}

const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';

/** Marks the page; the mark is gone after a reload, so it proves that what showed came live. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as unknown as { noReload: boolean }).noReload = true;
  });
}
const stillMarked = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { noReload?: boolean }).noReload === true);

describe('website chat in the browser', () => {
  const app = useBrowserApp();
  let site: Server;
  let siteUrl = '';
  let widgetId = '';

  beforeAll(async () => {
    site = await startSite(app.server.url, () => widgetId);
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

  it('a visitor from a campaign chats with the bot and a rep, and becomes a lead with the transcript and attribution', async () => {
    const admin = await signedInPage(app.browser, app.server.url, 'en', EN);
    const { page } = admin;
    await apiCall(page, app.server.url, 'POST', '/products', {
      code: 'SOLAR-10',
      name: 'Solar panels',
      unitPriceCents: 450_000,
    });

    // The admin creates the chat widget for the customer's site and copies its line.
    await page.getByTestId('nav-chat').click();
    await page.getByTestId('chat-widgets-link').click();
    await page.getByTestId('chat-widgets-new').click();
    await page.getByTestId('chat-widget-name').fill('Saulė site chat');
    await page.getByTestId('chat-widget-origins').fill(siteUrl);
    await page.getByTestId('chat-widget-origins').press('Enter');
    // The bot's second question in the site's own words (English only: Lithuanian keeps the bot's).
    await expect
      .poll(() => page.getByTestId('chat-widget-question-askContact-en').getAttribute('placeholder'))
      .toContain('What e-mail address or phone number');
    await page
      .getByTestId('chat-widget-question-askContact-en')
      .fill('Thanks, {name}! Where can our engineer reach you?');
    await page.getByTestId('chat-widget-save').click();
    const snippet = page.getByTestId('chat-widget-snippet');
    await expect.poll(() => textOf(snippet)).toContain('/embed/chat/');
    widgetId = /embed\/chat\/([0-9a-f-]{36})\.js/.exec(await textOf(snippet))?.[1] ?? '';
    expect(widgetId).not.toBe('');

    // The rep (the admin, in their own browser) keeps the Conversations page open.
    const rep = await signedInPage(app.browser, app.server.url, 'en', EN);
    const r = rep.page;
    await r.getByTestId('nav-chat').click();
    await r.getByTestId('chat-filter').waitFor();
    await markPage(r);

    // A visitor comes from a newsletter and chats with the bot.
    const visitor = await app.browser.newContext({ locale: 'en-GB' });
    const v = await visitor.newPage();
    // Live means the event stream: the widget's poll fallback must not be what brings the messages.
    const polls: string[] = [];
    v.on('request', (request) => {
      if (request.url().includes('/messages?after=')) polls.push(request.url());
    });
    await v.goto(`${siteUrl}/en?utm_source=newsletter&utm_medium=email&utm_campaign=spring`);
    const chat = widget(v);
    await chat.launcher.click();
    await expect.poll(() => textOf(chat.messages('bot').last())).toBe('What is your name?');
    await markPage(v);
    await chat.say('Rūta Vaitkutė');
    await expect
      .poll(() => textOf(chat.messages('bot').last()))
      .toBe('Thanks, Rūta! Where can our engineer reach you?');
    await chat.say('ruta.chat@example.lt');
    await chat.quickReply('Solar panels').click();
    await chat.quickReply('Within 3 months').click();
    await expect.poll(() => textOf(chat.messages('bot').last())).toContain('Thank you, Rūta!');
    // The visitor's own words are text, never markup.
    expect(await textOf(chat.messages('visitor').first())).toBe('Rūta Vaitkutė');

    // The conversation shows up on the rep's screen without a reload, waiting for someone to join.
    const row = r.getByTestId('chat-conversation-row').filter({ hasText: 'Rūta' });
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('waiting');
    await row.click();
    const conversation = r.getByTestId('chat-conversation');
    await expect.poll(() => textOf(conversation)).toContain('ruta.chat@example.lt');
    await r.getByTestId('chat-join').click();
    await r.getByTestId('chat-joined-by').waitFor();

    // The visitor sees the rep join and their message arrive, without a reload.
    await expect.poll(() => textOf(chat.messages('system').last())).toContain('joined the chat');
    await r.getByTestId('chat-reply-input').fill('Hello Rūta, how big is your roof?');
    await r.getByTestId('chat-reply-send').click();
    await expect
      .poll(() => textOf(chat.messages('user').last()))
      .toContain('Hello Rūta, how big is your roof?');

    // The visitor answers; the rep sees it live.
    await chat.say('About 60 m², facing south <b>really</b>');
    const fromVisitor = r.locator('[data-testid="chat-message"][data-sender="visitor"]');
    await expect.poll(() => textOf(fromVisitor.last())).toContain('About 60 m², facing south <b>really</b>');
    expect(await stillMarked(r)).toBe(true);
    expect(await stillMarked(v)).toBe(true);
    expect(polls).toEqual([]);

    // The rep closes the conversation; the visitor is told.
    await r.getByTestId('chat-close').click();
    await r.getByRole('dialog').getByRole('button', { name: 'Close the conversation' }).click();
    await expect.poll(() => conversation.getAttribute('data-status')).toBe('closed');
    await expect.poll(() => textOf(chat.status)).toBe('This conversation has ended.');
    await chat.restart.waitFor();
    await visitor.close();

    // The lead: the whole conversation on its timeline, and the newsletter it came from.
    await r.getByTestId('chat-lead-link').click();
    const transcript = r.locator('[data-testid="timeline-item"][data-type="chat"]');
    await expect
      .poll(() => textOf(transcript.first()), { timeout: 15_000 })
      .toContain('Hello Rūta, how big is your roof?');
    const text = await textOf(transcript.first());
    expect(text).toContain('What is your name?');
    expect(text).toContain('About 60 m², facing south <b>really</b>');
    const attribution = r.getByTestId('lead-attribution');
    await expect.poll(() => textOf(attribution)).toContain('newsletter / email / spring');
    await rep.close();
    await admin.close();
  });

  it('speaks Lithuanian on a Lithuanian page and goes on with the conversation after a reload', async () => {
    const visitor = await app.browser.newContext({ locale: 'en-GB' });
    const v = await visitor.newPage();
    await v.goto(`${siteUrl}/lt?utm_source=facebook`);
    const chat = widget(v);
    expect(await textOf(chat.launcher)).toContain('Rašykite mums');
    await chat.launcher.click();
    await expect.poll(() => textOf(chat.messages('bot').last())).toBe('Kaip jus vadinti?');
    await chat.say('Jonas');
    await expect.poll(() => textOf(chat.messages('bot').last())).toContain('Malonu, Jonas!');

    // The next page (here: the same one again) continues the conversation, panel open.
    await v.reload();
    await expect.poll(() => textOf(chat.messages('bot').last())).toContain('Malonu, Jonas!');
    expect(await chat.messages('visitor').count()).toBe(1);
    await chat.say('jonas@example');
    await expect
      .poll(() => textOf(chat.messages('bot').last()))
      .toContain('el. pašto adresas atrodo neteisingas');
    await visitor.close();
    // A line left on a page for a widget that is gone serves no script.
    expect((await fetch(`${app.server.url}/embed/chat/${randomUUID()}.js`)).status).toBe(404);
  });
});
