// Times GET paths against a database kept by `BENCH_KEEP=1 node bench/leads.bench.mjs`, signed in as
// the bench's median rep and its admin (100 sequential requests after 20 warm-up each):
//   node bench/leads/probe.mjs <sqlite file | postgres:// URL> '/api/v1/people?q=simkus' …
// Uses the built app (dist/): run `npm run build` or the bench first.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { startServer, login, timedGet } = await import('./server.mjs');
const { ADMIN, PASSWORD } = await import('./config.mjs');
const [target, ...paths] = process.argv.slice(2);
const server = await startServer(mkdtempSync(join(tmpdir(), 'probe-')), { DATABASE_URL: target });
try {
  const sessions = {
    rep: await login(server.port, 'rep16@example.lt', PASSWORD),
    admin: await login(server.port, ADMIN.email, ADMIN.password),
  };
  for (const [role, s] of Object.entries(sessions)) {
    for (const path of paths) {
      const ms = [];
      let n = 0;
      for (let i = 0; i < 120; i++) {
        const r = await timedGet(server.port, path, s.cookie);
        if (i === 0) n = JSON.parse(r.text).items?.length ?? 0;
        if (i >= 20) ms.push(r.ms);
      }
      ms.sort((a, b) => a - b);
      const p = (x) => ms[Math.min(ms.length - 1, Math.floor(x * ms.length))].toFixed(1);
      console.log(
        `${role.padEnd(6)} ${path.padEnd(50)} ${String(n).padStart(3)} items  p50 ${p(0.5)}  p95 ${p(0.95)}`,
      );
    }
  }
} finally {
  await server.stop();
}
