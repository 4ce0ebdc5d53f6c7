import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { signedInPage } from './pages.js';
import { ADMIN, launchChromium, type RunningServer, startBuiltServer, tempDataDir } from './support.js';

/**
 * The built server runs imports on a thread of its own (modules/imports/import-thread.ts). These
 * tests drive it as a user would, through HTTP, and kill the whole process mid-import as a crash
 * or the kernel's out-of-memory killer would.
 */

const ROWS = 12_000;
const LT = { email: 'El. paštas', password: 'Slaptažodis', logIn: 'Prisijungti' };

function csvOf(rows: number): string {
  const lines = ['Email,First name,Last name,Company'];
  for (let i = 1; i <= rows; i += 1)
    lines.push(`thread.${i}@example.lt,Vardas${i},Pavarde${i},Imone ${i % 50}`);
  return lines.join('\n');
}

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(server: RunningServer): Promise<Session> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.csrfToken };
}

async function upload(server: RunningServer, session: Session, csv: string): Promise<string> {
  const form = new FormData();
  form.append(
    'mapping',
    JSON.stringify({
      Email: 'person.email',
      'First name': 'person.firstName',
      'Last name': 'person.lastName',
      Company: 'organisation.name',
    }),
  );
  form.append('match', JSON.stringify(['email']));
  form.append('mode', 'create_only');
  form.append('dryRun', 'false');
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'list.csv');
  const res = await fetch(`${server.url}/api/v1/imports`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: form,
  });
  const text = await res.text();
  expect(res.status, text).toBe(202);
  return (JSON.parse(text) as { id: string }).id;
}

interface ImportState {
  status: string;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  total: number | null;
  error?: string | null;
}

async function stateOf(server: RunningServer, session: Session, id: string): Promise<ImportState> {
  const res = await fetch(`${server.url}/api/v1/imports/${id}`, { headers: { cookie: session.cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as ImportState;
}

async function waitUntil(
  server: RunningServer,
  session: Session,
  id: string,
  done: (s: ImportState) => boolean,
  ms = 120_000,
): Promise<ImportState> {
  const deadline = Date.now() + ms;
  for (;;) {
    const s = await stateOf(server, session, id);
    if (done(s)) return s;
    if (Date.now() > deadline)
      throw new Error(`import ${id} stuck: ${JSON.stringify(s)}\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('imports on the server’s import thread', () => {
  const dataDir = tempDataDir();
  let server: RunningServer | null = null;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a kill in the middle of an import loses nothing: the restarted server resumes it, each row once', async () => {
    server = await startBuiltServer(dataDir);
    let session = await signIn(server);
    const id = await upload(server, session, csvOf(ROWS));
    const partway = await waitUntil(server, session, id, (s) => s.created >= 1000 || s.status === 'done');
    expect(partway.status, 'the import finished before it could be killed: make ROWS larger').toBe('running');
    await server.kill();

    server = await startBuiltServer(dataDir);
    session = await signIn(server);
    const done = await waitUntil(server, session, id, (s) => s.status !== 'running' && s.status !== 'queued');
    expect(done).toMatchObject({
      status: 'done',
      created: ROWS,
      updated: 0,
      skipped: 0,
      rejected: 0,
      total: ROWS,
    });
    await server.stop();
    server = null;

    const db = new Database(join(dataDir, 'piltuvas.sqlite'), { readonly: true });
    try {
      const count = (q: string) => (db.prepare(q).get() as { n: number }).n;
      expect(count(`select count(*) as n from leads where deleted_at is null`)).toBe(ROWS);
      expect(count(`select count(distinct person_id) as n from leads`)).toBe(ROWS);
      expect(count(`select count(*) as n from import_rows where import_id = '${id}'`)).toBe(ROWS);
    } finally {
      db.close();
    }
  });

  it('an import uploaded while another runs waits its turn, and both finish', async () => {
    server = await startBuiltServer(dataDir);
    const session = await signIn(server);
    const first = await upload(server, session, csvOf(ROWS).replaceAll('thread.', 'second.'));
    await waitUntil(server, session, first, (s) => s.created > 0);
    const second = await upload(server, session, csvOf(200).replaceAll('thread.', 'third.'));
    const a = await waitUntil(server, session, first, (s) => s.status === 'done');
    const b = await waitUntil(server, session, second, (s) => s.status === 'done');
    expect([a.created, b.created]).toEqual([ROWS, 200]);
  });

  it('an import that runs the thread out of memory fails saying so; the server stays up and a retry runs', async () => {
    const dir = tempDataDir();
    let small: RunningServer | null = await startBuiltServer(dir, { PILTUVAS_IMPORT_HEAP_MB: '32' });
    try {
      const session = await signIn(small);
      const id = await upload(small, session, csvOf(ROWS).replaceAll('thread.', 'oom.'));
      const failed = await waitUntil(small, session, id, (s) => s.status === 'failed' || s.status === 'done');
      expect(failed.status).toBe('failed');
      expect(failed.error).toContain('out of memory');
      expect(failed.error).toContain('PILTUVAS_IMPORT_HEAP_MB');
      // the import's page says why in the reader's language, with the limit
      const browser = await launchChromium();
      try {
        const { page } = await signedInPage(browser, small.url, 'lt', LT);
        await page.goto(`${small.url}/imports/${id}`);
        const note = page.getByTestId('import-failed');
        await note.waitFor();
        expect(await note.textContent()).toContain('pritrūko atminties: importo gija gali naudoti 32 MB');
      } finally {
        await browser.close();
      }
      const res = await fetch(`${small.url}/api/v1/imports`, { headers: { cookie: session.cookie } });
      expect(res.status).toBe(200);
      await small.stop();
      // with the default heap, what was imported before the failure can be undone and the list run again
      small = await startBuiltServer(dir);
      const again = await signIn(small);
      const retry = await upload(small, again, csvOf(ROWS).replaceAll('thread.', 'oom.'));
      const done = await waitUntil(small, again, retry, (s) => s.status === 'done');
      expect(done.created + done.skipped).toBe(ROWS);
    } finally {
      await small?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
