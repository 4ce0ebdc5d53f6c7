/**
 * Tells the parts of the app that wait for news (open event streams) that something changed.
 * Payloads are ids and small facts only: the database stays the source of truth, and a
 * subscriber re-reads what it needs. Delivery is at most once and may be late; a stream that
 * missed one still catches up on the next, because it asks the database what is new.
 */
export type BroadcastPayload = Record<string, string | number | boolean | null>;
export type Listener = (payload: BroadcastPayload) => void;

export interface Broadcaster {
  /** Sends to every subscriber of `topic`, in this process and (PostgreSQL) every other instance. */
  publish(topic: string, payload: BroadcastPayload): Promise<void>;
  /** Resolves once the subscription is live (so nothing published after it is missed); returns the unsubscribe. */
  subscribe(topic: string, listener: Listener): Promise<() => void>;
  /** Stops delivering and lets go of connections (on app close). */
  close(): Promise<void>;
}

/** Topic → listeners, shared by both implementations for the delivery inside one process. */
export class Subscriptions {
  private readonly topics = new Map<string, Set<Listener>>();

  add(topic: string, listener: Listener): () => void {
    let set = this.topics.get(topic);
    if (!set) {
      set = new Set();
      this.topics.set(topic, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.topics.get(topic) === set) this.topics.delete(topic);
    };
  }

  deliver(topic: string, payload: BroadcastPayload, onError: (error: unknown) => void): void {
    for (const listener of [...(this.topics.get(topic) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        onError(error);
      }
    }
  }

  /** Every listener of every topic: told to re-read after a gap (a lost connection). */
  everyone(payload: BroadcastPayload, onError: (error: unknown) => void): void {
    for (const topic of [...this.topics.keys()]) this.deliver(topic, payload, onError);
  }

  get size(): number {
    return this.topics.size;
  }

  clear(): void {
    this.topics.clear();
  }
}

/** One process (SQLite): delivery is a function call on the next turn of the event loop. */
export class MemoryBroadcaster implements Broadcaster {
  private readonly subs = new Subscriptions();
  private closed = false;

  constructor(private readonly onError: (error: unknown) => void = () => undefined) {}

  async publish(topic: string, payload: BroadcastPayload): Promise<void> {
    if (this.closed) return;
    // why the next turn: a publisher (a request finishing its transaction) never runs listeners' work inline.
    setImmediate(() => this.subs.deliver(topic, payload, this.onError));
  }

  async subscribe(topic: string, listener: Listener): Promise<() => void> {
    return this.closed ? () => undefined : this.subs.add(topic, listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subs.clear();
  }
}
