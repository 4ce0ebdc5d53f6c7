// The bulk load both databases share: generated chunks go to a database's writer; only the writing
// and the database's own settings live in seed-sqlite.mjs and seed-postgres.mjs.
import { checkAgainstApp } from './check.mjs';
import { N } from './config.mjs';
import { generate } from './generate.mjs';
import { dropIndexes, recreateIndexes } from './indexes.mjs';
import { fmt, log, secs } from './log.mjs';
import { TABLES } from './tables.mjs';

/**
 * Loads the generated rows into one database with its secondary indexes dropped: checks the
 * derived columns against the app's probe lead (and removes it), writes every chunk, rebuilds the
 * indexes, then refreshes the planner's statistics. `db` gives what differs per database:
 * `{ indexes(), exec(sql), query(sql, params), writer(), afterLoad?(), analyzeLabel, analyze(), finish?() }`,
 * `writer()` → `{ write(table, rows), begin?(), commit?() }`.
 */
export async function seedDatabase(db, ctx, anchorMs) {
  const indexes = await db.indexes();
  await dropIndexes(db.exec, indexes);
  await checkAgainstApp(db.query, ctx.probe);
  const stats = await runSeed(ctx, anchorMs, db.writer());
  await db.afterLoad?.();
  const indexMs = await recreateIndexes(db.exec, indexes);
  const t1 = performance.now();
  await db.analyze();
  log(`  ${db.analyzeLabel}: ${secs(performance.now() - t1)}`);
  await db.finish?.();
  return { ...stats, indexMs };
}

/** Drives the generator into a writer, timing each table; prints progress. */
async function runSeed(ctx, anchorMs, { write, begin, commit }) {
  const ownerCounts = new Map();
  const rows = Object.fromEntries(TABLES.map((t) => [t, 0]));
  const ms = Object.fromEntries(TABLES.map((t) => [t, 0]));
  let generateMs = 0;
  const started = performance.now();
  let lastReport = started;
  let done = 0;
  const gen = generate(ctx, ownerCounts, anchorMs);
  for (;;) {
    const g0 = performance.now();
    const { value: chunk, done: finished } = gen.next();
    generateMs += performance.now() - g0;
    if (finished) break;
    await begin?.();
    for (const t of TABLES) {
      const t0 = performance.now();
      await write(t, chunk[t]);
      ms[t] += performance.now() - t0;
      rows[t] += chunk[t].length;
    }
    await commit?.();
    done += chunk.leads.length;
    const now = performance.now();
    if (now - lastReport > 10_000 || done === N) {
      lastReport = now;
      log(`  … ${fmt(done)} / ${fmt(N)} leads, ${secs(now - started)}`);
    }
  }
  return { rows, ms, generateMs, totalMs: performance.now() - started, ownerCounts };
}
