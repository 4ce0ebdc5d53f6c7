import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasAttribution,
  MAX_TOUCH_VALUE,
  paramsOfUrl,
  safeUrl,
  type Touch,
  touchesOfSubmission,
  touchFrom,
} from './attribution.js';

const receivedAt = '2026-03-10T12:00:00.000Z';

const TEXT_FIELDS = [
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'utmTerm',
  'utmContent',
  'gclid',
  'fbclid',
] as const;

const blank: Touch = {
  utmSource: null,
  utmMedium: null,
  utmCampaign: null,
  utmTerm: null,
  utmContent: null,
  gclid: null,
  fbclid: null,
  referrer: null,
  landingPage: null,
  occurredAt: receivedAt,
};

/** The promises every touch keeps, whatever came in. */
function expectSafeTouch(t: Touch, at: string): void {
  for (const key of TEXT_FIELDS) {
    const v = t[key];
    if (v !== null) {
      expect(typeof v).toBe('string');
      expect(v.length).toBeGreaterThan(0);
      expect(v.length).toBeLessThanOrEqual(MAX_TOUCH_VALUE);
    }
  }
  for (const v of [t.referrer, t.landingPage]) {
    if (v !== null) {
      expect(v).toMatch(/^https?:\/\//);
      expect(v.length).toBeLessThanOrEqual(MAX_TOUCH_VALUE);
    }
  }
  if (t.occurredAt !== at) {
    const ms = Date.parse(t.occurredAt);
    expect(ms).toBeGreaterThanOrEqual(Date.UTC(2000, 0, 1));
    expect(ms).toBeLessThanOrEqual(Date.parse(at));
    expect(new Date(ms).toISOString()).toBe(t.occurredAt);
  }
}

describe('safeUrl', () => {
  it.each<[string, unknown, string | null]>([
    ['keeps an https URL', 'https://acme.lt/kainos?x=1', 'https://acme.lt/kainos?x=1'],
    ['keeps an http URL', 'http://acme.lt/', 'http://acme.lt/'],
    ['trims and normalises', '  HTTPS://Acme.LT  ', 'https://acme.lt/'],
    ['refuses javascript:', 'javascript:alert(1)', null],
    ['refuses javascript: in capitals with spaces', '  JavaScript:alert(1)', null],
    ['refuses data:', 'data:text/html,<script>alert(1)</script>', null],
    ['refuses a relative path', '/kainos', null],
    ['refuses a host without a scheme', 'acme.lt/kainos', null],
    ['refuses ftp:', 'ftp://acme.lt/file', null],
    ['refuses mailto:', 'mailto:ana@acme.lt', null],
    ['refuses an empty string', '', null],
    ['refuses whitespace', '   ', null],
    ['refuses a number', 42, null],
    ['refuses null', null, null],
    ['refuses an object', { href: 'https://acme.lt' }, null],
  ])('%s', (_name, input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });

  it('cuts a long URL to 300 characters', () => {
    const url = `https://acme.lt/?q=${'a'.repeat(500)}`;
    const safe = safeUrl(url);
    expect(safe).toHaveLength(MAX_TOUCH_VALUE);
    expect(url.startsWith(safe ?? 'x')).toBe(true);
  });

  it('returns only null or an http(s) URL of at most 300 characters', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.anything()),
        (input) => {
          const safe = safeUrl(input);
          if (safe !== null) {
            expect(safe).toMatch(/^https?:\/\//);
            expect(safe.length).toBeLessThanOrEqual(MAX_TOUCH_VALUE);
          }
        },
      ),
    );
  });
});

