// Web-form submissions (issue #4): how many public submissions per second the built app
// acknowledges for a sustained period, with every acknowledged one stored and turned into a lead.
// Goal: ≥ 1,000 submissions/s on SQLite for 60 s.
//
// The app runs as a child process (`dist/cli/piltuvas.js start`) on a fresh database; autocannon
// posts urlencoded submissions (as the embed script does) with a distinct e-mail and client address
// each (PILTUVAS_TRUST_PROXY, X-Forwarded-For), so no per-address limit or burst rule applies.
// After the run it waits for the inbox to drain and checks: stored submissions = acknowledged ones,
// leads = stored ones (all distinct people), none failed or quarantined.
//
//   BENCH_FORM_SECONDS      duration (default 60)
//   BENCH_FORM_CONNECTIONS  concurrent connections (default 10)
//   BENCH_DB                sqlite,postgres (default both; PostgreSQL skipped when unreachable)
//   PILTUVAS_TEST_PG_URL    PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ensureBuilt } from '../scripts/build.mjs';
import { api, login, startServer } from './leads/server.mjs';

const SECONDS = Number(process.env.BENCH_FORM_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_FORM_CONNECTIONS ?? 10);
const FORMS = 4;
const DATABASES = (process.env.BENCH_DB ?? 'sqlite,postgres').split(',').map((s) => s.trim());
const PG_URL = process.env.PILTUVAS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ADMIN = { email: 'bench-admin@example.lt', password: 'bench password 123' };
const fmt = (n, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const results = [];

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function run(label, dataDir, env, counts, afterLoad = async () => {}) {
  const server = await startServer(dataDir, {
    PILTUVAS_TRUST_PROXY: 'true',
    PILTUVAS_FORM_RATE_LIMIT: '1000000',
    ...env,
  });
  try {
    const session = await login(server.port, ADMIN.email, ADMIN.password);
    // why four forms: one form takes at most 100,000 submissions a minute (its own limit, then 429)
    const forms = [];
    for (let i = 0; i < FORMS; i += 1) {
      const form = await api(server.port, session, 'POST', '/forms', {
        name: `Bench form ${i + 1}`,
        fields: [
          { key: 'person.firstName', required: true, label: { lt: 'Vardas', en: 'First name' }, help: null },
          { key: 'person.email', required: true, label: { lt: 'El. paštas', en: 'E-mail' }, help: null },
          { key: 'lead.message', required: false, label: { lt: 'Žinutė', en: 'Message' }, help: null },
        ],
        minFillSeconds: 0,
        maxPerMinute: 100000,
      });
      const definition = await (
        await fetch(`http://127.0.0.1:${server.port}/api/public/forms/${form.id}`)
      ).json();
      forms.push({ path: `/api/public/forms/${form.id}/submissions`, token: definition.token });
    }
    let n = 0;
    const started = Date.now();
    const result = await autocannon({
      url: `http://127.0.0.1:${server.port}${forms[0].path}`,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            n += 1;
            const form = forms[n % FORMS];
            const body = new URLSearchParams({
              'person.firstName': `Lankytojas ${n}`,
              'person.email': `visitor${n}@bench.example.lt`,
              'lead.message': 'Norėčiau pasiūlymo',
              _t: form.token,
              _cid: `bench-${n}-${started}`,
              utm_source: 'bench',
              utm_medium: 'cpc',
              website_url: '',
            }).toString();
            return {
              ...req,
              path: form.path,
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
              },
              body,
            };
          },
        },
      ],
    });
    const acknowledged = result['2xx'];
    await afterLoad();
    const drainStart = Date.now();
    let c;
    for (;;) {
      c = await counts();
      if (c.pending === 0) break;
      if (Date.now() - drainStart > 30 * 60_000) throw new Error('the inbox did not drain in 30 min');
      await new Promise((r) => setTimeout(r, 500));
    }
    const drainSeconds = (Date.now() - drainStart) / 1000;
    const row = {
      label,
      seconds: SECONDS,
      // acknowledged ones only: a refusal (429, 4xx) is not a submission taken
      perSecond: acknowledged / SECONDS,
      acknowledged,
      refused: result.non2xx,
      errors: result.errors + result.timeouts,
      p50: result.latency.p50,
      p99: result.latency.p99,
      stored: c.stored,
      leads: c.leads,
      processed: c.processed,
      failed: c.failed,
      quarantined: c.quarantined,
      drainSeconds,
      leadsPerSecond: c.processed / (SECONDS + drainSeconds),
      rssMb: peakRssMb(server.child.pid),
    };
    // Requests still in flight when the time ran out are stored but not counted by autocannon.
    row.ok =
      row.stored >= acknowledged &&
      row.stored - acknowledged <= CONNECTIONS &&
      row.leads === row.stored &&
      row.failed === 0 &&
      row.quarantined === 0 &&
      row.refused === 0;
    results.push(row);
    console.log(
      `${label}: ${fmt(row.perSecond)} submissions/s acknowledged for ${SECONDS} s (${fmt(acknowledged)} in all, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.refused} refused, ${row.errors} errors); stored ${fmt(row.stored)}, leads ${fmt(row.leads)}, failed ${row.failed}, quarantined ${row.quarantined}; inbox drained ${fmt(drainSeconds, 1)} s after the load; peak RSS ${fmt(row.rssMb)} MB — ${row.ok ? 'every acknowledged submission stored and a lead' : 'MISMATCH'}`,
    );
  } finally {
    await server.stop();
  }
}

