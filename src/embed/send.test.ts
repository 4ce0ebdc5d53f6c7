import { describe, expect, it } from 'vitest';
import { type FetchLike, readOutcome, send } from './send.js';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const problem = (body: object) =>
  JSON.stringify({ type: 'urn:piltuvas:problem:validation', title: 'Bad Request', ...body });

describe('reading a response', () => {
  it.each([
    [201, { kind: 'accepted' }],
    [202, { kind: 'accepted' }],
    [503, { kind: 'retry', reason: 'network', after: null }],
    [500, { kind: 'retry', reason: 'network', after: null }],
    [408, { kind: 'retry', reason: 'network', after: null }],
  ])('%i → %j', (status, outcome) => {
    expect(readOutcome(status, null, '', NOW)).toEqual(outcome);
  });

  it('waits as long as a 429 says', () => {
    expect(readOutcome(429, '42', '', NOW)).toEqual({ kind: 'retry', reason: 'rate', after: 42 });
    expect(readOutcome(429, null, '', NOW)).toEqual({ kind: 'retry', reason: 'rate', after: null });
  });

  it("keeps a problem's detail and its field errors", () => {
    const body = problem({
      status: 422,
      detail: ' Check the e-mail ',
      errors: [
        { field: 'person.email', code: 'invalid_format', message: 'has the wrong format' },
        null,
        { code: 'x' },
      ],
    });
    expect(readOutcome(422, null, body, NOW)).toEqual({
      kind: 'rejected',
      detail: 'Check the e-mail',
      errors: [{ field: 'person.email', code: 'invalid_format', message: 'has the wrong format' }],
    });
  });

  it.each([
    ['an HTML error page', '<html>Bad gateway</html>'],
    ['an empty body', ''],
    ['JSON that is no problem', '[1,2]'],
    ['a problem with an empty detail', problem({ detail: ' ' })],
  ])('refuses with no detail for %s', (_, body) => {
    expect(readOutcome(400, null, body, NOW)).toEqual({ kind: 'rejected', detail: null, errors: [] });
  });
});

describe('sending', () => {
  it('POSTs urlencoded with no custom header and no cookies: a CORS simple request', async () => {
    const calls: Array<[string, RequestInit]> = [];
    const fetchFn: FetchLike = async (url, init) => {
      calls.push([url, init]);
      return new Response(JSON.stringify({ id: 's1', status: 'stored' }), { status: 201 });
    };
    const body: Array<[string, string]> = [
      ['person.email', 'ona@uab.lt'],
      ['lead.productIds', 'a'],
      ['lead.productIds', 'b'],
    ];
    expect(await send('https://crm.example/s', body, fetchFn, () => NOW)).toEqual({ kind: 'accepted' });
    const [url, init] = calls[0]!;
    expect(url).toBe('https://crm.example/s');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('omit');
    expect(init.headers).toBeUndefined();
    expect(init.body).toBeInstanceOf(URLSearchParams);
    expect(String(init.body)).toBe('person.email=ona%40uab.lt&lead.productIds=a&lead.productIds=b');
  });

  it('treats a failed fetch (offline, blocked by CORS, timed out) as "retry"', async () => {
    const offline: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await send('https://crm.example/s', [], offline, () => NOW)).toEqual({
      kind: 'retry',
      reason: 'network',
      after: null,
    });
  });

  it('reads Retry-After from the response', async () => {
    const limited: FetchLike = async () =>
      new Response(problem({ status: 429 }), { status: 429, headers: { 'Retry-After': '12' } });
    expect(await send('https://crm.example/s', [], limited, () => NOW)).toEqual({
      kind: 'retry',
      reason: 'rate',
      after: 12,
    });
  });
});
