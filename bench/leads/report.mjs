// What the benchmark prints: seeding figures, a table per database, and the Markdown for
// bench/RESULTS.md at the end.
import { cpus, totalmem } from 'node:os';
import { GOAL_MS, N, ROLES } from './config.mjs';
import { fmt, log, secs } from './log.mjs';
import { TABLES } from './tables.mjs';

export function printSeedStats(stats) {
  const total = Object.values(stats.rows).reduce((a, b) => a + b, 0);
  log(
    `  seeded ${fmt(total)} rows in ${secs(stats.totalMs)} (generating ${secs(stats.generateMs)}, writing ${secs(stats.totalMs - stats.generateMs)}) + indexes ${secs(stats.indexMs)}`,
  );
  for (const t of TABLES) {
    if (!stats.rows[t]) continue;
    log(
      `    ${t.padEnd(14)} ${fmt(stats.rows[t]).padStart(11)} rows  ${fmt(stats.rows[t] / (stats.ms[t] / 1000)).padStart(9)} rows/s written`,
    );
  }
  log(
    `    overall ${fmt(total / ((stats.totalMs + stats.indexMs) / 1000))} rows/s including generation and index builds`,
  );
}

/** Every database's figures, for the table to paste into bench/RESULTS.md. */
export const recorded = [];

export function printMarkdown() {
  if (recorded.length === 0) return;
  const roles = ROLES;
  const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
  log(`\nFor bench/RESULTS.md (${new Date().toISOString().slice(0, 10)}, ${machine}, ${fmt(N)} leads):\n`);
  log(`| database | case | ${roles.map((r) => `${r} p50 / p95 ms`).join(' | ')} | p95 < ${GOAL_MS} ms |`);
  log(`|---|---|${roles.map(() => '---|').join('')}---|`);
  for (const { name, results } of recorded) {
    for (const c of Object.keys(results[roles[0]])) {
      if (c.startsWith(' ')) continue;
      const cells = roles.map((r) => {
        const x = results[r][c];
        return x ? `${x.p50.toFixed(1)} / ${x.p95.toFixed(1)}` : '—';
      });
      const ok = roles.every((r) => !results[r][c] || results[r][c].p95 < GOAL_MS);
      log(`| ${name} | ${c} | ${cells.join(' | ')} | ${ok ? '✓' : '✗'} |`);
    }
  }
  for (const { name, stats } of recorded) {
    const total = Object.values(stats.rows).reduce((a, b) => a + b, 0);
    log(
      `\n${name} seeding: ${fmt(total)} rows in ${secs(stats.totalMs + stats.indexMs)}, leads ${fmt(stats.rows.leads / (stats.ms.leads / 1000))} rows/s, activities ${fmt(stats.rows.activities / (stats.ms.activities / 1000))} rows/s written`,
    );
  }
}

export function printTable(title, results) {
  const roles = Object.keys(results);
  const cases = Object.keys(results[roles[0]]);
  const cell = (r) =>
    r
      ? `${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} / ${r.max.toFixed(1)} ${r.p95 < GOAL_MS ? '✓' : '✗'}`
      : '—';
  log(`\n${title} — p50 / p95 / max in ms, ✓ p95 < ${GOAL_MS} ms`);
  log(`  ${'case'.padEnd(36)}${roles.map((r) => r.padEnd(28)).join('')}notes`);
  for (const c of cases) {
    const notes = roles.map((r) => [r, results[r][c]?.note]).filter(([, n]) => n);
    const same = new Set(notes.map(([, n]) => n)).size <= 1;
    const text = same ? (notes[0]?.[1] ?? '') : notes.map(([r, n]) => `${r}: ${n}`).join('; ');
    log(`  ${c.padEnd(36)}${roles.map((r) => cell(results[r][c]).padEnd(28)).join('')}${text}`);
  }
}
