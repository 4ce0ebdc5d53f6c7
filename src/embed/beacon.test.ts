import { describe, expect, it } from 'vitest';
import { isTrackerScript, viewBeacon } from './beacon.js';

describe('view beacon', () => {
  it('reports the page without its fragment to the app the script came from', () => {
    expect(
      viewBeacon('https://app.example.lt/embed/tracker.js', 'https://blog.lt/post?utm_source=x#top', 'v1'),
    ).toEqual({
      url: 'https://app.example.lt/api/public/track',
      body: JSON.stringify({
        kind: 'view',
        contentUrl: 'https://blog.lt/post?utm_source=x',
        visitorId: 'v1',
      }),
    });
  });

  it.each([
    [undefined, 'https://blog.lt/'],
    ['file:///tracker.js', 'https://blog.lt/'],
    ['https://app.lt/embed/tracker.js', 'file:///C:/page.html'],
    ['https://app.lt/embed/tracker.js', `https://blog.lt/${'a'.repeat(2100)}`],
  ])('sends nothing for script %s on page %s', (src, href) => {
    expect(viewBeacon(src, href, 'v1')).toBeNull();
  });

  it('tells the tracker from a form script', () => {
    expect(isTrackerScript('https://app.lt/embed/tracker.js')).toBe(true);
    expect(isTrackerScript('https://app.lt/embed/forms/0190.js')).toBe(false);
    expect(isTrackerScript(undefined)).toBe(false);
  });
});
