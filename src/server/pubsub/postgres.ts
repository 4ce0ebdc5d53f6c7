import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../db/database.js';
import { type Broadcaster, type BroadcastPayload, type Listener, Subscriptions } from './broadcaster.js';

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more. */
export const MAX_NOTIFY_BYTES = 7999;
const RECONNECT_MS = 1000;
/** How often the listening connection is asked `select 1`: a connection that died silently fails it. */
export const PING_MS = 30_000;

export interface PostgresBroadcasterOptions {
  /** Where to LISTEN: a dedicated connection, outside the pool (a pooled one would be handed to queries). */
  connectionString: string;
  /** The channel every instance of this installation shares (one per schema, so test schemas stay apart). */
  channel: string;
  /** Sends the NOTIFY through the app's pool. */
  db: Db;
  onError?: (error: unknown) => void;
  /** Between health checks of the listening connection (tests shorten it). */
  pingMs?: number;
}

/**
 * LISTEN/NOTIFY: every instance on the database hears every publish, its own included — so
 * delivery inside one instance takes the same path as between instances. The listening
 * connection is opened on the first subscription; when it drops, it is opened again and every
 * subscriber is told to re-read (`{ resync: true }`), since notifications sent meanwhile are lost.
 * A connection can also die without a word (a NAT or firewall forgetting it): TCP keep-alive and
 * a periodic `select 1` find that out, and it is treated the same way.
 */
export class PostgresBroadcaster implements Broadcaster {
  private readonly subs = new Subscriptions();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private ping: NodeJS.Timeout | null = null;
  private readonly onError: (error: unknown) => void;

  constructor(private readonly opts: PostgresBroadcasterOptions) {
    this.onError = opts.onError ?? (() => undefined);
  }

  async publish(topic: string, payload: BroadcastPayload): Promise<void> {
    if (this.closed) return;
    const text = JSON.stringify({ t: topic, p: payload });
    if (Buffer.byteLength(text) > MAX_NOTIFY_BYTES) {
      throw new Error(`A broadcast payload must stay under 8000 bytes (topic ${topic})`);
    }
    await sql`select pg_notify(${this.opts.channel}, ${text})`.execute(this.opts.db);
  }

  async subscribe(topic: string, listener: Listener): Promise<() => void> {
    if (this.closed) return () => undefined;
    const unsubscribe = this.subs.add(topic, listener);
    try {
      await this.listen();
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subs.clear();
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.stopPing();
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private listen(): Promise<void> {
    this.connecting ??= this.connect().catch((error: unknown) => {
      this.connecting = null;
      throw error;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.opts.connectionString, keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel !== this.opts.channel || !message.payload) return;
      let parsed: { t: string; p: BroadcastPayload };
      try {
        parsed = JSON.parse(message.payload) as { t: string; p: BroadcastPayload };
      } catch (error) {
        // why: anyone with access to the database may NOTIFY this channel; a stray payload is reported, not fatal.
        this.onError(error);
        return;
      }
      this.subs.deliver(parsed.t, parsed.p, this.onError);
    });
    // why: an 'error' without a listener would crash the process; the connection is replaced instead.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    await client.connect();
    try {
      await client.query(`listen ${pg.escapeIdentifier(this.opts.channel)}`);
    } catch (error) {
      // A connection that cannot listen is of no use, and would stay open otherwise.
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    this.startPing(client);
  }

  private startPing(client: pg.Client): void {
    this.stopPing();
    this.ping = setInterval(() => {
      if (this.client !== client) return;
      client.query('select 1').catch((error: unknown) => {
        this.lost(client, error instanceof Error ? error : new Error(String(error)));
      });
    }, this.opts.pingMs ?? PING_MS);
    this.ping.unref();
  }

  private stopPing(): void {
    if (this.ping) clearInterval(this.ping);
    this.ping = null;
  }

  private lost(client: pg.Client, error: Error | null): void {
    if (this.client !== client || this.closed) return;
    if (error) this.onError(error);
    this.client = null;
    this.connecting = null;
    this.stopPing();
    client.end().catch(() => undefined);
    const reconnect = () => {
      this.retry = null;
      if (this.closed || this.subs.size === 0) return;
      this.listen()
        .then(() => this.subs.everyone({ resync: true }, this.onError))
        .catch((e: unknown) => {
          this.onError(e);
          if (this.closed) return;
          this.retry = setTimeout(reconnect, RECONNECT_MS);
          this.retry.unref();
        });
    };
    this.retry = setTimeout(reconnect, RECONNECT_MS);
    this.retry.unref();
  }
}
