import { describe, expect, it } from 'vitest';
import type { ChatClient, Polled, Result } from './chat-api.js';
import { followConversation, parseStatusEvent, pollDelay } from './chat-live.js';
import type { ChatMessage, ChatStatus } from './chat-state.js';

describe('polling', () => {
  it.each([
    [0, null, 4_000],
    [1, null, 8_000],
    [3, null, 32_000],
    [10, null, 60_000],
    [0, 15, 15_000],
    [2, 600, 60_000],
  ])('after %i failures (Retry-After %s) waits %i ms', (failures, after, ms) => {
    expect(pollDelay(failures, after)).toBe(ms);
  });
});

describe('status events', () => {
  it.each([
    ['{"status":"human","agentName":"Ona"}', { status: 'human', agentName: 'Ona' }],
    ['{"status":"closed"}', { status: 'closed', agentName: null }],
    ['{"status":"gone"}', null],
    ['not json', null],
  ])('%s → %j', (data, expected) => {
    expect(parseStatusEvent(data)).toEqual(expected);
  });
});

/** A client whose polls answer from a list, and timers run by hand. */
function harness(answers: Result<Polled>[]) {
  const timers: Array<() => void> = [];
  const afters: number[] = [];
  const client = {
    poll: async (_id: string, _token: string, after: number) => {
      afters.push(after);
      return answers.shift() ?? { ok: false, reason: 'network', after: null, detail: null };
    },
    eventsUrl: () => 'https://crm.uab.lt/events',
  } as unknown as ChatClient;
  const seen: { messages: ChatMessage[]; statuses: ChatStatus[]; gone: number } = {
    messages: [],
    statuses: [],
    gone: 0,
  };
  const deps = {
    client,
    schedule: (run: () => void) => timers.push(run),
    cancel: () => {},
  };
  const on = {
    messages: (list: ChatMessage[]) => seen.messages.push(...list),
    status: (status: ChatStatus) => seen.statuses.push(status),
    gone: () => seen.gone++,
  };
  return { deps, on, seen, timers, afters };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const message = (seq: number): ChatMessage => ({ seq, sender: 'user', body: 'Hi', createdAt: '' });

describe('following a conversation without EventSource', () => {
  it('polls after the last seq, passes on messages and status, and stops when the server forgets it', async () => {
    const h = harness([
      { ok: true, value: { messages: [message(4)], status: 'human', agentName: 'Ona' } },
      { ok: false, reason: 'gone', after: null, detail: null },
    ]);
    let last = 3;
    followConversation(h.deps, { id: 'c1', token: 't' }, () => last, h.on);
    await flush();
    expect(h.seen.messages).toEqual([message(4)]);
    expect(h.seen.statuses).toEqual(['human']);
    last = 4;
    h.timers.shift()?.();
    await flush();
    expect(h.afters).toEqual([3, 4]);
    expect(h.seen.gone).toBe(1);
    expect(h.timers).toHaveLength(0);
  });

  it('stops polling once stopped', async () => {
    const h = harness([{ ok: true, value: { messages: [], status: null, agentName: null } }]);
    const stop = followConversation(h.deps, { id: 'c1', token: 't' }, () => 0, h.on);
    stop();
    await flush();
    expect(h.timers).toHaveLength(0);
  });
});

/** A stand-in for the browser's EventSource that the test drives. */
class FakeSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static last: FakeSource | null = null;
  readyState = 0;
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeSource.last = this;
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data: string) {
    this.dispatchEvent(new MessageEvent(type, { data }));
  }
}

describe('following a conversation with EventSource', () => {
  it('passes on message and status events, and falls back to polling when the stream is refused', async () => {
    const h = harness([{ ok: true, value: { messages: [message(6)], status: null, agentName: null } }]);
    followConversation(
      { ...h.deps, EventSource: FakeSource as unknown as typeof EventSource },
      { id: 'c1', token: 't' },
      () => 5,
      h.on,
    );
    const source = FakeSource.last!;
    source.emit('message', JSON.stringify(message(5)));
    source.emit('message', 'garbage');
    source.emit('status', '{"status":"waiting"}');
    expect(h.seen.messages).toEqual([message(5)]);
    expect(h.seen.statuses).toEqual(['waiting']);
    expect(h.afters).toEqual([]);
    source.readyState = FakeSource.CLOSED;
    source.dispatchEvent(new Event('error'));
    await flush();
    expect(source.closed).toBe(true);
    expect(h.afters).toEqual([5]);
    expect(h.seen.messages).toEqual([message(5), message(6)]);
  });

  it('gives the stream three tries in a row before polling', async () => {
    const h = harness([]);
    followConversation(
      { ...h.deps, EventSource: FakeSource as unknown as typeof EventSource },
      { id: 'c1', token: 't' },
      () => 0,
      h.on,
    );
    const source = FakeSource.last!;
    source.dispatchEvent(new Event('error'));
    source.dispatchEvent(new Event('open'));
    source.dispatchEvent(new Event('error'));
    source.dispatchEvent(new Event('error'));
    expect(source.closed).toBe(false);
    source.dispatchEvent(new Event('error'));
    await flush();
    expect(source.closed).toBe(true);
    expect(h.afters).toEqual([0]);
  });
});
