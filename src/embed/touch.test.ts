import { describe, expect, it } from 'vitest';
import { guarded, memoryStore } from './storage.js';
import {
  clip,
  FIRST_TOUCH_KEY,
  hasCampaign,
  httpUrl,
  LAST_TOUCH_KEY,
  parseTouch,
  recordTouches,
  type Touch,
  touchAt,
  VISITOR_KEY,
  visitorId,
} from './touch.js';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const AT = NOW.toISOString();

describe('a page view as a touch', () => {
  it.each([
    [
      'campaign parameters, trimmed',
      'https://uab.lt/kaina?utm_source=%20facebook%20&utm_medium=cpc&utm_campaign=pavasaris&gclid=abc&x=1',
      '',
      {
        utm_source: 'facebook',
        utm_medium: 'cpc',
        utm_campaign: 'pavasaris',
        gclid: 'abc',
        landing_page:
          'https://uab.lt/kaina?utm_source=%20facebook%20&utm_medium=cpc&utm_campaign=pavasaris&gclid=abc&x=1',
        at: AT,
      },
    ],
    [
      'a referrer from another host',
      'https://uab.lt/',
      'https://www.google.com/',
      { referrer: 'https://www.google.com/', landing_page: 'https://uab.lt/', at: AT },
    ],
    [
      'no referrer from the same host',
      'https://uab.lt/b',
      'https://uab.lt/a',
      { landing_page: 'https://uab.lt/b', at: AT },
    ],
    [
      'no referrer that is not http(s)',
      'https://uab.lt/',
      'android-app://com.x/',
      { landing_page: 'https://uab.lt/', at: AT },
    ],
    [
      'no empty parameters',
      'https://uab.lt/?utm_source=%20%20&fbclid=',
      '',
      { landing_page: 'https://uab.lt/?utm_source=%20%20&fbclid=', at: AT },
    ],
    [
      'nothing but the time of a page that is not http(s)',
      'file:///C:/forma.html?utm_source=x',
      '',
      { landing_page: '', at: AT },
    ],
  ])('keeps %s', (_, href, referrer, touch) => {
    expect(touchAt(href, referrer, NOW)).toEqual(touch);
  });

  it('cuts every value to 300 characters without halving an emoji', () => {
    const long = `${'a'.repeat(299)}😀`;
    const touch = touchAt(`https://uab.lt/?utm_term=${encodeURIComponent(long)}`, '', NOW);
    expect(touch.utm_term).toBe('a'.repeat(299));
    expect(touch.landing_page.length).toBe(300);
    expect(clip('  x  ')).toBe('x');
  });

  it.each([
    ['https://uab.lt/ačiū', true],
    ['http://uab.lt', true],
    ['javascript:alert(1)', false],
    ['data:text/html,<b>', false],
    ['/relative', false],
  ])('keeps %s as a URL: %s', (value, kept) => {
    expect(httpUrl(value) !== undefined).toBe(kept);
  });

  it('tells a campaign touch from a plain one', () => {
    expect(hasCampaign(touchAt('https://uab.lt/?fbclid=1', '', NOW))).toBe(true);
    expect(hasCampaign(touchAt('https://uab.lt/', 'https://google.com/', NOW))).toBe(false);
  });
});

describe('stored touches', () => {
  it.each([
    ['null', null],
    ['not JSON', '{'],
    ['a string', '"x"'],
    ['no landing page', JSON.stringify({ at: AT })],
    ['no time', JSON.stringify({ landing_page: 'https://uab.lt/' })],
  ])('reads %s as no touch', (_, json) => {
    expect(parseTouch(json)).toBeNull();
  });

  it('reads back only known keys with string values, and only http(s) URLs', () => {
    const json = JSON.stringify({
      landing_page: 'https://uab.lt/',
      at: AT,
      utm_source: 'google',
      utm_medium: 42,
      referrer: 'javascript:alert(1)',
      extra: 'x',
    });
    expect(parseTouch(json)).toEqual({ landing_page: 'https://uab.lt/', at: AT, utm_source: 'google' });
  });
});

describe('recording touches across page views', () => {
  const view = (href: string, referrer = ''): Touch => touchAt(href, referrer, NOW);

  it('keeps the first touch and moves the last one on a campaign', () => {
    const store = memoryStore();
    const landing = view('https://uab.lt/?utm_source=google', 'https://google.com/');
    expect(recordTouches(store, landing)).toEqual({ first: landing, last: landing });

    const browsing = view('https://uab.lt/kainos');
    expect(recordTouches(store, browsing)).toEqual({ first: landing, last: landing });

    const newsletter = view('https://uab.lt/?utm_source=newsletter&utm_medium=email');
    expect(recordTouches(store, newsletter)).toEqual({ first: landing, last: newsletter });
    expect(parseTouch(store.get(FIRST_TOUCH_KEY))).toEqual(landing);
  });

  it('takes an outside referrer as the last touch only while there is none', () => {
    const store = memoryStore();
    const direct = view('https://uab.lt/');
    expect(recordTouches(store, direct)).toEqual({ first: direct, last: direct });
    expect(store.get(LAST_TOUCH_KEY)).toBeNull();

    const fromBlog = view('https://uab.lt/apie', 'https://blog.lt/straipsnis');
    expect(recordTouches(store, fromBlog)).toEqual({ first: direct, last: fromBlog });

    const fromSearch = view('https://uab.lt/kontaktai', 'https://google.com/');
    expect(recordTouches(store, fromSearch).last).toEqual(fromBlog);
  });

  it('replaces a corrupt stored touch', () => {
    const store = memoryStore({ [FIRST_TOUCH_KEY]: '{broken' });
    const current = view('https://uab.lt/');
    expect(recordTouches(store, current).first).toEqual(current);
    expect(parseTouch(store.get(FIRST_TOUCH_KEY))).toEqual(current);
  });

  it('sends the current page as both touches when storage throws', () => {
    const fail = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    const store = guarded({ getItem: fail, setItem: fail, removeItem: fail, key: fail, length: 0 });
    const current = view('https://uab.lt/?utm_source=x');
    expect(recordTouches(store, current)).toEqual({ first: current, last: current });
    expect(store.keys()).toEqual([]);
  });
});

describe('the visitor id', () => {
  it('is created once and kept', () => {
    const store = memoryStore();
    let made = 0;
    const make = () => `id-${++made}`;
    expect(visitorId(store, make)).toBe('id-1');
    expect(visitorId(store, make)).toBe('id-1');
    expect(store.get(VISITOR_KEY)).toBe('id-1');
  });

  it('is replaced when the stored one is empty or absurdly long', () => {
    expect(visitorId(memoryStore({ [VISITOR_KEY]: ' ' }), () => 'new')).toBe('new');
    expect(visitorId(memoryStore({ [VISITOR_KEY]: 'x'.repeat(65) }), () => 'new')).toBe('new');
  });
});
