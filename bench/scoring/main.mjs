// The scoring benchmark's run: see bench/scoring.bench.mjs.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { postgresDatabase, sqliteDatabase } from '../imports/databases.mjs';
import { ADMIN, DATABASES, N, PG_URL } from '../leads/config.mjs';
import { fmt, log, secs } from '../leads/log.mjs';
import { api, login, startServer } from '../leads/server.mjs';

const GOAL_MS = 30_000;

/** Rules the seeded data meets in realistic shares (job titles, sizes, tags, sources, calls, meetings). */
const RULES = [
  {
    kind: 'fit',
    field: 'person.jobTitle',
    operator: 'in',
    value: ['Direktorius', 'CEO', 'Head of Sales'],
    points: 25,
  },
  { kind: 'fit', field: 'organisation.size', operator: 'range', value: { min: 50 }, points: 15 },
  { kind: 'fit', field: 'email.kind', operator: 'equals', value: 'free', points: -10 },
  { kind: 'fit', field: 'lead.tags', operator: 'in', value: ['vip', 'skubu'], points: 10, group: 'tags' },
  { kind: 'fit', field: 'lead.source', operator: 'in', value: ['web_form', 'website_chat'], points: 10 },
  { kind: 'behaviour', behaviour: 'call_connected', points: 15, group: 'sales' },
  { kind: 'behaviour', behaviour: 'meeting_held', points: 20, group: 'sales' },
];
/** The change measured: one more rule, about a share of the leads. */
const CHANGE = { kind: 'fit', field: 'organisation.industry', operator: 'equals', value: 'IT', points: 12 };

/** The server's peak resident set (VmHWM), MB. */
function peakMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits for the rescore the last change started; → its wall time and figures. */
async function rescoreAfter(port, session, change) {
  const t0 = performance.now();
  await change();
  let last = 0;
  for (;;) {
    await sleep(250);
    const { rescore } = await api(port, session, 'GET', '/scoring/rules');
    if (rescore?.status === 'done') return { ms: performance.now() - t0, total: rescore.total };
    if (performance.now() - last > 10_000) {
      last = performance.now();
      log(
        `  … ${fmt(rescore?.done ?? 0)} of ${fmt(rescore?.total ?? 0)} leads, ${secs(performance.now() - t0)}`,
      );
    }
  }
}

async function benchOne(target) {
  const server = await startServer(target.dataDir, target.env);
  try {
    const session = await login(server.port, ADMIN.email, ADMIN.password);
    const scores = (await api(server.port, session, 'GET', '/scoring/rules')).scores;
    const scoreId = scores.find((s) => s.primary).id;
    await api(server.port, session, 'PUT', `/scoring/scores/${scoreId}`, {
      nameLt: 'Balai',
      nameEn: 'Score',
      mqlThreshold: 40,
      sqlThreshold: 70,
      groupCaps: { tags: 15, sales: 50 },
      halfLifeDays: 60,
    });
    const first = await rescoreAfter(server.port, session, async () => {
      for (const rule of RULES)
        await api(server.port, session, 'POST', '/scoring/rules', { scoreId, ...rule });
    });
    log(
      `  first rescore (every lead's score written): ${fmt(first.total)} leads in ${secs(first.ms)}, ${fmt(first.total / (first.ms / 1000))} leads/s`,
    );
    const change = await rescoreAfter(server.port, session, () =>
      api(server.port, session, 'POST', '/scoring/rules', { scoreId, ...CHANGE }),
    );
    log(
      `  rescore after a rule change: ${fmt(change.total)} leads in ${secs(change.ms)}, ${fmt(change.total / (change.ms / 1000))} leads/s — goal < ${secs(GOAL_MS)}: ${change.ms < GOAL_MS ? 'met' : 'NOT met'}`,
    );
    const db = await target.reader();
    const [dist] = await db.all(
      "select sum(case when stage = 'mql' then 1 else 0 end) as mql, sum(case when stage = 'sql' then 1 else 0 end) as sql_, avg(score) as avg from leads",
    );
    await db.close();
    const peak = peakMb(server.child.pid);
    log(
      `  leads now: ${fmt(Number(dist.mql))} MQL, ${fmt(Number(dist.sql_))} SQL, mean score ${Number(dist.avg).toFixed(1)}; server peak RSS ${fmt(peak)} MB`,
    );
    return { name: target.name, first, change, peak };
  } finally {
    await server.stop();
  }
}

export async function main() {
  log(
    `Piltuvas scoring benchmark — ${new Date().toISOString().slice(0, 10)}, node ${process.version}; ${fmt(N)} leads, ${RULES.length} rules then one more`,
  );
  const results = [];
  for (const dialect of DATABASES) {
    log(`\n=== ${dialect} ===`);
    let admin = null;
    let target;
    try {
      if (dialect === 'postgres') {
        admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
        await admin.connect().catch((error) => {
          log(`  PostgreSQL not reachable (${error.message}): skipped`);
          admin = null;
        });
        if (!admin) continue;
        target = await postgresDatabase(admin);
      } else target = await sqliteDatabase();
      results.push(await benchOne(target));
    } catch (error) {
      log(`  ${dialect} failed: ${error.stack ?? error}`);
      process.exitCode = 1;
    } finally {
      await target?.cleanup();
      await admin?.end();
    }
  }
  log('\n| database | first rescore | after a rule change | goal < 30 s | peak RSS |\n|---|---|---|---|---|');
  for (const r of results)
    log(
      `| ${r.name} | ${secs(r.first.ms)} (${fmt(r.first.total / (r.first.ms / 1000))}/s) | ${secs(r.change.ms)} (${fmt(r.change.total / (r.change.ms / 1000))}/s) | ${r.change.ms < GOAL_MS ? 'met' : 'not met'} | ${fmt(r.peak)} MB |`,
    );
}
