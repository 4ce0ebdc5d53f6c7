// One database, start to finish: create through the app, seed, restart, measure.
import { createAccounts } from './accounts.mjs';
import { measureRole } from './cases.mjs';
import { ADMIN, DAY, N, PASSWORD, ROLES } from './config.mjs';
import { fmt, log } from './log.mjs';
import { printSeedStats, printTable, recorded } from './report.mjs';
import { login, startServer, timedGet } from './server.mjs';

/** One person's e-mail among the caller's oldest leads: a search that matches exactly one lead. */
async function pickProbeEmails(port, sessions) {
  const out = {};
  for (const [role, s] of Object.entries(sessions)) {
    const page = JSON.parse(
      (await timedGet(port, '/api/v1/leads?limit=200&sort=created_asc', s.cookie)).text,
    );
    const lead = page.items[Math.min(100, page.items.length - 1)];
    out[role] = lead?.email ?? null;
  }
  return out;
}

function medianRep(ctx, ownerCounts) {
  const byCount = ctx.reps
    .map((r) => ({ ...r, leads: ownerCounts.get(r.id) ?? 0 }))
    .sort((a, b) => a.leads - b.leads);
  return byCount[Math.floor(byCount.length / 2)];
}

async function signIn(port, ctx, rep) {
  const sessions = {};
  for (const role of ROLES) {
    if (role === 'admin') sessions.admin = await login(port, ADMIN.email, ADMIN.password);
    else if (role === 'rep') sessions.rep = await login(port, rep.email, PASSWORD);
    else if (role === 'manager') sessions.manager = await login(port, ctx.managers[0].email, PASSWORD);
  }
  return sessions;
}

/**
 * `seed(ctx, anchorMs)` loads the rows into the database the server at `env`/`dataDir` uses;
 * `describe()` prints its size.
 */
export async function benchDatabase(name, { env, dataDir, seed, describe }) {
  log(`\n=== ${name}: ${fmt(N)} leads ===`);
  let server = await startServer(dataDir, env);
  let ctx;
  try {
    ctx = await createAccounts(server.port);
  } finally {
    await server.stop();
  }
  log(
    `  created through the API: 1 admin, ${ctx.managers.length} managers with teams, ${ctx.reps.length} reps, ${ctx.products.length} products, ${ctx.campaigns.length} campaigns`,
  );
  const anchorMs = Math.floor(Date.now() / DAY) * DAY; // today 00:00 UTC: same data all day
  const stats = await seed(ctx, anchorMs);
  printSeedStats(stats);
  await describe?.();

  server = await startServer(dataDir, env);
  try {
    const rep = medianRep(ctx, stats.ownerCounts);
    const sessions = await signIn(server.port, ctx, rep);
    log(
      `  rep ${rep.email} owns ${fmt(rep.leads)} live leads (reps own ${fmt(Math.min(...stats.ownerCounts.values()))}–${fmt(Math.max(...stats.ownerCounts.values()))})`,
    );
    // Šimkus typed as "simkus"; "jon" starts Jonas, Jonaitis, John, Jones, Jonathan…
    const probe = {
      surname: 'simkus',
      prefix: 'jon',
      firstName: 'jonas',
      emailOf: await pickProbeEmails(server.port, sessions),
    };
    const results = {};
    for (const role of ROLES) results[role] = await measureRole(server.port, sessions[role], role, probe);
    printTable(`${name}, ${fmt(N)} leads`, results);
    recorded.push({ name: name.split(' ')[0], results, stats });
    return results;
  } finally {
    await server.stop();
  }
}
