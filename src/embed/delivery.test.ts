import { describe, expect, it } from 'vitest';
import {
  type DeliveryDeps,
  type DeliveryView,
  deliver,
  PENDING_MAX_AGE_MS,
  PENDING_PREFIX,
  type Pending,
  parsePending,
  resumePending,
} from './delivery.js';
import type { FetchLike } from './send.js';
import { memoryStore } from './storage.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');

function pendingOf(cid: string, overrides: Partial<Pending> = {}): Pending {
  return {
    formId: 'f1',
    endpoint: 'https://crm.example/s',
    body: [
      ['person.email', 'ona@uab.lt'],
      ['_cid', cid],
    ],
    attempts: 0,
    dueAt: T0,
    createdAt: T0,
    ...overrides,
  };
}

/** A page: a clock moved by the scheduler, a fake server answering from a list, a view that logs. */
function harness(answers: Array<Response | Error>, store = memoryStore()) {
  let clock = T0;
  const timers: Array<{ at: number; run: () => void }> = [];
  const sent: string[] = [];
  const log: string[] = [];
  const fetchFn: FetchLike = async (_url, init) => {
    sent.push(new URLSearchParams(init.body as URLSearchParams).get('_cid') ?? '');
    const answer = answers.shift() ?? new Error('no answer left');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const deps: DeliveryDeps = {
    store,
    fetch: fetchFn,
    now: () => clock,
    schedule: (run, ms) => timers.push({ at: clock + ms, run }),
    random: () => 0.5,
  };
  const view: DeliveryView = {
    sending: () => log.push('sending'),
    waiting: (seconds, reason) => log.push(`waiting ${seconds} s (${reason})`),
    accepted: () => log.push('accepted'),
    rejected: (outcome) => log.push(`rejected: ${outcome.detail}`),
  };
  /** Runs the next timer, moving the clock to it, and lets its delivery finish. */
  const tick = async () => {
    timers.sort((a, b) => a.at - b.at);
    const next = timers.shift()!;
    clock = next.at;
    next.run();
    await flush();
  };
  return { deps, view, log, sent, timers, store, tick, now: () => clock };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const stored = (status: number, headers: Record<string, string> = {}, body = '') =>
  new Response(body || null, { status, headers });

describe('delivering a submission', () => {
  it('removes it once the server stored it', async () => {
    const page = harness([stored(201)]);
    await deliver(pendingOf('c1'), page.deps, page.view);
    expect(page.log).toEqual(['sending', 'accepted']);
    expect(page.store.keys()).toEqual([]);
  });

  it('thanks a quarantined submission just the same', async () => {
    const page = harness([stored(202)]);
    await deliver(pendingOf('c1'), page.deps, page.view);
    expect(page.log).toEqual(['sending', 'accepted']);
  });

  it('keeps it through network errors and 5xx with growing waits, same client id every time', async () => {
    const page = harness([new TypeError('offline'), stored(503), stored(500), stored(201)]);
    await deliver(pendingOf('c1'), page.deps, page.view);
    expect(parsePending(page.store.get(`${PENDING_PREFIX}f1`), page.now())).toMatchObject({
      attempts: 1,
      dueAt: T0 + 5_000,
      reason: 'network',
    });
    await page.tick();
    await page.tick();
    await page.tick();
    expect(page.log).toEqual([
      'sending',
      'waiting 5 s (network)',
      'sending',
      'waiting 15 s (network)',
      'sending',
      'waiting 60 s (network)',
      'sending',
      'accepted',
    ]);
    expect(page.sent).toEqual(['c1', 'c1', 'c1', 'c1']);
    expect(page.now()).toBe(T0 + 80_000);
    expect(page.store.keys()).toEqual([]);
  });

  it('waits as long as a 429 says before trying again', async () => {
    const page = harness([stored(429, { 'Retry-After': '30' }), stored(201)]);
    await deliver(pendingOf('c1'), page.deps, page.view);
    expect(page.log).toEqual(['sending', 'waiting 30 s (rate)']);
    expect(page.store.get(`${PENDING_PREFIX}f1`)).not.toBeNull();
    await page.tick();
    expect(page.now()).toBe(T0 + 30_000);
    expect(page.log.at(-1)).toBe('accepted');
  });

  it('drops it when the server refuses it, and shows why', async () => {
    const body = JSON.stringify({
      title: 'Unprocessable Content',
      status: 422,
      detail: 'This form is closed',
    });
    const page = harness([stored(422, { 'Content-Type': 'application/problem+json' }, body)]);
    await deliver(pendingOf('c1'), page.deps, page.view);
    expect(page.log).toEqual(['sending', 'rejected: This form is closed']);
    expect(page.store.keys()).toEqual([]);
  });

  it('keeps a newer submission of the same form that another tab stored meanwhile', async () => {
    const store = memoryStore();
    const page = harness([stored(201)], store);
    const fetchFn = page.deps.fetch;
    page.deps.fetch = async (url, init) => {
      store.set(`${PENDING_PREFIX}f1`, JSON.stringify(pendingOf('c2')));
      return fetchFn(url, init);
    };
    await deliver(pendingOf('c1'), page.deps, page.view);
    expect(parsePending(store.get(`${PENDING_PREFIX}f1`), T0)?.body).toContainEqual(['_cid', 'c2']);
  });

  it('still delivers when nothing can be stored', async () => {
    const page = harness([new TypeError('offline'), stored(201)]);
    page.deps.store = { get: () => null, set: () => false, remove: () => {}, keys: () => [] };
    await deliver(pendingOf('c1'), page.deps, null);
    await page.tick();
    expect(page.sent).toEqual(['c1', 'c1']);
  });
});

describe('resuming what an earlier page left unsent', () => {
  it('sends a due submission at once and a waiting one when due, showing it in its form', async () => {
    const store = memoryStore({
      [`${PENDING_PREFIX}f1`]: JSON.stringify(pendingOf('c1', { attempts: 2 })),
      [`${PENDING_PREFIX}f2`]: JSON.stringify(
        pendingOf('c2', { formId: 'f2', dueAt: T0 + 20_500, reason: 'rate', attempts: 1 }),
      ),
      'piltuvas.vid': 'v1',
    });
    const page = harness([stored(201), stored(201)], store);
    resumePending(page.deps, (formId) => (formId === 'f2' ? page.view : null));
    expect(page.log).toEqual(['waiting 21 s (rate)']);
    await page.tick();
    expect(page.sent).toEqual(['c1']);
    await page.tick();
    expect(page.sent).toEqual(['c1', 'c2']);
    expect(page.now()).toBe(T0 + 20_500);
    expect(page.log).toEqual(['waiting 21 s (rate)', 'sending', 'accepted']);
    expect(store.keys()).toEqual(['piltuvas.vid']);
  });

  it('removes malformed, misfiled and week-old records without sending them', () => {
    const store = memoryStore({
      [`${PENDING_PREFIX}a`]: '{broken',
      [`${PENDING_PREFIX}b`]: JSON.stringify({ ...pendingOf('c1'), body: [['x', 1]] }),
      [`${PENDING_PREFIX}other`]: JSON.stringify(pendingOf('c2')),
      [`${PENDING_PREFIX}f1`]: JSON.stringify(pendingOf('c3', { createdAt: T0 - PENDING_MAX_AGE_MS })),
    });
    const page = harness([], store);
    resumePending(page.deps, () => page.view);
    expect(store.keys()).toEqual([]);
    expect(page.timers).toEqual([]);
  });
});
