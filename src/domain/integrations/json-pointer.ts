/**
 * RFC 6901 JSON Pointers, read-only and total. Webhook payloads are whatever a third party
 * posts, so a pointer that does not parse is `null` and one that leads nowhere resolves to
 * `undefined` — nothing here throws.
 */

/** Longest pointer a mapping may hold: an admin writes them, and 1,000 characters is already absurd. */
export const MAX_POINTER_LENGTH = 1000;

// RFC 6901 §4: an array index is `0` or digits without a leading zero; `-` (past the end) never resolves.
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;
// `~` is only legal as the start of the escapes `~0` and `~1`.
const BAD_ESCAPE = /~(?![01])/;

/**
 * Splits a pointer into its reference tokens, decoding `~1` → `/` before `~0` → `~` (the order
 * RFC 6901 §4 requires, so `~01` is `~1`, not `/`).
 * Example: `parsePointer('/a~1b/0')` → `['a/b', '0']`; `''` → `[]` (the whole document); `'a'` → `null`.
 */
export function parsePointer(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/') || pointer.length > MAX_POINTER_LENGTH) return null;
  const tokens = pointer.slice(1).split('/');
  if (tokens.some((token) => BAD_ESCAPE.test(token))) return null;
  return tokens.map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * The value a pointer names in a document, or `undefined` when it names nothing (or does not parse).
 * Example: `readPointer({ a: [{ b: 1 }] }, '/a/0/b')` → `1`; `readPointer({}, '/constructor')` → `undefined`.
 */
export function readPointer(document: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  return tokens === null ? undefined : resolveTokens(document, tokens);
}

/** Walks parsed tokens down a document: `resolveTokens({ a: { b: 2 } }, ['a', 'b'])` → `2`. */
export function resolveTokens(document: unknown, tokens: readonly string[]): unknown {
  let node = document;
  for (const token of tokens) {
    node = childOf(node, token);
    if (node === undefined) return undefined;
  }
  return node;
}

/**
 * An own data property, never one inherited or computed: `__proto__`, `constructor` and
 * `toString` must not reach into the prototype chain, and a getter must not run.
 * Example: `ownValue(JSON.parse('{"__proto__":1}'), '__proto__')` → `1`; `ownValue({}, 'toString')` → `undefined`.
 */
export function ownValue(target: object, key: string): unknown {
  return Object.getOwnPropertyDescriptor(target, key)?.value;
}

/** True for a non-null object that is not an array: the nodes that have named members. */
export function isRecord(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childOf(node: unknown, token: string): unknown {
  if (Array.isArray(node)) return ARRAY_INDEX.test(token) ? ownValue(node, token) : undefined;
  return isRecord(node) ? ownValue(node, token) : undefined;
}
