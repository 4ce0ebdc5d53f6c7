import { type FetchLike, type Outcome, send } from './send.js';
import type { KeyValueStore } from './storage.js';
import { retryDelay } from './submission.js';
import type { Entries } from './types.js';

/** A submission not yet answered, kept in localStorage so it survives leaving the page. */
export interface Pending {
  formId: string;
  endpoint: string;
  /** The whole body, `_cid` included, so every retry is the same submission to the server. */
  body: Entries;
  attempts: number;
  /** Epoch ms before which it is not sent again (a 429's `Retry-After`, or the backoff). */
  dueAt: number;
  /** Why it waits, to say so again on the next page. */
  reason?: 'rate' | 'network';
  createdAt: number;
}

export const PENDING_PREFIX = 'piltuvas.pending.';
/** Personal data does not linger on a visitor's device: a week-old unsent submission is dropped. */
export const PENDING_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

export interface DeliveryDeps {
  store: KeyValueStore;
  fetch: FetchLike;
  now: () => number;
  schedule: (run: () => void, ms: number) => void;
  random?: () => number;
}

/** How a form shows the delivery; absent when a submission from an earlier page is retried with no form in sight. */
export interface DeliveryView {
  sending(): void;
  waiting(seconds: number, reason: 'rate' | 'network'): void;
  accepted(): void;
  rejected(outcome: Extract<Outcome, { kind: 'rejected' }>): void;
}

const keyOf = (formId: string) => PENDING_PREFIX + formId;
const cidOf = (pending: Pending) => pending.body.find(([key]) => key === '_cid')?.[1];

/** A stored pending submission read back, or null when absent, malformed or older than a week. */
export function parsePending(json: string | null, now: number): Pending | null {
  let raw: Partial<Pending> | null;
  try {
    raw = JSON.parse(json ?? 'null');
  } catch {
    // why: nothing can be sent from a corrupt record; the caller removes it.
    return null;
  }
  const valid =
    typeof raw?.formId === 'string' &&
    typeof raw.endpoint === 'string' &&
    Array.isArray(raw.body) &&
    raw.body.every(
      (pair) => Array.isArray(pair) && pair.length === 2 && pair.every((v) => typeof v === 'string'),
    ) &&
    typeof raw.attempts === 'number' &&
    typeof raw.dueAt === 'number' &&
    typeof raw.createdAt === 'number';
  return valid && now - raw!.createdAt! < PENDING_MAX_AGE_MS ? (raw as Pending) : null;
}

/**
 * Sends a submission until the server answers: stored first (a closed tab is retried on the next page), then
 * removed on 201/202 or a refusal; on 429/5xx/network it waits (`Retry-After`, else 5 s, 15 s, 60 s, 5 min…).
 */
export async function deliver(
  pending: Pending,
  deps: DeliveryDeps,
  view: DeliveryView | null,
): Promise<void> {
  deps.store.set(keyOf(pending.formId), JSON.stringify(pending));
  view?.sending();
  const outcome = await send(pending.endpoint, pending.body, deps.fetch, deps.now);
  if (outcome.kind === 'retry') {
    const seconds = outcome.after ?? retryDelay(pending.attempts, deps.random);
    const dueAt = deps.now() + seconds * 1000;
    const next: Pending = { ...pending, attempts: pending.attempts + 1, dueAt, reason: outcome.reason };
    deps.store.set(keyOf(next.formId), JSON.stringify(next));
    view?.waiting(seconds, outcome.reason);
    deps.schedule(() => void deliver(next, deps, view), seconds * 1000);
    return;
  }
  // A newer submission of the same form (another tab) may have taken the key meanwhile: keep that one.
  const stored = parsePending(deps.store.get(keyOf(pending.formId)), deps.now());
  if (!stored || cidOf(stored) === cidOf(pending)) deps.store.remove(keyOf(pending.formId));
  if (outcome.kind === 'accepted') view?.accepted();
  else view?.rejected(outcome);
}

/**
 * Picks up the submissions earlier pages left unsent: each is sent when due, shown in its form when that form
 * is on this page. Malformed and expired records are removed.
 */
export function resumePending(deps: DeliveryDeps, viewOf: (formId: string) => DeliveryView | null): void {
  for (const key of deps.store.keys()) {
    if (!key.startsWith(PENDING_PREFIX)) continue;
    const pending = parsePending(deps.store.get(key), deps.now());
    if (!pending || keyOf(pending.formId) !== key) {
      deps.store.remove(key);
      continue;
    }
    const view = viewOf(pending.formId);
    const wait = Math.max(0, pending.dueAt - deps.now());
    if (wait > 0) view?.waiting(Math.ceil(wait / 1000), pending.reason ?? 'network');
    deps.schedule(() => void deliver(pending, deps, view), wait);
  }
}
