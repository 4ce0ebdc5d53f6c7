// One import into one database: the built app as a child process, the file uploaded through
// POST /api/v1/imports, GET /api/v1/imports/{id} every second with the server's VmRSS, and —
// with BENCH_IMPORT_KILL=1 — a SIGKILL at ~40 % and a restart on the same database, after which the
// import must resume (once its lease runs out) and finish. Then the checks, on the database itself.
import { once } from 'node:events';
import { openAsBlob, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fmt, log, secs } from '../leads/log.mjs';
import { api, login, startServer } from '../leads/server.mjs';
import { ADMIN, KILL, KILL_AT, MAPPING, MATCH, MODE, POLL_MS, ROWS, STALL_MS } from './config.mjs';
import { keysFound, snapshot } from './db.mjs';

const TERMINAL = ['done', 'failed', 'cancelled', 'previewed', 'undone'];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (kb) => kb / 1024;

/** VmRSS and VmHWM (peak) of a process, in kB; null once it is gone. */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return {
      rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
      hwm: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0),
    };
  } catch {
    return null;
  }
}

const gone = (child) => child.exitCode !== null || child.signalCode !== null;

async function upload(port, session, file) {
  const form = new FormData();
  form.append('mapping', JSON.stringify(MAPPING));
  form.append('match', JSON.stringify(MATCH));
  form.append('mode', MODE);
  form.append('dryRun', 'false');
  form.append('file', await openAsBlob(file.path, { type: 'text/csv' }), basename(file.path));
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/imports`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: form,
  });
  const text = await res.text();
  if (res.status !== 202) throw new Error(`POST /imports: ${res.status} ${text.slice(0, 2000)}`);
  return JSON.parse(text).id;
}

/** The file's e-mails as the database knows them: the seeded people's all there, the new ones not. */
async function checkFileAgainst(db, file) {
  const existing = await keysFound(db, file.samples.existing);
  const fresh = await keysFound(db, file.samples.fresh);
  const ok = existing === file.samples.existing.length && fresh === 0;
  log(
    `  file vs database: ${existing} of ${file.samples.existing.length} sampled "existing" e-mails found, ${fresh} of ${file.samples.fresh.length} "new" ones${ok ? '' : ' — MISMATCH: the expected counts below will not hold'}`,
  );
  return ok;
}

/**
 * Runs the import on `target` (from databases.mjs) → the figures and checks for the report.
 * The server's upload limit is raised when the file is larger than the default 100 MiB.
 */
export async function runImport(target, file) {
  const limitMb = Math.ceil(file.bytes / 1048576) + 1;
  const env = { ...target.env, ...(limitMb > 100 ? { PILTUVAS_IMPORT_MAX_MB: String(limitMb) } : {}) };
  const result = { name: target.name, dialect: target.dialect, mode: MODE, kill: KILL, processes: [] };

  const db = await target.reader();
  let server;
  try {
    server = await startServer(target.dataDir, env);
    result.fileOk = await checkFileAgainst(db, file);
    result.before = await snapshot(db);
  } catch (error) {
    await server?.stop();
    throw error;
  } finally {
    await db.close();
  }
  const processOf = (child) => ({
    pid: child.pid,
    startRssKb: memoryOf(child.pid)?.rss ?? 0,
    peakKb: 0,
    maxRssKb: 0,
  });
  let proc = processOf(server.child);
  result.processes.push(proc);
  const sample = () => {
    const mem = memoryOf(proc.pid);
    if (mem) {
      proc.peakKb = Math.max(proc.peakKb, mem.hwm);
      proc.maxRssKb = Math.max(proc.maxRssKb, mem.rss);
    }
    return mem;
  };
  log(
    `  before: ${fmt(result.before.leads)} leads, ${fmt(result.before.people)} people, ${result.before.dupGroups} e-mail keys held twice; server RSS ${fmt(mb(proc.startRssKb))} MB after start`,
  );

  let id;
  let last;
  try {
    let session = await login(server.port, ADMIN.email, ADMIN.password);
    const t0 = performance.now();
    id = await upload(server.port, session, file);
    result.uploadMs = performance.now() - t0;
    log(
      `  uploaded ${(file.bytes / 1048576).toFixed(1)} MiB (${fmt(file.bytes / ROWS)} bytes a row) in ${secs(result.uploadMs)}: import ${id}${env.PILTUVAS_IMPORT_MAX_MB ? ` (PILTUVAS_IMPORT_MAX_MB=${env.PILTUVAS_IMPORT_MAX_MB}: over the default 100 MiB)` : ''}`,
    );

    let lastRows = -1;
    let lastProgressAt = performance.now();
    let lastLog = performance.now();
    let kill = null; // { at, rowsBefore, progress, restartedAt, rowsAfterRestart, resumedAt }
    for (;;) {
      await sleep(POLL_MS);
      if (gone(server.child))
        throw new Error(`the server exited (${server.child.exitCode ?? server.child.signalCode})`);
      const mem = sample();
      last = await api(server.port, session, 'GET', `/imports/${id}`);
      const now = performance.now();
      if (kill && kill.rowsAfterRestart === undefined) kill.rowsAfterRestart = last.rowsDone;
      else if (
        kill &&
        !kill.resumedAt &&
        (last.rowsDone > kill.rowsAfterRestart || TERMINAL.includes(last.status))
      )
        kill.resumedAt = now;
      if (last.rowsDone !== lastRows) {
        lastRows = last.rowsDone;
        lastProgressAt = now;
      }
      if (TERMINAL.includes(last.status)) break;
      if (now - lastLog >= 10_000) {
        lastLog = now;
        log(
          `  … ${last.status} ${(last.progress * 100).toFixed(0)} %, ${fmt(last.rowsDone)} rows (${fmt(last.created)} created, ${fmt(last.updated)} updated, ${fmt(last.skipped)} skipped, ${fmt(last.rejected)} rejected), ${secs(now - t0)}, RSS ${fmt(mb(mem?.rss ?? 0))} MB`,
        );
      }
      // a killed import waits for its lease (60 s) to run out before the restarted server takes it
      const stallLimit = kill && !kill.resumedAt ? STALL_MS + 120_000 : STALL_MS;
      if (now - lastProgressAt > stallLimit)
        throw new Error(`no progress for ${secs(now - lastProgressAt)} (status ${last.status})`);

      if (KILL && !kill && last.status === 'running' && last.progress >= KILL_AT) {
        sample();
        server.child.kill('SIGKILL');
        if (!gone(server.child)) await once(server.child, 'exit');
        kill = { at: performance.now(), rowsBefore: last.rowsDone, progress: last.progress };
        log(
          `  SIGKILL at ${(last.progress * 100).toFixed(0)} % (${fmt(last.rowsDone)} rows done at the last poll); restarting on the same database`,
        );
        server = await startServer(target.dataDir, env);
        kill.restartedAt = performance.now();
        proc = processOf(server.child);
        result.processes.push(proc);
        session = await login(server.port, ADMIN.email, ADMIN.password);
        lastProgressAt = performance.now();
        log(`  restarted in ${secs(kill.restartedAt - kill.at)}; waiting for the import to resume`);
      }
    }
    sample();
    result.wallMs = performance.now() - t0;
    if (kill) {
      result.killInfo = {
        progress: kill.progress,
        rowsBefore: kill.rowsBefore,
        restartMs: kill.restartedAt - kill.at,
        resumeMs: kill.resumedAt ? kill.resumedAt - kill.at : null,
      };
      log(`  resumed ${kill.resumedAt ? `${secs(kill.resumedAt - kill.at)} after the kill` : '(not seen)'}`);
    } else if (KILL) {
      result.killInfo = { missed: true };
      log(`  the import finished before ${(KILL_AT * 100).toFixed(0)} % was seen: nothing was killed`);
    }
  } finally {
    if (!gone(server.child)) await server.stop();
  }

  const after = await target.reader();
  try {
    result.after = await snapshot(after, id);
  } finally {
    await after.close();
  }
  return finish(result, last, file);
}

/** The import's own figures and the checks. */
function finish(result, imp, file) {
  const counts = {
    created: imp.created,
    updated: imp.updated,
    skipped: imp.skipped,
    rejected: imp.rejected,
  };
  const sum = counts.created + counts.updated + counts.skipped + counts.rejected;
  const importMs =
    imp.startedAt && imp.finishedAt ? Date.parse(imp.finishedAt) - Date.parse(imp.startedAt) : null;
  const { before, after } = result;
  const checks = {
    status: { ok: imp.status === 'done', text: `status ${imp.status}${imp.error ? ` (${imp.error})` : ''}` },
    sum: {
      ok: sum === ROWS && imp.total === ROWS && imp.rowsDone === ROWS,
      text: `created + updated + skipped + rejected = ${fmt(sum)}, total ${imp.total === null ? '—' : fmt(imp.total)}, rows done ${fmt(imp.rowsDone)} (file: ${fmt(ROWS)})`,
    },
    leads: {
      ok: after.leads - before.leads === counts.created,
      text: `leads ${fmt(before.leads)} → ${fmt(after.leads)} (+${fmt(after.leads - before.leads)}; created ${fmt(counts.created)})`,
    },
    duplicates: {
      ok: after.dupGroups === before.dupGroups && after.dupExtra === before.dupExtra,
      text: `e-mail keys held more than once: ${before.dupGroups} → ${after.dupGroups} (extra rows ${before.dupExtra} → ${after.dupExtra})`,
    },
    ledger: {
      ok: after.ledgerRows === ROWS && after.ledgerDistinct === ROWS,
      text: `ledger: ${fmt(after.ledgerRows)} rows, ${fmt(after.ledgerDistinct)} distinct row numbers`,
    },
    expected: {
      ok:
        result.fileOk &&
        counts.created === file.expected.created &&
        counts.updated + counts.skipped === file.expected.matched &&
        counts.rejected === file.expected.rejected,
      text: `as the file was made: created ${fmt(file.expected.created)}, updated + skipped ${fmt(file.expected.matched)}, rejected ${fmt(file.expected.rejected)}`,
    },
  };
  if (result.killInfo && !result.killInfo.missed)
    checks.resumed = {
      ok: result.killInfo.resumeMs !== null,
      text: `resumed after the SIGKILL (${result.killInfo.resumeMs === null ? 'not seen' : secs(result.killInfo.resumeMs)})`,
    };
  const peakKb = Math.max(...result.processes.map((p) => p.peakKb));
  return {
    ...result,
    status: imp.status,
    counts,
    sum,
    importMs,
    rowsPerSecImport: importMs ? ROWS / (importMs / 1000) : null,
    rowsPerSecWall: ROWS / (result.wallMs / 1000),
    peakMb: mb(peakKb),
    people: after.people - before.people,
    checks,
    ok: Object.values(checks).every((c) => c.ok),
  };
}
