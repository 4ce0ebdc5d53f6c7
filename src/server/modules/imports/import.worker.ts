/**
 * The import thread's entry (see import-thread.ts): its own database connection, its own heap,
 * the same `runImports` as everywhere. The server's thread tells it when to look for work ('kick')
 * and when to finish ('stop'); it says when it has run out of work ('drained') so the server can
 * let it go, and reports failures to be logged there.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../../config.js';
import type { Deps } from '../../context.js';
import { connect } from '../../db/connect.js';
import { shareRequestCounts } from '../capture/inbox.js';
import { importsIdle, kickImports, onImportsError, stopImports, WORKER } from './import.job.js';
import type { FromImportThread, ToImportThread } from './import-thread.js';

const port = parentPort;
if (!port) throw new Error('import.worker.js runs only as a worker thread');
const { config, schema, requestCounts } = workerData as {
  config: Config;
  schema?: string;
  requestCounts: SharedArrayBuffer;
};
// why: batches step aside while the server's thread answers visitors (yieldToRequests)
shareRequestCounts(requestCounts);

const handle = connect({ url: config.databaseUrl, ...(schema ? { schema } : {}), poolSize: 2 });
const deps: Deps = { db: handle.db, dialect: handle.dialect, schema, config, now: () => new Date() };
const say = (message: FromImportThread) => port.postMessage(message);

/** The newest kick seen: 'drained' says it, so the server's thread stops only a thread that saw its last kick. */
let seen = 0;
let stopping = false;

// The drains are import.job.ts's own runner (no thread is registered here): one at a time, once more when kicked meanwhile.
onImportsError(deps, (error) =>
  say({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);

port.on('message', (message: ToImportThread) => {
  if (stopping) return;
  if (message.type === 'kick') {
    seen = Math.max(seen, message.n);
    kickImports(deps, true);
    void importsIdle(deps).then(() => {
      if (!stopping) say({ type: 'drained', n: seen });
    });
  } else {
    stopping = true;
    void (async () => {
      // why: the import in flight finishes its batch and hands its lease back, so the next start resumes at once.
      await stopImports(deps);
      await deps.db.destroy();
      say({ type: 'stopped' });
      port.close();
    })();
  }
});

say({ type: 'ready', worker: WORKER });
