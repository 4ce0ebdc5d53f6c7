import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDialect, PG_URL } from '../../../../test/dialects.js';
import { type Session, testConfig, useTestApp } from '../../../../test/harness.js';
import type { Actor } from '../../../domain/access/policy.js';
import { buildApp } from '../../app.js';
import type { Deps } from '../../context.js';
import { connect } from '../../db/connect.js';
import type { SseStream } from '../../plugins/sse.js';
import { broadcasterOf, openBroadcaster } from '../../pubsub/index.js';
import { followConversation, followInbox } from './chat.events.js';
import { MAX_STREAMS_PER_CONVERSATION } from './chat.limits.js';

interface SseEvent {
  id?: string;
  event: string;
  data: unknown;
}

/** Reads a real event stream over HTTP, the way a browser's EventSource does. */
async function openEvents(url: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const parsed: SseEvent[] = [];
  let ended = false;

  /** Reads until one more event is parsed, or the stream ends (→ null). */
  async function readEvent(): Promise<SseEvent | null> {
    for (;;) {
      const cut = buffer.indexOf('\n\n');
      if (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event: SseEvent = { event: 'message', data: undefined };
        let hasData = false;
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(':');
          const value = rest.join(':').replace(/^ /, '');
          if (field === 'id') event.id = value;
          if (field === 'event') event.event = value;
          if (field === 'data') {
            event.data = JSON.parse(value);
            hasData = true;
          }
        }
        if (hasData) return event;
        continue;
      }
      const { value, done } = await reader.read();
      if (done) {
        ended = true;
        return null;
      }
      buffer += decoder.decode(value, { stream: true });
    }
  }

  return {
    status: res.status,
    headers: res.headers,
    /** The next event matching `match` (skipping others), within 5 s. */
    async next(match: (e: SseEvent) => boolean = () => true, timeoutMs = 5000): Promise<SseEvent> {
      const found = parsed.findIndex(match);
      if (found >= 0) return parsed.splice(found, 1)[0]!;
      const deadline = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms`)), timeoutMs).unref(),
      );
      const look = (async () => {
        for (;;) {
          const e = await readEvent();
          if (!e) throw new Error('the stream ended');
          if (match(e)) return e;
          parsed.push(e);
        }
      })();
      return Promise.race([look, deadline]);
    },
    /** Resolves true once the server has ended the stream. */
    async ended(): Promise<boolean> {
      while (!ended && (await readEvent()) !== null) {
        // drain
      }
      return true;
    },
    close: () => abort.abort(),
  };
}

/** An event stream without a connection: what a service sends, for tests of the following logic. */
function memoryStream() {
  const sent: { event: string; data: unknown }[] = [];
  const callbacks: (() => void)[] = [];
  let closed = false;
  const stream: SseStream = {
    get closed() {
      return closed;
    },
    send: (event, data) => void sent.push({ event, data }),
    close() {
      if (closed) return;
      closed = true;
      for (const fn of callbacks.splice(0)) fn();
    },
    onClose: (fn) => (closed ? fn() : void callbacks.push(fn)),
  };
  return { stream, sent };
}

/** Waits until `check` passes, or fails after `ms`. */
async function eventually(check: () => void, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}

describeEachDialect('chat event streams', (dialect) => {
  const t = useTestApp(dialect, dialect === 'postgres' ? { databaseUrl: PG_URL } : {});
  let base = '';
  beforeAll(async () => {
    base = await listen(t.app);
  });

  async function post(url: string, body: object, headers: Record<string, string> = {}) {
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { id: string; token: string };
    if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  async function newConversation() {
    const admin = await t.signedIn('admin');
    const widget = await post('/api/v1/chat/widgets', { name: 'Pokalbis' }, admin.headers);
    return post(`/api/public/chat/widgets/${widget.id}/conversations`, { language: 'en' });
  }

  const eventsUrl = (c: { id: string; token: string }, query = '') =>
    `${base}/api/public/chat/conversations/${c.id}/events?token=${c.token}${query}`;

  it('replays the conversation, then a colleague’s message and the status reach the visitor live', async () => {
    const c = await newConversation();
    const stream = await openEvents(eventsUrl(c), { origin: 'https://site.example' });
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(stream.headers.get('access-control-allow-origin')).toBe('https://site.example');
      expect(await stream.next()).toMatchObject({
        id: '1',
        event: 'message',
        data: { seq: 1, sender: 'bot' },
      });
      expect(await stream.next()).toMatchObject({ id: '2', data: { body: 'What is your name?' } });
      expect(await stream.next()).toEqual({ event: 'status', data: { status: 'bot' } });
      const rep: Session = await t.signedIn('rep');
      await post(`/api/v1/chat/conversations/${c.id}/join`, {}, rep.headers);
      await post(
        `/api/v1/chat/conversations/${c.id}/messages`,
        { body: 'Labas, kuo galiu padėti?' },
        rep.headers,
      );
      expect(await stream.next((e) => e.event === 'status')).toEqual({
        event: 'status',
        data: { status: 'human', agentName: rep.user.name },
      });
      expect(await stream.next((e) => e.id === '4')).toMatchObject({
        event: 'message',
        data: { seq: 4, sender: 'user', body: 'Labas, kuo galiu padėti?', authorName: rep.user.name },
      });
    } finally {
      stream.close();
    }
  });

  it('resumes after Last-Event-ID (or ?after) without sending the earlier messages again', async () => {
    const c = await newConversation();
    await post(
      `/api/public/chat/conversations/${c.id}/messages`,
      { body: 'Ona' },
      { 'x-chat-token': c.token },
    );
    const resumed = await openEvents(eventsUrl(c), { 'last-event-id': '2' });
    const after = await openEvents(eventsUrl(c, '&after=3'));
    try {
      expect((await resumed.next((e) => e.event === 'message')).id).toBe('3');
      expect((await resumed.next((e) => e.event === 'message')).id).toBe('4');
      expect((await after.next((e) => e.event === 'message')).id).toBe('4');
    } finally {
      resumed.close();
      after.close();
    }
  });

  it('tells a colleague’s screen about conversations they may see', async () => {
    const rep = await t.signedIn('rep');
    const inbox = await openEvents(`${base}/api/v1/chat/events`, { cookie: rep.cookie });
    try {
      expect(inbox.status).toBe(200);
      const c = await newConversation();
      const seen = await inbox.next((e) => (e.data as { id: string }).id === c.id);
      expect(seen).toMatchObject({ event: 'conversation', data: { id: c.id, status: 'bot' } });
      const anonymous = await fetch(`${base}/api/v1/chat/events`);
      expect(anonymous.status).toBe(401);
    } finally {
      inbox.close();
    }
  });

  it('ends open streams when the app closes, so shutdown never hangs', async () => {
    const deps: Deps = { ...t.deps };
    const other = await buildApp({ deps });
    const url = await listen(other);
    const c = await newConversation();
    const stream = await openEvents(`${url}/api/public/chat/conversations/${c.id}/events?token=${c.token}`);
    await stream.next();
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await stream.ended()).toBe(true);
  });

  it('keeps the stream’s token out of the request log', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const logged = await buildApp({ deps: { ...t.deps }, logger });
    try {
      const c = await newConversation();
      const res = await logged.inject({
        method: 'GET',
        url: `/api/public/chat/conversations/${c.id}/events?token=${c.token.slice(0, 20)}wrong&after=2`,
      });
      expect(res.statusCode).toBe(404);
      const log = lines.join('');
      expect(log).toContain('token=[redacted]&after=2');
      expect(log).not.toContain(c.token.slice(0, 20));
    } finally {
      await logged.close();
    }
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('ends the visitor’s stream when a colleague closes the conversation (without joining), and a reconnect is told to stop', async () => {
    const c = await newConversation();
    const stream = await openEvents(eventsUrl(c));
    try {
      await stream.next((e) => e.event === 'status');
      const rep = await t.signedIn('rep');
      await post(`/api/v1/chat/conversations/${c.id}/close`, {}, rep.headers);
      expect(await stream.next((e) => e.id === '3')).toMatchObject({ data: { sender: 'system' } });
      expect(await stream.next((e) => e.event === 'status')).toEqual({
        event: 'status',
        data: { status: 'closed' },
      });
      expect(await stream.ended()).toBe(true);
    } finally {
      stream.close();
    }
    const reconnect = await fetch(eventsUrl(c), { headers: { 'last-event-id': '3' } });
    expect(reconnect.status).toBe(204);
    const fresh = await openEvents(eventsUrl(c));
    expect((await fresh.next((e) => e.event === 'status')).data).toEqual({ status: 'closed' });
    expect(await fresh.ended()).toBe(true);
  });

  it('counts streams opened together: of one more than the limit at once, exactly one is refused 429', async () => {
    const c = await newConversation();
    const streams = await Promise.all(
      Array.from({ length: MAX_STREAMS_PER_CONVERSATION + 1 }, () => openEvents(eventsUrl(c))),
    );
    try {
      expect(streams.map((s) => s.status).sort()).toEqual([
        ...Array(MAX_STREAMS_PER_CONVERSATION).fill(200),
        429,
      ]);
    } finally {
      for (const s of streams) s.close();
    }
  });

  it('limits the streams one address keeps open over all its conversations, and frees a place when one ends', async () => {
    const deps: Deps = { ...t.deps, config: { ...t.deps.config, chatStreamsPerAddress: 2 } };
    const other = await buildApp({ deps });
    const url = await listen(other);
    const at = (c: { id: string; token: string }) =>
      `${url}/api/public/chat/conversations/${c.id}/events?token=${c.token}`;
    const [a, b] = [await newConversation(), await newConversation()];
    const first = await openEvents(at(a));
    const second = await openEvents(at(b));
    try {
      expect([first.status, second.status]).toEqual([200, 200]);
      const third = await fetch(at(a));
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBe('30');
      first.close();
      let again = await openEvents(at(a));
      for (let i = 0; again.status !== 200 && i < 50; i++) {
        // The server hears of the closed connection a moment later.
        await new Promise((resolve) => setTimeout(resolve, 20));
        again = await openEvents(at(a));
      }
      expect(again.status).toBe(200);
      again.close();
    } finally {
      first.close();
      second.close();
      await other.close();
    }
  });

  it('counts stream requests per address before the token is checked: guesses get 429 too', async () => {
    const c = await newConversation();
    const wrong = `${base}/api/public/chat/conversations/${c.id}/events?token=${'x'.repeat(43)}`;
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await fetch(wrong)).status);
    expect(codes.slice(0, 30)).toEqual(Array(30).fill(404));
    expect(codes[30]).toBe(429);
  });

  it('tells a colleague’s screen to refetch everything when news may have been lost (resync)', async () => {
    const rep = await t.signedIn('rep');
    const inbox = await openEvents(`${base}/api/v1/chat/events`, { cookie: rep.cookie });
    try {
      await broadcasterOf(t.deps).publish('chat:inbox', { resync: true });
      expect(await inbox.next((e) => e.event === 'resync')).toEqual({ event: 'resync', data: {} });
    } finally {
      inbox.close();
    }
  });

  it('ends a colleague’s stream once a recheck finds they may no longer read', async () => {
    const rep = await t.signedIn('rep');
    const actor: Actor = { id: rep.user.id, role: 'rep', teamId: null, managedTeamIds: [], grants: [] };
    let now: Actor | null = actor;
    const { stream } = memoryStream();
    const opened = await followInbox(
      t.deps,
      () => stream,
      { actor, recheck: async () => now },
      () => {},
      20,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(opened.closed).toBe(false);
    now = null;
    await eventually(() => expect(opened.closed).toBe(true));
  });

  it('lets go of the subscription when the stream cannot be opened', async () => {
    const c = await newConversation();
    const broadcaster = broadcasterOf(t.deps);
    const subscribe = broadcaster.subscribe.bind(broadcaster);
    let unsubscribed = 0;
    vi.spyOn(broadcaster, 'subscribe').mockImplementation(async (topic, listener) => {
      const unsubscribe = await subscribe(topic, listener);
      return () => {
        unsubscribed++;
        unsubscribe();
      };
    });
    const failing = () => {
      throw new Error('the visitor left');
    };
    await expect(followConversation(t.deps, failing, c.id, 0, () => {})).rejects.toThrow('the visitor left');
    expect(unsubscribed).toBe(1);
  });

  it('keeps the token out of the log when the stream fails on our side (500)', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const deps: Deps = { ...t.deps };
    vi.spyOn(openBroadcaster(deps), 'subscribe').mockRejectedValue(new Error('LISTEN failed'));
    const logged = await buildApp({ deps, logger });
    try {
      const c = await newConversation();
      const res = await logged.inject({
        method: 'GET',
        url: `/api/public/chat/conversations/${c.id}/events?token=${c.token}`,
      });
      expect(res.statusCode).toBe(500);
      const log = lines.join('');
      expect(log).toContain('request failed');
      expect(log).toContain('token=[redacted]');
      expect(log).not.toContain(c.token);
    } finally {
      await logged.close();
    }
  });

  it.runIf(dialect === 'postgres')(
    'delivers a message posted through instance A to a stream on instance B (LISTEN/NOTIFY)',
    async () => {
      // Instance B: its own pool and broadcaster on the same database schema.
      const handle = connect({ url: PG_URL, schema: t.db.schema as string, poolSize: 2 });
      const deps: Deps = {
        db: handle.db,
        dialect: 'postgres',
        schema: handle.schema,
        config: testConfig({ databaseUrl: PG_URL }),
        now: () => new Date(),
      };
      const b = await buildApp({ deps });
      try {
        const baseB = await listen(b);
        const c = await newConversation();
        const onB = await openEvents(
          `${baseB}/api/public/chat/conversations/${c.id}/events?token=${c.token}`,
        );
        try {
          await onB.next((e) => e.event === 'status');
          await post(
            `/api/public/chat/conversations/${c.id}/messages`,
            { body: 'Ona' },
            { 'x-chat-token': c.token },
          );
          expect(await onB.next((e) => e.id === '3')).toMatchObject({
            data: { sender: 'visitor', body: 'Ona' },
          });
          expect(await onB.next((e) => e.id === '4')).toMatchObject({ data: { sender: 'bot' } });
        } finally {
          onB.close();
        }
      } finally {
        await b.close();
        await deps.db.destroy();
      }
    },
  );
});
