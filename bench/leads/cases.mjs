// The lead screens timed for one signed-in user: list pages, counts, a deep page, searches, the
// kanban columns and a lead's detail with its timeline.
import { fmt, log } from './log.mjs';
import { measure, summary } from './measure.mjs';
import { timedGet } from './server.mjs';

const STAGES = ['suspect', 'mql', 'sql', 'converted', 'disqualified', 'parked'];

/** Every case for `session` → `{ [case]: summary }`, in the order the table prints them. */
export async function measureRole(port, session, role, probe) {
  const get = (path) => timedGet(port, path, session.cookie);
  const t = {
    get,
    json: async (path) => JSON.parse((await get(path)).text),
    out: {},
    one: async (label, path, note) => {
      const s = await measure(label, async () => ({ ms: (await get(path)).ms }));
      t.out[label] = summary(s.ms, note);
    },
  };
  log(`  as ${role} (${session.user.email})`);
  await listPages(t);
  const ids = await deepPage(t);
  await searches(t, probe, role);
  await kanban(t);
  await detail(t, ids);
  return t.out;
}

async function listPages({ json, one }) {
  await one('default list page', '/api/v1/leads?limit=50');
  const filtered = '/api/v1/leads?limit=50&stage=mql&temperature=hot,warm&sort=updated_desc';
  const fcount = (await json(filtered)).items.length;
  await one('filtered + sorted page', filtered, `${fcount} rows`);
  // the screens ask the first page with `count=true` (capped at 10 000): that query comes on top
  for (const [label, path] of [
    ['default list page, with count', '/api/v1/leads?limit=50&count=true'],
    ['filtered + sorted, with count', `${filtered}&count=true`],
  ]) {
    const { count } = await json(path);
    await one(label, path, `count ${fmt(count.value)}${count.capped ? '+' : ''}`);
  }
}

/**
 * Deep page: follow nextCursor up to 100 times (fewer when the list ends), then time that cursor.
 * → the leads for the detail case, taken from the pages passed on the way.
 */
async function deepPage({ json, one }) {
  let page = await json('/api/v1/leads?limit=50');
  let cursor = null;
  let depth = 1;
  const ids = page.items.slice(0, 4).map((item) => item.id);
  while (page.nextCursor && depth <= 100) {
    cursor = page.nextCursor;
    page = await json(`/api/v1/leads?limit=50&cursor=${cursor}`);
    depth++;
    ids.push(...page.items.slice(0, 4).map((item) => item.id));
  }
  if (cursor)
    await one(
      'deep page by cursor',
      `/api/v1/leads?limit=50&cursor=${cursor}`,
      `page ${depth}, from row ${fmt((depth - 1) * 50 + 1)}`,
    );
  return ids;
}

async function searches({ json, one }, probe, role) {
  for (const [label, q, extra = ''] of [
    ['search: surname without diacritics', probe.surname],
    ['search: first-name prefix', probe.prefix],
    ['search: whole first name and surname', `${probe.firstName} ${probe.surname}`],
    ['search: surname, sorted by score', probe.surname, '&sort=score_desc'],
    ['search: one person by e-mail', probe.emailOf[role]],
  ]) {
    if (!q) continue;
    const path = `/api/v1/leads?limit=50&q=${encodeURIComponent(q)}${extra}`;
    const hits = (await json(path)).items.length;
    await one(label, path, `q=${q}${extra}, ${hits} rows`);
  }
}

async function kanban({ get, out }) {
  for (const [label, extra] of [
    ['kanban column (6 stages)', ''],
    ['kanban column, with count', '&count=true'],
  ]) {
    const columns = await measure(label, async () => {
      const r = {};
      for (const s of STAGES) r[s] = (await get(`/api/v1/leads?limit=20&stage=${s}${extra}`)).ms;
      return r;
    });
    const all = STAGES.flatMap((s) => columns[s]);
    const worst = STAGES.map((s) => [s, summary(columns[s]).p95]).sort((a, b) => b[1] - a[1])[0];
    out[label] = summary(all, `slowest ${worst[0]} p95 ${worst[1].toFixed(1)}`);
  }
}

async function detail({ get, out }, ids) {
  const d = await measure('lead detail + timeline', async (i) => {
    const id = ids[i % ids.length];
    const a = (await get(`/api/v1/leads/${id}`)).ms;
    const b = (await get(`/api/v1/leads/${id}/activities?limit=50`)).ms;
    return { both: a + b, detail: a, timeline: b };
  });
  out['lead detail + timeline'] = summary(d.both, `${ids.length} leads in turn`);
  out['  of which GET /leads/{id}'] = summary(d.detail);
  out['  of which /activities'] = summary(d.timeline);
}
