import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, pickLanguage, signedInPage } from './pages.js';
import { useBrowserApp } from './support.js';

const EN = { email: 'Email', password: 'Password', logIn: 'Log in' };

/**
 * A stand-in for the organisation's blog, where a tracked link sends the browser (this machine has
 * no network): it answers every page and remembers the paths asked for.
 */
async function startBlog(): Promise<{ url: string; paths: string[]; close: () => Promise<void> }> {
  const paths: string[] = [];
  const server = createServer((request, response) => {
    if (request.url !== '/favicon.ico') paths.push(request.url ?? '');
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Pavasario seminaras</title><h1>Pavasario seminaro apžvalga</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A user the admin makes through the API, signed in in a fresh English browser context. */
async function signedInAs(
  browser: Browser,
  url: string,
  user: { email: string; name: string; role: 'marketer' | 'rep' },
  options: BrowserContextOptions = {},
): Promise<{ page: Page; close: () => Promise<void> }> {
  const password = `${user.role} password 123`;
  const admin = await signedInPage(browser, url, 'en', EN);
  await apiCall(admin.page, url, 'POST', '/users', { ...user, password, locale: 'en' });
  await admin.close();

  const context = await browser.newContext({ locale: 'en-GB', ...options });
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel(EN.email, { exact: true }).fill(user.email);
  await page.getByLabel(EN.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: EN.logIn }).click();
  await page.getByTestId('nav-leads').waitFor();
  return { page, close: () => context.close() };
}

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').trim();

describe('tracked content in the browser', () => {
  const app = useBrowserApp();

  it('a marketer adds a blog post, makes a tracked link to share, and a click on it is counted', async () => {
    const url = app.server.url;
    const blog = await startBlog();
    const { page, close } = await signedInAs(
      app.browser,
      url,
      { email: 'turinio.rinkodara@example.lt', name: 'Turinio Rinkodarininkė', role: 'marketer' },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    );
    const title = 'Pavasario seminaro apžvalga';
    const postUrl = `${blog.url}/blog/pavasario-seminaras`;

    await page.getByTestId('nav-content').click();
    await page.getByText('No content yet.').waitFor();
    await page.getByTestId('content-new').click();
    await page.getByTestId('content-kind').click();
    await page.getByRole('option', { name: 'Blog post', exact: true }).click();
    await page.getByTestId('content-title').fill(title);
    await page.getByTestId('content-channel').fill('LinkedIn');
    // An address the server refuses: its message stands under the URL input, nothing is stored.
    await page.getByTestId('content-url').fill('blog/pavasario-seminaras');
    await page.getByTestId('content-save').click();
    await expect.poll(() => page.getByTestId('content-url').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toMatch(/\/content\/new$/);
    await page.getByTestId('content-url').fill(postUrl);
    await page.getByTestId('content-save').click();

    // Saved: the item's own page opens, with its tracked links and engagement.
    await page.getByTestId('content-link-make').waitFor();
    const contentId = page.url().split('/').pop() ?? '';
    expect(contentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await text(page, 'content-count-click')).toBe('0');
    await page.getByText('No tracked links yet.').waitFor();

    // The list shows it: title, kind in words, the channel as the server keeps it (lower case).
    await page.getByTestId('nav-content').click();
    const row = page.getByTestId('content-row').filter({ hasText: title });
    await row.getByText('Blog post', { exact: true }).waitFor();
    await row.getByText('linkedin', { exact: true }).waitFor();
    await row.getByRole('link', { name: title }).click();

    // A tracked link to the post: <app>/t/{token}, shown to copy, and first in the table.
    await page.getByTestId('content-link-make').click();
    await page.getByTestId('content-link-made').waitFor();
    const trackedUrl = await text(page, 'content-link-made');
    expect(trackedUrl).toMatch(new RegExp(`^${url.replace(/\./g, '\\.')}/t/[A-Za-z0-9_-]{16,}$`));
    await page.getByTestId('content-link-made-copy').click();
    await page.getByTestId('content-link-made-copy').getByText('Copied').waitFor();
    expect(String(await page.evaluate('navigator.clipboard.readText()'))).toBe(trackedUrl);
    const link = page.getByTestId('content-link-row');
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.getByTestId('content-link-url').textContent()).toBe(trackedUrl);
    await link.getByText(postUrl, { exact: true }).waitFor();

    // Someone follows it: the browser lands on the post itself.
    await page.goto(trackedUrl);
    await page.getByRole('heading', { name: title }).waitFor();
    expect(page.url()).toBe(postUrl);
    expect(blog.paths).toEqual(['/blog/pavasario-seminaras']);

    // Back on the content page: one click, by an anonymous visitor.
    await page.goto(`${url}/content/${contentId}`);
    await expect.poll(() => text(page, 'content-count-click')).toBe('1');
    expect(await text(page, 'content-count-view')).toBe('0');
    const engagement = page.locator('[data-testid="content-engagement-row"][data-kind="click"]');
    await expect.poll(() => engagement.count()).toBe(1);
    await engagement.getByText('Anonymous visitor').waitFor();
    // In Lithuanian the counts read as such.
    await pickLanguage(page, 'lt');
    await page.getByText('Paspaudimai', { exact: true }).waitFor();
    await page.getByText('Sekamos nuorodos', { exact: true }).waitFor();

    await close();
    await blog.close();
  });

  it('hides content from a sales rep, whom the server refuses its changes and engagement', async () => {
    const url = app.server.url;
    const admin = await signedInPage(app.browser, url, 'en', EN);
    const content = await apiCall<{ id: string }>(admin.page, url, 'POST', '/content', {
      kind: 'video',
      title: 'Produkto pristatymas',
      url: 'https://video.example.lt/pristatymas',
      channel: 'youtube',
    });
    await admin.close();

    const { page, close } = await signedInAs(app.browser, url, {
      email: 'turinio.atstovas@example.lt',
      name: 'Turinio Atstovas',
      role: 'rep',
    });
    expect(await page.getByTestId('nav-content').count()).toBe(0);
    expect((await page.request.get(`${url}/api/v1/content/${content.id}/engagements`)).status()).toBe(403);
    await apiCall(
      page,
      url,
      'POST',
      '/content',
      { kind: 'image', title: 'x', url: 'https://a.example.lt' },
      403,
    );
    await apiCall(page, url, 'POST', `/content/${content.id}/links`, {}, 403);
    await page.goto(`${url}/content`);
    await page.getByText('Only marketing specialists and administrators manage content.').waitFor();
    await page.goto(`${url}/content/${content.id}`);
    await page.getByText('Only marketing specialists and administrators manage content.').waitFor();
    await close();
  });
});
