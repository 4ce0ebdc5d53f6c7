import type { Deps } from '../context.js';
import { isPostgresUrl } from '../db/connect.js';
import { type Broadcaster, type BroadcastPayload, MemoryBroadcaster } from './broadcaster.js';
import { PostgresBroadcaster } from './postgres.js';

export type { Broadcaster, BroadcastPayload } from './broadcaster.js';

const broadcasters = new WeakMap<Deps, Broadcaster>();
const reporters = new WeakMap<Deps, (error: unknown) => void>();
/** Apps whose broadcaster was closed: late callers get `CLOSED`, not a fresh one nobody would close. */
const closedApps = new WeakSet<Deps>();

/** What a closed app broadcasts with: nothing is sent, and a subscription never hears anything. */
const CLOSED: Broadcaster = {
  publish: async () => undefined,
  subscribe: async () => () => undefined,
  close: async () => undefined,
};

/**
 * The app's broadcaster, chosen by database: LISTEN/NOTIFY on PostgreSQL (instances share it),
 * in memory on SQLite (one process). Made once per app (per `Deps`); app.ts closes it.
 */
export function openBroadcaster(deps: Deps, onError?: (error: unknown) => void): Broadcaster {
  const existing = broadcasters.get(deps);
  if (existing) return existing;
  closedApps.delete(deps);
  if (onError) reporters.set(deps, onError);
  const made =
    deps.dialect === 'postgres' && isPostgresUrl(deps.config.databaseUrl)
      ? new PostgresBroadcaster({
          connectionString: deps.config.databaseUrl,
          channel: channelName(deps.schema),
          db: deps.db,
          ...(onError ? { onError } : {}),
        })
      : // why memory on PostgreSQL without a URL: an app handed a pool it did not open (a test) runs as one process.
        new MemoryBroadcaster(onError);
  broadcasters.set(deps, made);
  return made;
}

/**
 * The broadcaster of this app (a memory one when none was opened: a service called outside an
 * app). After `closeBroadcaster` it is a closed one that does nothing: a request still finishing
 * while the app closes must not open a new LISTEN connection that nothing would ever close.
 */
export function broadcasterOf(deps: Deps): Broadcaster {
  if (closedApps.has(deps)) return CLOSED;
  return broadcasters.get(deps) ?? openBroadcaster(deps);
}

/**
 * Publishes after a change has been committed. A failure is reported, not thrown: the change
 * stands, and a stream that missed the news catches up on the next one (it re-reads the database).
 */
export function publishChange(deps: Deps, topic: string, payload: BroadcastPayload): void {
  broadcasterOf(deps)
    .publish(topic, payload)
    .catch((error: unknown) => reporters.get(deps)?.(error));
}

export async function closeBroadcaster(deps: Deps): Promise<void> {
  closedApps.add(deps);
  const b = broadcasters.get(deps);
  broadcasters.delete(deps);
  await b?.close();
}

/** `piltuvas_events`, or `piltuvas_events_<schema>` when the app runs in its own schema. */
export function channelName(schema: string | undefined): string {
  const suffix = schema ? `_${schema.toLowerCase().replace(/[^a-z0-9_]/g, '_')}` : '';
  return `piltuvas_events${suffix}`.slice(0, 63);
}
