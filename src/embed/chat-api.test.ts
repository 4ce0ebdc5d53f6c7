import { describe, expect, it } from 'vitest';
import { type ChatFetch, chatClient, parseWidget, readAnswer } from './chat-api.js';

const NOW = Date.parse('2026-11-27T10:00:00Z');

describe('answers of the public chat API', () => {
  it.each([
    [201, null, '{"messages":[]}', { ok: true, value: { messages: [] } }],
    [200, null, '<html>', { ok: true, value: null }],
    [429, '30', '', { ok: false, reason: 'rate', after: 30, detail: null }],
    [503, null, '', { ok: false, reason: 'network', after: null, detail: null }],
    [408, null, '', { ok: false, reason: 'network', after: null, detail: null }],
    [404, null, '{"detail":"Not found"}', { ok: false, reason: 'gone', after: null, detail: 'Not found' }],
    [
      409,
      null,
      '{"detail":"The conversation is closed"}',
      { ok: false, reason: 'refused', after: null, detail: 'The conversation is closed' },
    ],
    [400, null, 'oops', { ok: false, reason: 'refused', after: null, detail: null }],
  ] as const)('%i (Retry-After %s) → %j', (status, retryAfter, body, expected) => {
    expect(readAnswer(status, retryAfter, body, NOW)).toEqual(expected);
  });

  it('reads a public widget defensively', () => {
    expect(
      parseWidget({
        id: 'w1',
        greeting: { lt: 'Sveiki', en: 'Hello' },
        texts: { launcher: { lt: 'Klauskite' }, x: 3 },
      }),
    ).toEqual({
      id: 'w1',
      greeting: { lt: 'Sveiki', en: 'Hello' },
      texts: { launcher: { lt: 'Klauskite', en: '' } },
    });
    expect(parseWidget({ greeting: {} })).toBeNull();
  });
});

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(status: number, body: unknown): { fetch: ChatFetch; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      return { status, headers: new Headers(), text: async () => JSON.stringify(body) };
    },
  };
}

describe('the chat client', () => {
  const API = 'https://crm.uab.lt/api/public/chat';

  it('starts a conversation with the language, visitor and touch, without cookies', async () => {
    const { fetch, calls } = fakeFetch(201, {
      id: 'c1',
      token: 'secret',
      messages: [{ seq: 1, sender: 'bot', body: 'Labas! Kuo vardu?', createdAt: '' }],
    });
    const result = await chatClient(API, fetch, () => NOW).start('w1', {
      language: 'lt',
      visitorId: 'v1',
      touch: { utm_source: 'fb' },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        id: 'c1',
        token: 'secret',
        messages: [{ seq: 1, sender: 'bot', body: 'Labas! Kuo vardu?', createdAt: '' }],
      },
    });
    expect(calls[0]?.url).toBe(`${API}/widgets/w1/conversations`);
    expect(calls[0]?.init).toMatchObject({ method: 'POST', credentials: 'omit' });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      language: 'lt',
      visitorId: 'v1',
      touch: { utm_source: 'fb' },
    });
  });

  it('treats a start answer without id or token as a failure', async () => {
    const { fetch } = fakeFetch(201, { messages: [] });
    expect(
      (await chatClient(API, fetch, () => NOW).start('w1', { language: 'en', visitorId: 'v', touch: {} })).ok,
    ).toBe(false);
  });

  it('sends the token in a header, and polls after a seq', async () => {
    const { fetch, calls } = fakeFetch(200, { messages: [], status: 'human' });
    const client = chatClient(API, fetch, () => NOW);
    await client.send('c/1', 'tok', 'Hi');
    const polled = await client.poll('c1', 'tok', 7);
    expect(calls[0]?.url).toBe(`${API}/conversations/c%2F1/messages`);
    expect((calls[0]!.init.headers as Record<string, string>)['X-Chat-Token']).toBe('tok');
    expect(calls[1]?.url).toBe(`${API}/conversations/c1/messages?after=7`);
    expect(calls[1]?.init.body).toBeUndefined();
    expect(polled).toEqual({ ok: true, value: { messages: [], status: 'human', agentName: null } });
    expect(client.eventsUrl('c1', 'a+b', 3)).toBe(`${API}/conversations/c1/events?token=a%2Bb&after=3`);
  });

  it('counts a fetch that throws as a network failure', async () => {
    const client = chatClient(
      API,
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => NOW,
    );
    expect(await client.send('c1', 't', 'x')).toEqual({
      ok: false,
      reason: 'network',
      after: null,
      detail: null,
    });
  });
});
