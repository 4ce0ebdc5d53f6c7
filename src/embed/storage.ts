/** localStorage behind a small interface: it may be missing or throw (privacy modes, full quota, blocked cookies). */

export interface KeyValueStore {
  get(key: string): string | null;
  /** False when the value could not be kept. */
  set(key: string, value: string): boolean;
  remove(key: string): void;
  keys(): string[];
}

/** A store over `window.localStorage`, or null when reading it already fails. */
export function browserStore(): KeyValueStore | null {
  let storage: Storage;
  try {
    storage = window.localStorage;
    storage.getItem('piltuvas.vid');
  } catch (error) {
    // why: the host page's visitor chose a privacy mode; the form works without memory (see README).
    console.warn(
      'piltuvas: localStorage unavailable, attribution and retries are limited to this page',
      error,
    );
    return null;
  }
  return guarded(storage);
}

/** Wraps a Storage so a throwing call reads as "nothing stored" instead of breaking the form. */
export function guarded(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>,
): KeyValueStore {
  // why: each call may still throw later (quota exceeded, storage cleared by the browser); every one
  // degrades to "not stored", which the callers already handle, so there is nothing more to report.
  const attempt = <T>(run: () => T, fallback: T): T => {
    try {
      return run();
    } catch {
      return fallback;
    }
  };
  return {
    get: (key) => attempt(() => storage.getItem(key), null),
    set: (key, value) =>
      attempt(() => {
        storage.setItem(key, value);
        return true;
      }, false),
    remove: (key) => attempt(() => storage.removeItem(key), undefined),
    keys: () =>
      attempt(() => {
        const out: string[] = [];
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (key !== null) out.push(key);
        }
        return out;
      }, []),
  };
}

/** An in-memory store: used when localStorage is unavailable, and by the tests. */
export function memoryStore(initial: Record<string, string> = {}): KeyValueStore {
  const data = new Map(Object.entries(initial));
  return {
    get: (key) => data.get(key) ?? null,
    set: (key, value) => {
      data.set(key, value);
      return true;
    },
    remove: (key) => {
      data.delete(key);
    },
    keys: () => [...data.keys()],
  };
}