async function benchSqlite() {
  const dataDir = mkdtempSync(join(tmpdir(), 'piltuvas-bench-forms-'));
  const file = join(dataDir, 'piltuvas.sqlite');
  try {
    await run('SQLite', dataDir, {}, async () => {
      const db = new Database(file, { readonly: true });
      try {
        const by = Object.fromEntries(
          db
            .prepare('select status, count(*) as n from form_submissions group by status')
            .all()
            .map((r) => [r.status, r.n]),
        );
        const leads = db.prepare('select count(*) as n from leads').get().n;
        return summary(by, leads);
      } finally {
        db.close();
      }
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function summary(by, leads) {
  const stored = Object.values(by).reduce((a, b) => a + Number(b), 0);
  return {
    stored,
    pending: Number(by.pending ?? 0) + Number(by.processing ?? 0),
    processed: Number(by.processed ?? 0),
    failed: Number(by.failed ?? 0),
    quarantined: Number(by.quarantined ?? 0),
    leads: Number(leads),
  };
}

async function benchPostgres() {
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch {
    console.log('PostgreSQL: not reachable, skipped');
    return;
  }
  const database = `bench_forms_${Date.now()}`;
  await admin.query(`create database ${database}`);
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'piltuvas-bench-forms-'));
  const reader = new pg.Client({ connectionString: url.toString() });
  try {
    await reader.connect();
    const { rows: settings } = await reader.query('show autovacuum');
    const counts = async () => {
      const { rows } = await reader.query(
        'select status, count(*) as n from form_submissions group by status',
      );
      const leads = (await reader.query('select count(*) as n from leads')).rows[0].n;
      return summary(Object.fromEntries(rows.map((r) => [r.status, r.n])), leads);
    };
    // why: the tables grew from nothing during the load; with autovacuum off (this machine's test
    // server) the planner keeps its empty-table estimates. ANALYZE is what autovacuum would do.
    const analyze = async () => {
      if (settings[0]?.autovacuum !== 'off') return;
      console.log('PostgreSQL: autovacuum is off on this server; running ANALYZE after the load');
      await reader.query('analyze');
    };
    await run('PostgreSQL', dataDir, { DATABASE_URL: url.toString() }, counts, analyze);
  } finally {
    await reader.end().catch(() => {});
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

ensureBuilt();
console.log(
  `Piltuvas form submissions benchmark — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${CONNECTIONS} connections for ${SECONDS} s`,
);
if (DATABASES.includes('sqlite')) await benchSqlite();
if (DATABASES.includes('postgres')) await benchPostgres();
console.log(
  '\n| database | submissions/s | acknowledged | p99 ms | stored | leads | drained after | peak RSS MB |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.label} | ${fmt(r.perSecond)} | ${fmt(r.acknowledged)} | ${r.p99} | ${fmt(r.stored)} | ${fmt(r.leads)} | ${fmt(r.drainSeconds, 1)} s | ${fmt(r.rssMb)} |`,
  );
}
if (results.some((r) => !r.ok)) process.exitCode = 1;
