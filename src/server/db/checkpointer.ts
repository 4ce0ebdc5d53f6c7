import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type { Deps } from '../context.js';

/** How often the thread copies the write-ahead log into the database. */
const EVERY_MS = 250;
/** Past this many pages (4 KiB each) still in the log, it is emptied even if writers wait a moment. */
const TRUNCATE_AT_FRAMES = 16_384;
/** SQLite's default: a commit that grows the log past this many pages checkpoints it itself. */
const DEFAULT_AUTOCHECKPOINT = 1000;

// A CommonJS worker kept as text: it has no build step of its own, so it runs from sources
// (tests) and from `dist/` alike. It gets better-sqlite3's resolved path from the server.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try {
    const [state] = db.pragma('wal_checkpoint(PASSIVE)');
    // A log that a stream of commits kept from ever starting over: once all of it is copied, empty
    // it — waiting at most 50 ms for the writer, so the server never stalls on it (next time, then).
    if (state && state.log > workerData.truncateAtFrames && state.busy === 0 && state.checkpointed === state.log) {
      db.pragma('busy_timeout = 50');
      try { db.pragma('wal_checkpoint(TRUNCATE)'); } finally { db.pragma('busy_timeout = 5000'); }
    }
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
parentPort.postMessage({ ready: true });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * SQLite (the server only): the write-ahead log is copied into the database by a thread of its
 * own instead of by whichever commit grew it past 1,000 pages. That copy ends with an fsync and
 * took a third of the request thread's database time under a stream of new leads; on its own
 * thread the request thread only appends to the log. Should the thread stop, commits checkpoint
 * again as SQLite does by default. Null on PostgreSQL.
 */
export async function startCheckpointer(
  deps: Deps,
  file: string,
  log: FastifyBaseLogger,
): Promise<Checkpointer | null> {
  if (deps.dialect !== 'sqlite') return null;
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: {
      module: createRequire(import.meta.url).resolve('better-sqlite3'),
      file,
      everyMs: EVERY_MS,
      truncateAtFrames: TRUNCATE_AT_FRAMES,
    },
  });
  const autocheckpoint = (pages: number) => sql.raw(`pragma wal_autocheckpoint = ${pages}`).execute(deps.db);
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      if (!stopping) {
        log.warn('the checkpoint thread stopped: commits checkpoint the log themselves again');
        void autocheckpoint(DEFAULT_AUTOCHECKPOINT).catch(() => {});
      }
      resolve();
    }),
  );
  worker.on('error', (err) => log.error({ err }, 'checkpoint thread failed'));
  worker.on('message', (message: { ready?: boolean; error?: string }) => {
    if (message.error) log.warn({ reason: message.error }, 'checkpoint failed; the next one tries again');
  });
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', () => reject(new Error('the checkpoint thread ended before it started')));
    });
  } catch (err) {
    // the thread is a help, not a need: without it commits checkpoint as SQLite does by default
    stopping = true;
    log.warn({ err }, 'the checkpoint thread did not start: commits checkpoint the log themselves');
    await worker.terminate();
    return null;
  }
  await autocheckpoint(0);
  return {
    async stop() {
      if (stopping) return exited;
      stopping = true;
      await autocheckpoint(DEFAULT_AUTOCHECKPOINT).catch(() => {});
      worker.postMessage('stop');
      await exited;
    },
  };
}