describe('paramsOfUrl', () => {
  it.each<[string, string | null, Record<string, string>]>([
    ['nothing for no URL', null, {}],
    ['nothing for junk', 'not a url', {}],
    ['nothing for a page without parameters', 'https://acme.lt/', {}],
    [
      'reads the campaign parameters and click ids',
      'https://acme.lt/?utm_source=google&utm_medium=cpc&utm_campaign=pavasaris&utm_term=saules&utm_content=a&gclid=G1&fbclid=F1',
      {
        utm_source: 'google',
        utm_medium: 'cpc',
        utm_campaign: 'pavasaris',
        utm_term: 'saules',
        utm_content: 'a',
        gclid: 'G1',
        fbclid: 'F1',
      },
    ],
    ['ignores other parameters', 'https://acme.lt/?ref=x&utm_source=news', { utm_source: 'news' }],
    ['leaves out empty parameters', 'https://acme.lt/?utm_source=&utm_medium=email', { utm_medium: 'email' }],
    ['decodes values', 'https://acme.lt/?utm_campaign=spring%20sale', { utm_campaign: 'spring sale' }],
  ])('%s', (_name, url, expected) => {
    expect(paramsOfUrl(url)).toEqual(expected);
  });
});

describe('touchFrom', () => {
  it('reads every field of the embed script JSON', () => {
    expect(
      touchFrom(
        {
          utm_source: 'google',
          utm_medium: 'cpc',
          utm_campaign: 'pavasaris',
          utm_term: 'saulės elektrinė',
          utm_content: 'b',
          gclid: 'G1',
          fbclid: 'F1',
          referrer: 'https://www.google.com/',
          landing_page: 'https://acme.lt/kainos',
          at: '2026-03-01T10:00:00+02:00',
        },
        receivedAt,
      ),
    ).toEqual({
      utmSource: 'google',
      utmMedium: 'cpc',
      utmCampaign: 'pavasaris',
      utmTerm: 'saulės elektrinė',
      utmContent: 'b',
      gclid: 'G1',
      fbclid: 'F1',
      referrer: 'https://www.google.com/',
      landingPage: 'https://acme.lt/kainos',
      occurredAt: '2026-03-01T08:00:00.000Z',
    });
  });

  it('accepts camelCase landingPage and occurredAt (a webhook’s fields)', () => {
    const t = touchFrom(
      { landingPage: 'https://acme.lt/', occurredAt: '2026-02-01T00:00:00.000Z' },
      receivedAt,
    );
    expect(t.landingPage).toBe('https://acme.lt/');
    expect(t.occurredAt).toBe('2026-02-01T00:00:00.000Z');
  });

  it('reads utm parameters from the landing page URL when they are not given', () => {
    const t = touchFrom(
      { landing_page: 'https://acme.lt/?utm_source=facebook&utm_campaign=ruduo&fbclid=F9' },
      receivedAt,
    );
    expect(t).toMatchObject({ utmSource: 'facebook', utmCampaign: 'ruduo', fbclid: 'F9', utmMedium: null });
  });

  it('prefers a given parameter over the one in the landing page URL', () => {
    const t = touchFrom(
      { utm_source: 'newsletter', landing_page: 'https://acme.lt/?utm_source=facebook&utm_medium=social' },
      receivedAt,
    );
    expect(t).toMatchObject({ utmSource: 'newsletter', utmMedium: 'social' });
  });

  it('does not read parameters from an unsafe landing page', () => {
    const t = touchFrom({ landing_page: 'javascript:x?utm_source=evil' }, receivedAt);
    expect(t).toEqual(blank);
  });

  it.each<[string, unknown, string | null]>([
    ['trims a value', '  google  ', 'google'],
    ['treats whitespace as nothing', '   ', null],
    ['treats an empty string as nothing', '', null],
    ['ignores a number', 5, null],
    ['ignores an array', ['google'], null],
    ['ignores an object', { source: 'google' }, null],
    ['cuts a long value to 300 characters', 'x'.repeat(1000), 'x'.repeat(MAX_TOUCH_VALUE)],
  ])('%s', (_name, value, expected) => {
    expect(touchFrom({ utm_source: value }, receivedAt).utmSource).toBe(expected);
  });

  it.each<[string, unknown]>([
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,hi'],
    ['a relative URL', '/from/here'],
  ])('drops a referrer that is %s', (_name, referrer) => {
    expect(touchFrom({ referrer }, receivedAt).referrer).toBeNull();
  });

  it.each<[string, unknown, string]>([
    ['keeps a past time, as ISO', '2025-12-24T18:30:00Z', '2025-12-24T18:30:00.000Z'],
    ['keeps the time of receipt itself', receivedAt, receivedAt],
    ['replaces a time in the future', '2026-03-10T12:00:00.001Z', receivedAt],
    ['replaces a time years ahead', '2099-01-01T00:00:00Z', receivedAt],
    ['replaces a time before 2000', '1999-12-31T23:59:59Z', receivedAt],
    ['keeps the first moment of 2000', '2000-01-01T00:00:00Z', '2000-01-01T00:00:00.000Z'],
    ['replaces an unreadable time', 'yesterday', receivedAt],
    ['replaces a number', 1767225600000, receivedAt],
    ['replaces a missing time', undefined, receivedAt],
  ])('%s', (_name, at, expected) => {
    expect(touchFrom({ at }, receivedAt).occurredAt).toBe(expected);
  });
});

