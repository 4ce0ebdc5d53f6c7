import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, expect, it, vi } from 'vitest';
import { describeEachDialect, PG_URL } from '../../../test/dialects.js';
import { testConfig } from '../../../test/harness.js';
import type { Deps } from '../context.js';
import { connect, type DbHandle } from '../db/connect.js';
import type { BroadcastPayload } from './broadcaster.js';
import { broadcasterOf, closeBroadcaster, openBroadcaster } from './index.js';
import { PostgresBroadcaster } from './postgres.js';

/** Waits until `check` passes (it throws until then), or fails after `ms`. */
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

afterEach(() => {
  vi.restoreAllMocks();
});

describeEachDialect('broadcasting', (dialect) => {
  it('gives a closed app a broadcaster that does nothing, never a new one that would listen', async () => {
    const deps = {
      dialect: 'postgres',
      config: testConfig({ databaseUrl: PG_URL }),
      db: {} as Deps['db'],
      now: () => new Date(),
    } as Deps;
    expect(openBroadcaster(deps)).toBeInstanceOf(PostgresBroadcaster);
    await closeBroadcaster(deps);
    const late = broadcasterOf(deps);
    expect(late).not.toBeInstanceOf(PostgresBroadcaster);
    const heard: BroadcastPayload[] = [];
    const unsubscribe = await late.subscribe('chat:inbox', (p) => heard.push(p));
    await late.publish('chat:inbox', { id: 'x' });
    unsubscribe();
    expect(heard).toEqual([]);
    // A new app on the same dependencies opens a working one again.
    expect(openBroadcaster(deps)).toBeInstanceOf(PostgresBroadcaster);
    await closeBroadcaster(deps);
  });

  if (dialect !== 'postgres') return;

  let handle: DbHandle | null = null;
  let broadcaster: PostgresBroadcaster | null = null;
  afterEach(async () => {
    await broadcaster?.close();
    await handle?.db.destroy();
    broadcaster = null;
    handle = null;
  });

  const channel = `piltuvas_test_${randomBytes(4).toString('hex')}`;
  function newBroadcaster(opts: { pingMs?: number; onError?: (error: unknown) => void } = {}) {
    handle = connect({ url: PG_URL, poolSize: 1 });
    broadcaster = new PostgresBroadcaster({ connectionString: PG_URL, channel, db: handle.db, ...opts });
    return broadcaster;
  }

  it('ends the listening connection when LISTEN fails after it connected', async () => {
    const b = newBroadcaster();
    const query = pg.Client.prototype.query;
    vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      if (typeof args[0] === 'string' && args[0].startsWith('listen ')) {
        return Promise.reject(new Error('LISTEN refused'));
      }
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query);
    const end = vi.spyOn(pg.Client.prototype, 'end');
    await expect(b.subscribe('t', () => undefined)).rejects.toThrow('LISTEN refused');
    expect(end).toHaveBeenCalledTimes(1);
  });

  it('treats a failed health check as a lost connection: it listens again and tells everyone to re-read', async () => {
    const errors: unknown[] = [];
    const b = newBroadcaster({ pingMs: 50, onError: (e) => errors.push(e) });
    const heard: BroadcastPayload[] = [];
    await b.subscribe('t', (p) => heard.push(p));
    const query = pg.Client.prototype.query;
    let failed = false;
    vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      if (args[0] === 'select 1' && !failed) {
        failed = true;
        return Promise.reject(new Error('connection silently gone'));
      }
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query);
    await eventually(() => expect(heard).toContainEqual({ resync: true }));
    expect(errors).toEqual([expect.objectContaining({ message: 'connection silently gone' })]);
    await b.publish('t', { id: 'after' });
    await eventually(() => expect(heard).toContainEqual({ id: 'after' }));
  });

  it('reports a notification it cannot read and goes on delivering', async () => {
    const errors: unknown[] = [];
    const b = newBroadcaster({ onError: (e) => errors.push(e) });
    const heard: BroadcastPayload[] = [];
    await b.subscribe('t', (p) => heard.push(p));
    const stranger = new pg.Client({ connectionString: PG_URL });
    await stranger.connect();
    try {
      await stranger.query('select pg_notify($1, $2)', [channel, 'not json']);
    } finally {
      await stranger.end();
    }
    await eventually(() => expect(errors).toEqual([expect.any(SyntaxError)]));
    await b.publish('t', { id: 'next' });
    await eventually(() => expect(heard).toEqual([{ id: 'next' }]));
  });
});
