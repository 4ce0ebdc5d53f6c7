// Foundation figures: cold start to the first 200 on /readyz (fresh database and restart),
// idle RSS, and requests/s + p99 of an authenticated GET /api/v1/auth/me (session cookie and
// Bearer token). The server runs as a child process on loopback; load comes from autocannon.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ensureBuilt } from '../scripts/build.mjs';
import { spawnApp } from './leads/server.mjs';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const ADMIN = { email: 'bench@example.lt', password: 'bench password 123' };

function startServer(dataDir, port, extraEnv = {}) {
  const started = performance.now();
  return { child: spawnApp(dataDir, port, ADMIN, extraEnv), started };
}

async function untilReady(port, started, child) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function stop(child) {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function load(url, headers) {
  const result = await autocannon({ url, headers, connections: 10, duration: DURATION_S });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

ensureBuilt();
const dataDir = mkdtempSync(join(tmpdir(), 'piltuvas-bench-'));
const port = 3900 + Math.floor(Math.random() * 50);
try {
  let { child, started } = startServer(dataDir, port);
  const coldFresh = await untilReady(port, started, child);
  await stop(child);
  ({ child, started } = startServer(dataDir, port));
  const coldRestart = await untilReady(port, started, child);
  await new Promise((r) => setTimeout(r, 2000));
  const idleRss = rssMb(child.pid);

  const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const tokenRes = await fetch(`http://127.0.0.1:${port}/api/v1/tokens`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': (await login.json()).csrfToken },
    body: JSON.stringify({ name: 'bench' }),
  });
  const { secret } = await tokenRes.json();
  const me = `http://127.0.0.1:${port}/api/v1/auth/me`;
  const bySession = await load(me, { cookie });
  const byToken = await load(me, { authorization: `Bearer ${secret}` });
  const loadedRss = rssMb(child.pid);
  await stop(child);

  const f = (n, d = 0) => n.toFixed(d);
  console.log(
    `\nPiltuvas foundation benchmark — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, SQLite`,
  );
  console.log(
    `cold start to first 200 /readyz, fresh database (migrations + first admin): ${f(coldFresh)} ms`,
  );
  console.log(
    `cold start to first 200 /readyz, restart:                                 ${f(coldRestart)} ms`,
  );
  console.log(`RSS idle after start: ${f(idleRss, 1)} MB; after load: ${f(loadedRss, 1)} MB`);
  console.log(
    `GET /api/v1/auth/me (session cookie), 10 connections ${DURATION_S}s: ${f(bySession.rps)} req/s, p99 ${bySession.p99} ms, errors ${bySession.errors}`,
  );
  console.log(
    `GET /api/v1/auth/me (Bearer token),   10 connections ${DURATION_S}s: ${f(byToken.rps)} req/s, p99 ${byToken.p99} ms, errors ${byToken.errors}`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