describe('hasAttribution', () => {
  it.each<[string, Partial<Touch>, boolean]>([
    ['a touch with only a time says nothing', {}, false],
    ['a utm source says something', { utmSource: 'google' }, true],
    ['a click id says something', { gclid: 'G1' }, true],
    ['a referrer says something', { referrer: 'https://google.com/' }, true],
    ['a landing page says something', { landingPage: 'https://acme.lt/' }, true],
  ])('%s', (_name, fields, expected) => {
    expect(hasAttribution({ ...blank, ...fields })).toBe(expected);
  });
});

describe('touchesOfSubmission', () => {
  const firstJson = JSON.stringify({
    utm_source: 'google',
    utm_medium: 'cpc',
    referrer: 'https://www.google.com/',
    landing_page: 'https://acme.lt/',
    at: '2026-02-01T09:00:00.000Z',
  });
  const lastJson = JSON.stringify({
    utm_source: 'newsletter',
    utm_medium: 'email',
    referrer: 'https://mail.example.com/',
    landing_page: 'https://acme.lt/akcija?utm_source=newsletter&utm_medium=email',
    at: '2026-03-09T08:00:00.000Z',
  });

  it('gives a blank touch at the time of receipt when nothing is known', () => {
    const { first, last } = touchesOfSubmission({}, receivedAt, undefined);
    expect(last).toEqual(blank);
    expect(first).toEqual(last);
  });

  it('uses the form page as the landing page when there is no script touch', () => {
    const { first, last } = touchesOfSubmission(
      { _page: 'https://acme.lt/kontaktai' },
      receivedAt,
      undefined,
    );
    expect(last).toEqual({ ...blank, landingPage: 'https://acme.lt/kontaktai' });
    expect(first).toEqual(last);
  });

  it('falls back to the Referer header when the submission names no page', () => {
    const { last } = touchesOfSubmission({}, receivedAt, 'https://acme.lt/kontaktai');
    expect(last.landingPage).toBe('https://acme.lt/kontaktai');
  });

  it('prefers _page over the Referer header', () => {
    const { last } = touchesOfSubmission({ _page: 'https://acme.lt/a' }, receivedAt, 'https://acme.lt/b');
    expect(last.landingPage).toBe('https://acme.lt/a');
  });

  it('falls back to the Referer header when _page is unsafe', () => {
    const { last } = touchesOfSubmission({ _page: 'javascript:alert(1)' }, receivedAt, 'https://acme.lt/b');
    expect(last.landingPage).toBe('https://acme.lt/b');
  });

  it('takes the script’s first and last touches', () => {
    const { first, last } = touchesOfSubmission(
      { _first: firstJson, _last: lastJson, _page: 'https://acme.lt/kontaktai' },
      receivedAt,
      undefined,
    );
    expect(first).toEqual({
      ...blank,
      utmSource: 'google',
      utmMedium: 'cpc',
      referrer: 'https://www.google.com/',
      landingPage: 'https://acme.lt/',
      occurredAt: '2026-02-01T09:00:00.000Z',
    });
    // a form page without campaign parameters does not replace the last campaign touch
    expect(last).toEqual({
      ...blank,
      utmSource: 'newsletter',
      utmMedium: 'email',
      referrer: 'https://mail.example.com/',
      landingPage: 'https://acme.lt/akcija?utm_source=newsletter&utm_medium=email',
      occurredAt: '2026-03-09T08:00:00.000Z',
    });
  });

  it('makes the submission’s own utm_* values the last touch, at the time of receipt', () => {
    const { first, last } = touchesOfSubmission(
      {
        _first: firstJson,
        _last: lastJson,
        _page: 'https://acme.lt/kontaktai',
        utm_source: ' linkedin ',
        utm_campaign: 'b2b',
      },
      receivedAt,
      undefined,
    );
    expect(last).toEqual({
      ...blank,
      utmSource: 'linkedin',
      utmCampaign: 'b2b',
      referrer: 'https://mail.example.com/',
      landingPage: 'https://acme.lt/kontaktai',
      occurredAt: receivedAt,
    });
    expect(first.utmSource).toBe('google');
  });

  it('makes a form page with campaign parameters the last touch', () => {
    const { last } = touchesOfSubmission(
      { _last: lastJson, _page: 'https://acme.lt/kontaktai?utm_source=facebook&gclid=G7' },
      receivedAt,
      undefined,
    );
    expect(last).toEqual({
      ...blank,
      utmSource: 'facebook',
      gclid: 'G7',
      referrer: 'https://mail.example.com/',
      landingPage: 'https://acme.lt/kontaktai?utm_source=facebook&gclid=G7',
      occurredAt: receivedAt,
    });
  });

  it('ignores blank own utm_* values', () => {
    const { last } = touchesOfSubmission({ _last: lastJson, utm_source: '   ' }, receivedAt, undefined);
    expect(last.utmSource).toBe('newsletter');
    expect(last.occurredAt).toBe('2026-03-09T08:00:00.000Z');
  });

  it('makes the first touch the last one when the script sent no first touch', () => {
    const { first, last } = touchesOfSubmission({ _last: lastJson }, receivedAt, undefined);
    expect(first).toEqual(last);
    expect(first.utmSource).toBe('newsletter');
  });

  it('makes the first touch the submission’s own when there is nothing else', () => {
    const { first, last } = touchesOfSubmission(
      { utm_source: 'google', _page: 'https://acme.lt/' },
      receivedAt,
      undefined,
    );
    expect(first).toEqual(last);
    expect(first).toMatchObject({
      utmSource: 'google',
      landingPage: 'https://acme.lt/',
      occurredAt: receivedAt,
    });
  });

  it.each<[string, unknown]>([
    ['invalid JSON', '{"utm_source": "google"'],
    ['a JSON array', JSON.stringify([{ utm_source: 'google' }])],
    ['JSON null', 'null'],
    ['a JSON string', JSON.stringify('utm_source=google')],
    ['a JSON number', '42'],
    ['an array value', ['{"utm_source":"google"}']],
    ['an object value', { utm_source: 'google' }],
    ['JSON longer than 4000 characters', JSON.stringify({ utm_source: 'google', pad: 'x'.repeat(4000) })],
  ])('ignores a _first that is %s', (_name, _first) => {
    const { first, last } = touchesOfSubmission({ _first, _page: 'https://acme.lt/' }, receivedAt, undefined);
    expect(first).toEqual(last);
    expect(first.utmSource).toBeNull();
  });

  it.each<[string, unknown]>([
    ['invalid JSON', '{utm_source: google}'],
    ['a JSON array', '["google"]'],
    ['JSON longer than 4000 characters', JSON.stringify({ utm_source: 'google', pad: 'x'.repeat(4000) })],
    ['an object with no text in it', JSON.stringify({ at: 5, utm_source: null })],
  ])('falls back to the form page when _last is %s', (_name, _last) => {
    const { last } = touchesOfSubmission({ _last, _page: 'https://acme.lt/' }, receivedAt, undefined);
    expect(last).toEqual({ ...blank, landingPage: 'https://acme.lt/' });
  });

  it('reads touch JSON of exactly 4000 characters', () => {
    const base = JSON.stringify({ utm_source: 'google', pad: '' });
    const json = JSON.stringify({ utm_source: 'google', pad: 'x'.repeat(4000 - base.length) });
    expect(json).toHaveLength(4000);
    expect(touchesOfSubmission({ _first: json }, receivedAt, undefined).first.utmSource).toBe('google');
  });

  it.each<[string, string]>([
    ['in the future', '2026-03-11T00:00:00.000Z'],
    ['before 2000', '1970-01-01T00:00:00.000Z'],
    ['unreadable', 'soon'],
  ])('replaces a script touch time that is %s by the time of receipt', (_name, at) => {
    const { first, last } = touchesOfSubmission(
      {
        _first: JSON.stringify({ utm_source: 'google', at }),
        _last: JSON.stringify({ utm_source: 'bing', at }),
      },
      receivedAt,
      undefined,
    );
    expect(first.occurredAt).toBe(receivedAt);
    expect(last.occurredAt).toBe(receivedAt);
  });

  it('keeps unsafe URLs out of the script touches', () => {
    const { first } = touchesOfSubmission(
      { _first: JSON.stringify({ referrer: 'javascript:alert(1)', landing_page: 'data:text/html,x' }) },
      receivedAt,
      undefined,
    );
    expect(first.referrer).toBeNull();
    expect(first.landingPage).toBeNull();
  });

  const touchKey = fc.constantFrom(
    '_first',
    '_last',
    '_page',
    'utm_source',
    'utm_medium',
    'utm_campaign',
    'utm_term',
    'utm_content',
    'gclid',
    'fbclid',
    'referrer',
    'landing_page',
    'landingPage',
    'at',
    'occurredAt',
  );
  const url = fc.webUrl({ withQueryParameters: true, withFragments: true });
  const campaignUrl = fc
    .tuple(url, fc.string(), fc.string({ maxLength: 400 }))
    .map(([u, s, c]) => `${u}${u.includes('?') ? '&' : '?'}utm_source=${encodeURIComponent(s)}&gclid=${c}`);
  const looseTouch = fc.dictionary(
    touchKey,
    fc.oneof(
      fc.string(),
      fc.string({ minLength: 290, maxLength: 400 }),
      url,
      campaignUrl,
      fc.date().map(String),
      fc.jsonValue(),
    ),
  );
  const looseValue = fc.oneof(
    fc.string(),
    fc.jsonValue(),
    fc.anything(),
    url,
    campaignUrl,
    looseTouch.map((t) => JSON.stringify(t)),
    fc.constantFrom(
      'javascript:alert(1)',
      'data:text/html,x',
      '/relative',
      'null',
      '[]',
      '{"at":"2099-01-01"}',
    ),
  );

  it('never throws, and keeps every field short and every URL http(s)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.oneof(fc.string(), touchKey), looseValue),
        fc.option(fc.oneof(fc.string(), url, campaignUrl), { nil: undefined }),
        (values, referer) => {
          const { first, last } = touchesOfSubmission(values, receivedAt, referer);
          expectSafeTouch(first, receivedAt);
          expectSafeTouch(last, receivedAt);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never lets a visitor’s clock put a touch after the submission', () => {
    fc.assert(
      fc.property(
        looseTouch,
        looseTouch,
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (f, l, when) => {
          const at = when.toISOString();
          const { first, last } = touchesOfSubmission(
            { _first: JSON.stringify(f), _last: JSON.stringify(l) },
            at,
            undefined,
          );
          expectSafeTouch(first, at);
          expectSafeTouch(last, at);
        },
      ),
    );
  });
});
