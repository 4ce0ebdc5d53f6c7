// Routing benchmark (issue #5): routed creates per second through the API with a Bearer token,
// each lead unowned, scored by a fit rule and dealt round robin to 7 reps — first one lead per
// request (POST /api/v1/leads, BENCH_CONNECTIONS=10 at once: the server writes creates that arrive
// together in one transaction), then BENCH_BATCH=100 per request (POST /api/v1/leads/batch,
// BENCH_BATCH_CONNECTIONS=2). The server runs as a child process on a fresh database; autocannon shares the
// machine's two cores, so the figure is a lower bound.
//
//   BENCH_DB=sqlite,postgres   which databases (PostgreSQL skipped when unreachable)
//   BENCH_DURATION=10          seconds of load
//
// Goal: ≥ 2,000 routed creates/s. Afterwards it checks that every acknowledged lead exists, has an
// owner, and that the 7 reps' counts differ by at most 1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { ensureBuilt } from '../scripts/build.mjs';
import { ADMIN, DATABASES, PG_URL } from './leads/config.mjs';
import { fmt, log } from './leads/log.mjs';
import { api, login, startServer } from './leads/server.mjs';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const BATCH_CONNECTIONS = Number(process.env.BENCH_BATCH_CONNECTIONS ?? 2);
const GOAL = 2_000;

async function setUp(port) {
  const session = await login(port, ADMIN.email, ADMIN.password);
  const team = await api(port, session, 'POST', '/teams', { name: 'Pardavimai' });
  const reps = [];
  for (let i = 0; i < 7; i++) {
    const { user } = await api(port, session, 'POST', '/users', {
      email: `rep${i}@bench.lt`,
      name: `Rep ${i}`,
      role: 'rep',
      teamId: team.id,
      password: 'bench password 123',
    });
    reps.push(user.id);
  }
  if (process.env.BENCH_NO_RULES === '1')
    return { session, reps, secret: (await api(port, session, 'POST', '/tokens', { name: 'bench' })).secret };
  await api(port, session, 'POST', '/scoring/rules', {
    kind: 'fit',
    field: 'person.jobTitle',
    operator: 'contains',
    value: 'direktor',
    points: 30,
  });
  await api(port, session, 'POST', '/routing/rules', {
    name: 'Visi',
    strategy: 'round_robin',
    teamId: team.id,
  });
  const { secret } = await api(port, session, 'POST', '/tokens', { name: 'bench' });
  return { session, reps, secret };
}

let n = 0;
const newLead = () => {
  n += 1;
  return {
    person: {
      firstName: 'Ona',
      lastName: `Srautas ${n}`,
      jobTitle: n % 3 === 0 ? 'Direktorė' : 'Vadybininkė',
      emails: [`ona.${n}.${Date.now()}@bench-routing.lt`],
    },
  };
};

/** `single`: POST /leads, one lead each, CONNECTIONS at once; `batch`: POST /leads/batch, BATCH leads each. */
async function load(port, secret, mode) {
  const batch = mode === 'batch';
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: batch ? BATCH_CONNECTIONS : CONNECTIONS,
    duration: DURATION_S,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: batch ? '/api/v1/leads/batch' : '/api/v1/leads',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify(batch ? { leads: Array.from({ length: BATCH }, newLead) } : newLead()),
        }),
      },
    ],
  });
  const created = result['2xx'] * (batch ? BATCH : 1);
  return {
    mode,
    created,
    rps: created / DURATION_S,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** Waits until the server has finished what the load left in flight (the lead count stops moving). */
async function settled(port, session) {
  let last = -1;
  for (;;) {
    const count = (await api(port, session, 'GET', '/leads?limit=1&count=true')).count.value;
    if (count === last) return;
    last = count;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function benchOne(name, dataDir, env) {
  const server = await startServer(dataDir, env);
  try {
    const { session, reps, secret } = await setUp(server.port);
    const results = [];
    for (const mode of (process.env.BENCH_MODES ?? 'single,batch').split(',')) {
      const r = await load(server.port, secret, mode);
      await settled(server.port, session);
      const counts = [];
      for (const rep of reps) {
        const page = await api(server.port, session, 'GET', `/leads?ownerId=${rep}&limit=1&count=true`);
        counts.push(page.count.value);
      }
      const unowned = (await api(server.port, session, 'GET', '/leads?ownerId=none&limit=1&count=true')).count
        .value;
      const spread = Math.max(...counts) - Math.min(...counts);
      const how =
        mode === 'single'
          ? `POST /leads, ${CONNECTIONS} connections`
          : `POST /leads/batch of ${BATCH}, ${BATCH_CONNECTIONS} connections`;
      log(
        `  ${name}, ${how}: ${fmt(r.rps)} routed creates/s (${fmt(r.created)} in ${DURATION_S} s), p99 ${r.p99} ms, errors ${r.errors}; per rep ${counts.join(' / ')} (spread ${spread}), unowned ${unowned} — goal ≥ ${fmt(GOAL)}/s: ${r.rps >= GOAL ? 'met' : 'NOT met'}`,
      );
      results.push({ name, ...r, spread, counts });
    }
    return results;
  } finally {
    await server.stop();
  }
}

ensureBuilt();
log(
  `Piltuvas routing benchmark — ${new Date().toISOString().slice(0, 10)}, node ${process.version}; ${DURATION_S} s each of single and batch creates`,
);
for (const dialect of DATABASES) {
  const dataDir = mkdtempSync(join(tmpdir(), 'piltuvas-bench-routing-'));
  let admin = null;
  let database = null;
  try {
    if (dialect === 'postgres') {
      admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
      try {
        await admin.connect();
      } catch (error) {
        log(`  PostgreSQL not reachable (${error.message}): skipped`);
        admin = null;
        continue;
      }
      database = `bench_routing_${Date.now().toString(36)}`;
      await admin.query(`create database ${database}`);
      const url = new URL(PG_URL);
      url.pathname = `/${database}`;
      await benchOne('PostgreSQL', dataDir, { DATABASE_URL: url.toString() });
    } else await benchOne('SQLite', dataDir, {});
  } catch (error) {
    log(`  ${dialect} failed: ${error.stack ?? error}`);
    process.exitCode = 1;
  } finally {
    if (admin && database) await admin.query(`drop database if exists ${database} with (force)`);
    await admin?.end();
    if (process.env.BENCH_KEEP !== '1') rmSync(dataDir, { recursive: true, force: true });
    else log(`  kept ${dataDir}`);
  }
}
