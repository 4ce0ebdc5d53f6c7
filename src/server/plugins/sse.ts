import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Server-sent events on a hijacked reply: `text/event-stream`, no caching or proxy buffering, a
 * `retry:` hint for the browser's reconnect, and a comment every 25 s so idle proxies keep the
 * connection. A stream ends when its client goes, or when the app closes (`eventStreams`):
 * an open stream would otherwise keep `app.close()` waiting for ever.
 */
export interface SseStream {
  /** One event; `id` is what the browser sends back as `Last-Event-ID` on reconnect. */
  send(event: string, data: unknown, id?: number | string): void;
  /** Ends the stream (idempotent). */
  close(): void;
  /** Runs `fn` once the stream has ended, whoever ended it. */
  onClose(fn: () => void): void;
  readonly closed: boolean;
}

export const HEARTBEAT_MS = 25_000;
export const RETRY_MS = 3000;

/** Opens event streams: the function a routes plugin gets from `eventStreams(app)`. */
export type OpenSse = (request: FastifyRequest, reply: FastifyReply) => SseStream;

export interface EventStreamOptions {
  retryMs?: number;
  /**
   * How long one stream may stay open; then it ends and the browser's EventSource reconnects on
   * its own (sending Last-Event-ID), so its access is checked again and nothing is missed.
   */
  maxLifetimeMs?: number;
}

/** Streams end after this long by default; a reconnect costs one request. */
export const MAX_LIFETIME_MS = 30 * 60_000;

/**
 * The event streams of one routes plugin: every stream it opens is ended on `app.close()`
 * (preClose: before the server waits for its connections to finish). A request that was still
 * on its way to `open` (looking up a token, subscribing) when the app began closing gets a stream
 * that ends at once: it would otherwise open after preClose and keep the server waiting for ever.
 */
export function eventStreams(app: FastifyInstance, options: EventStreamOptions = {}): OpenSse {
  const { retryMs = RETRY_MS, maxLifetimeMs = MAX_LIFETIME_MS } = options;
  const open = new Set<SseStream>();
  let closing = false;
  const closeAll = async () => {
    closing = true;
    for (const stream of [...open]) stream.close();
  };
  app.addHook('preClose', closeAll);
  app.addHook('onClose', closeAll);
  return (request, reply) => {
    if (closing) {
      // A 200 that ends at once, on a connection that closes: EventSource comes back after `retry`
      // (to an instance that is up), where an error status would make it give up.
      const last = openSse(request, reply, retryMs, false);
      last.close();
      return last;
    }
    const stream = openSse(request, reply, retryMs);
    open.add(stream);
    const expiry = setTimeout(() => stream.close(), maxLifetimeMs);
    expiry.unref();
    stream.onClose(() => {
      clearTimeout(expiry);
      open.delete(stream);
    });
    return stream;
  };
}

/**
 * Starts an event stream as the answer to `request`. Headers already set on `reply` (CORS by an
 * onRequest hook) go out with it, since a hijacked reply skips Fastify's own sending.
 * `keepAlive: false` closes the connection with the stream (a closing server waits for it).
 */
export function openSse(
  request: FastifyRequest,
  reply: FastifyReply,
  retryMs = RETRY_MS,
  keepAlive = true,
): SseStream {
  reply.hijack();
  const raw = reply.raw;
  const already: Record<string, string | number | string[]> = {};
  for (const [name, value] of Object.entries(reply.getHeaders()))
    if (value !== undefined) already[name] = value;
  raw.writeHead(200, {
    ...already,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: keepAlive ? 'keep-alive' : 'close',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
  });
  raw.write(`retry: ${retryMs}\n\n`);
  const callbacks: (() => void)[] = [];
  let closed = false;
  const heartbeat = setInterval(() => {
    if (!closed) raw.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const stream: SseStream = {
    get closed() {
      return closed;
    },
    send(event, data, id) {
      if (closed) return;
      const lines = JSON.stringify(data ?? null);
      raw.write(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${lines}\n\n`);
    },
    close() {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      if (!raw.writableEnded) raw.end();
      for (const fn of callbacks.splice(0)) {
        try {
          fn();
        } catch (error) {
          request.log.error({ err: error }, 'closing an event stream failed');
        }
      }
    },
    onClose(fn) {
      if (closed) fn();
      else callbacks.push(fn);
    },
  };
  // 'close' comes once the response is finished or its connection is gone.
  raw.once('close', () => stream.close());
  // A client that left while the stream was being set up has already had its 'close'.
  if (raw.destroyed || !raw.socket || raw.socket.destroyed) stream.close();
  return stream;
}

/** The log line of a request whose URL carries a secret (`?token=`): the value is replaced. */
export function redactedRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactToken(request.url),
    host: request.host,
    remoteAddress: request.ip,
  };
}

/** `/x/events?token=abc&after=3` → `/x/events?token=[redacted]&after=3`. */
export function redactToken(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}
