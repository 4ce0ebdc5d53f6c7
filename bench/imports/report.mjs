// What the import benchmark prints at the end: a table of the runs, the checks, and a suggested
// entry for bench/RESULTS.md.
import { cpus, hostname, totalmem } from 'node:os';
import { fmt, log, secs } from '../leads/log.mjs';
import { GOALS, KILL, LEADS, MATCH, MODE, ROWS } from './config.mjs';

const goalOf = (r) => GOALS[r.dialect];
const mark = (ok) => (ok ? '✓' : '✗');
const rate = (x) => (x === null ? '—' : fmt(x));

export function printReport(results, file) {
  if (!results.length) return;
  log(
    `\n${fmt(ROWS)}-row CSV (${(file.bytes / 1048576).toFixed(1)} MiB: ${fmt(file.kinds.fresh)} new, ${fmt(file.kinds.existing)} existing, ${fmt(file.kinds.repeat)} repeats, ${fmt(file.kinds.invalid)} invalid — ${fmt(file.kinds.badEmail)} bad e-mails, ${fmt(file.kinds.ragged)} ragged — and ${fmt(file.kinds.quoted)} quoted) into ${fmt(LEADS)} leads; mode ${MODE}, match ${MATCH.join(', ')}${KILL ? ', server SIGKILLed at ~40 % and restarted' : ''}\n`,
  );
  const header = [
    'database',
    'rows/s (import)',
    'rows/s (wall)',
    'goal rows/s',
    'peak RSS MB',
    'goal',
    'created',
    'updated',
    'skipped',
    'rejected',
    'sum = rows',
    'leads +created',
    'dup keys',
    'ledger',
  ];
  log(`| ${header.join(' | ')} |`);
  log(`|${header.map(() => '---').join('|')}|`);
  for (const r of results) {
    const goal = goalOf(r);
    const c = r.checks;
    log(
      `| ${r.name} | ${rate(r.rowsPerSecImport)} ${mark(r.rowsPerSecImport >= goal)} | ${rate(r.rowsPerSecWall)} | ≥ ${fmt(goal)} | ${fmt(r.peakMb)} ${mark(r.peakMb < GOALS.rssMb)} | < ${GOALS.rssMb} | ${fmt(r.counts.created)} | ${fmt(r.counts.updated)} | ${fmt(r.counts.skipped)} | ${fmt(r.counts.rejected)} | ${mark(c.sum.ok)} | ${mark(c.leads.ok)} | ${mark(c.duplicates.ok)} | ${mark(c.ledger.ok)} |`,
    );
  }
  for (const r of results) {
    log(`\n${r.name}:`);
    log(
      `  import ${r.importMs === null ? '—' : secs(r.importMs)} from its startedAt to its finishedAt; ${secs(r.wallMs)} wall from the upload's start to "done" seen (upload ${secs(r.uploadMs)}, polled every second)`,
    );
    const procs = r.processes
      .map(
        (p, i) =>
          `${r.processes.length > 1 ? `process ${i + 1}: ` : ''}VmHWM ${fmt(p.peakKb / 1024)} MB, highest VmRSS sampled ${fmt(p.maxRssKb / 1024)} MB, ${fmt(p.startRssKb / 1024)} MB after start`,
      )
      .join('; ');
    log(`  server memory: ${procs}`);
    if (r.killInfo?.missed) log('  kill: the import finished before the kill point; nothing was killed');
    else if (r.killInfo)
      log(
        `  kill: at ${(r.killInfo.progress * 100).toFixed(0)} % (${fmt(r.killInfo.rowsBefore)} rows at the last poll), restarted in ${secs(r.killInfo.restartMs)}, resumed ${r.killInfo.resumeMs === null ? '—' : `${secs(r.killInfo.resumeMs)} after the kill`}; the import's own timestamps include that gap${r.killInfo.resumeMs !== null && r.importMs ? ` (without it ≈ ${fmt(ROWS / ((r.importMs - r.killInfo.resumeMs) / 1000))} rows/s)` : ''}`,
      );
    for (const check of Object.values(r.checks)) log(`  ${mark(check.ok)} ${check.text}`);
  }
  printResultsLine(results);
}

function printResultsLine(results) {
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${hostname()}: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
  log('\nFor bench/RESULTS.md (## Imports (issue #4) — `bench/imports.bench.mjs`):\n');
  log('| date | machine | database | what | rows/s | peak RSS | goal | checks |');
  log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const what = `${fmt(ROWS)}-row CSV into ${fmt(LEADS)} leads, ${r.mode} on ${MATCH.join(', ')}${r.killInfo && !r.killInfo.missed ? ', SIGKILL at 40 % + restart' : ''}`;
    const figures = `${rate(r.rowsPerSecImport)} (wall ${rate(r.rowsPerSecWall)})`;
    const goal = `≥ ${fmt(goalOf(r))} rows/s, < ${GOALS.rssMb} MB`;
    const checks = r.ok
      ? `${fmt(r.counts.created)} created / ${fmt(r.counts.updated)} updated / ${fmt(r.counts.skipped)} skipped / ${fmt(r.counts.rejected)} rejected = rows; leads +created; no duplicate e-mail keys`
      : `FAILED: ${Object.values(r.checks)
          .filter((c) => !c.ok)
          .map((c) => c.text)
          .join('; ')}`;
    log(
      `| ${date} | ${machine} | ${r.name} | ${what} | ${figures} | ${fmt(r.peakMb)} MB | ${goal} | ${checks} |`,
    );
  }
}
