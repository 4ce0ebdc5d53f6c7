// Deterministic randomness: a seeded PRNG and the choosers, ids and timestamps built on it.
import { v7 as uuidv7 } from 'uuid';

/** sfc32: a small, fast, seedable PRNG, so every run seeds the same data. */
function prng(seed) {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}
let next32 = prng(20261126);
/** Every database gets the same rows: the generator starts from the same seed each time. */
export const reseed = () => {
  next32 = prng(20261126);
};
export const rand = () => next32() / 4294967296;
export const int = (n) => Math.floor(rand() * n);
export const pick = (list) => list[int(list.length)];
export const chance = (p) => rand() < p;
/** A weighted chooser: `weighted([['a', 3], ['b', 1]])()` → 'a' three times as often as 'b'. */
export function weighted(pairs) {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  const cumulative = [];
  let acc = 0;
  for (const [, w] of pairs) {
    acc += w / total;
    cumulative.push(acc);
  }
  return () => {
    const r = rand();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return pairs[lo][0];
  };
}
/** Zipf-like: the first entries are common, the last ones rare (as real names are). */
export const zipf = (list, s = 0.9) => weighted(list.map((x, i) => [x, 1 / (i + 1) ** s]));

const randomBytes = new Uint8Array(16);
/** A UUIDv7 for an instant, with PRNG randomness: ids sort by creation time like the app's. */
export function idAt(ms) {
  for (let i = 0; i < 16; i += 4) {
    const x = next32();
    randomBytes[i] = x & 255;
    randomBytes[i + 1] = (x >>> 8) & 255;
    randomBytes[i + 2] = (x >>> 16) & 255;
    randomBytes[i + 3] = x >>> 24;
  }
  return uuidv7({ msecs: Math.floor(ms), random: randomBytes });
}
export const iso = (ms) => new Date(ms).toISOString();
export const dateOnly = (ms) => new Date(ms).toISOString().slice(0, 10);
