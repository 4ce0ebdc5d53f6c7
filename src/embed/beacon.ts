import { isHttpUrl } from './touch.js';

/** Where and what the tracker sends for a page view (issue #4 §4): this page as content, with the visitor. */
export interface ViewBeacon {
  url: string;
  body: string;
}

/**
 * The view beacon of the page `href`, to the app the tracker script came from (`scriptSrc`); none for
 * a page that is not http(s) or a script of unknown origin. The server finds the content by the
 * page's URL (without its fragment) and answers 404 for pages that are not tracked content.
 * Example: `viewBeacon('https://app.lt/embed/tracker.js', 'https://blog.lt/post?utm_source=x#top', 'v1')`
 * → `{ url: 'https://app.lt/api/public/track', body: '{"kind":"view","contentUrl":"https://blog.lt/post?utm_source=x","visitorId":"v1"}' }`.
 */
export function viewBeacon(
  scriptSrc: string | undefined,
  href: string,
  visitorId: string,
): ViewBeacon | null {
  if (!scriptSrc || !isHttpUrl(scriptSrc) || !isHttpUrl(href)) return null;
  const page = new URL(href);
  page.hash = '';
  const contentUrl = page.toString();
  if (contentUrl.length > 2000) return null;
  return {
    url: new URL('/api/public/track', scriptSrc).toString(),
    body: JSON.stringify({ kind: 'view', contentUrl, visitorId }),
  };
}

/** Whether a script is the tracker (`/embed/tracker.js`), which reports page views; form scripts do not. */
export function isTrackerScript(scriptSrc: string | undefined): boolean {
  if (!scriptSrc || !isHttpUrl(scriptSrc)) return false;
  return new URL(scriptSrc).pathname === '/embed/tracker.js';
}
