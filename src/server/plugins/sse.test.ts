import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { eventStreams, redactToken } from './sse.js';

/** A gate the test opens: the route waits on it the way a real one waits for a token lookup. */
function gate() {
  let open!: () => void;
  const passed = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, passed };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}

/** Resolves once the server has ended the response (its body is read to the end). */
async function readToEnd(res: Response): Promise<string> {
  return res.text();
}

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms),
    ),
  ]);

describe('event streams', () => {
  let app: FastifyInstance | null = null;
  afterEach(async () => {
    // A test that failed may have left the app half-closed; never wait on it for ever.
    await within(app?.close() ?? Promise.resolve(), 5000, 'cleanup').catch(() => undefined);
    app = null;
  });

  it('ends at once a stream opened after the app began closing, so close() does not hang', async () => {
    app = Fastify();
    const before = gate();
    const entered = gate();
    const openStream = eventStreams(app);
    app.get('/events', async (request, reply) => {
      entered.open();
      await before.passed; // the token lookup and the subscription, still on their way
      const stream = openStream(request, reply);
      stream.send('hello', { ok: true });
    });
    const base = await listen(app);
    const response = fetch(`${base}/events`);
    await entered.passed;
    const closing = app.close();
    // preClose has run by the time the server waits for the open request.
    await new Promise((resolve) => setTimeout(resolve, 50));
    before.open();
    await within(closing, 3000, 'app.close()');
    const res = await response;
    expect(res.status).toBe(200);
    expect(await within(readToEnd(res), 1000, 'the stream ending')).toContain('retry:');
  });

  it('ends a stream after its lifetime, and the browser is told when to come back', async () => {
    app = Fastify();
    const openStream = eventStreams(app, { maxLifetimeMs: 150, retryMs: 1234 });
    app.get('/events', async (request, reply) => {
      openStream(request, reply).send('hello', { ok: true }, 7);
    });
    const base = await listen(app);
    const res = await fetch(`${base}/events`);
    const body = await within(readToEnd(res), 3000, 'the stream ending');
    expect(body).toContain('retry: 1234');
    expect(body).toContain('id: 7\nevent: hello\ndata: {"ok":true}');
  });

  it.each([
    ['/c/1/events?token=abc&after=3', '/c/1/events?token=[redacted]&after=3'],
    ['/c/1/events?after=3&TOKEN=abc', '/c/1/events?after=3&TOKEN=[redacted]'],
    ['/c/1/events?after=3', '/c/1/events?after=3'],
  ])('redacts the token of %s', (url, redacted) => {
    expect(redactToken(url)).toBe(redacted);
  });
});
