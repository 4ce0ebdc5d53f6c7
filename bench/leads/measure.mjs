// Timing: warm-up, then sequential timed requests per case, summarised as p50 / p95 / max.
import { CASE_BUDGET_MS, MIN_SAMPLES, REQUESTS, WARMUP } from './config.mjs';
import { secs } from './log.mjs';

const pct = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
export function summary(samples, note = '') {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: pct(s, 0.5), p95: pct(s, 0.95), max: s.at(-1), n: s.length, note };
}

/** Warm-up, then sequential timed runs of `once` (returns one sample or several) within the budget. */
export async function measure(label, once) {
  const warm = performance.now();
  for (let i = 0; i < WARMUP; i++) {
    await once(i);
    if (performance.now() - warm > CASE_BUDGET_MS / 4 && i >= 2) break;
  }
  const samples = {};
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const got = await once(WARMUP + i);
    for (const [k, v] of Object.entries(got)) {
      samples[k] ??= [];
      samples[k].push(v);
    }
    if (performance.now() - started > CASE_BUDGET_MS && i + 1 >= MIN_SAMPLES) break;
  }
  const first = Object.values(samples)[0];
  process.stdout.write(`    ${label}: ${first.length} requests, ${secs(performance.now() - started)}\n`);
  return samples;
}
