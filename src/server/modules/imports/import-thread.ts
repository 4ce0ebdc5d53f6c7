import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../../context.js';
import { requestCountsMemory } from '../capture/inbox.js';
import { failImportsHeldBy, importWaiting } from './imports.repository.js';

/**
 * Imports run on a thread of their own when the server runs (`npm start`): a million-row import
 * makes garbage faster than it is collected, and on the server's heap that showed as ~200 MB more
 * resident memory for the whole process (bench/RESULTS.md). On its own thread, under a heap limit
 * (`PILTUVAS_IMPORT_HEAP_MB`), it is collected there; and the server's thread — and its SQLite
 * connection — stay free for requests while a batch is written. The thread starts when there is
 * work and ends when there is none. Tests drive `runImports` directly on their own thread.
 */
export type ToImportThread = { type: 'kick'; n: number } | { type: 'stop' };
export type FromImportThread =
  | { type: 'ready'; worker: string }
  /** Out of work, having seen kicks up to `n`: a later kick means there may be more. */
  | { type: 'drained'; n: number }
  | { type: 'stopped' }
  | { type: 'error'; message: string };

const ENTRY = fileURLToPath(new URL('./import.worker.js', import.meta.url));
/** How long a stopping thread may take to finish its batch before it is ended. */
const STOP_WAIT_MS = 8000;
/** After a thread stopped abnormally, the next one starts no sooner than this. */
const RESTART_AFTER_MS = 30_000;

const threads = new WeakMap<Deps, ImportThread>();

/** An import's failure when its thread ran out of memory; the screen reads the limit from it (import-view.ts). */
export function outOfMemory(heapMegabytes: number): string {
  return `out of memory: the import thread may use ${heapMegabytes} MB (PILTUVAS_IMPORT_HEAP_MB)`;
}

/** The import thread serving these deps, if the server started one. */
export function importThreadOf(deps: Deps): ImportThread | undefined {
  return threads.get(deps);
}

/** Starts serving imports from a thread for these deps; null when running from sources (tests). */
export function startImportThread(deps: Deps, log: FastifyBaseLogger): ImportThread | null {
  if (!existsSync(ENTRY)) return null;
  const thread = new ImportThread(deps, log);
  threads.set(deps, thread);
  return thread;
}

export class ImportThread {
  private worker: Worker | null = null;
  /** The lease owner name of the running thread's imports, once it said it is ready. */
  private workerId: string | null = null;
  private stopping = false;
  private closed = false;
  /** A kick that came while the thread was finishing: start it again once it has. */
  private pending = false;
  private checked = false;
  private exited: Promise<void> = Promise.resolve();
  /** Kicks sent to the running thread; it stops only when it drained after the last one. */
  private kicks = 0;
  /** No new thread before this (ms since epoch): a thread that crashed must not be restarted in a loop. */
  private restartAt = 0;

  constructor(
    private readonly deps: Deps,
    private readonly log: FastifyBaseLogger,
  ) {}

  /**
   * There may be work: an upload, a run after a dry run, an undo, or the recurring sweep. A sweep
   * starts the thread only when an import waits (the first one always, to resume what a crash left).
   */
  async kick(sweep = false): Promise<void> {
    if (this.closed) return;
    if (this.worker && !this.stopping) {
      this.kicks += 1;
      this.worker.postMessage({ type: 'kick', n: this.kicks } satisfies ToImportThread);
      return;
    }
    if (this.worker) {
      this.pending = true;
      return;
    }
    if (Date.now() < this.restartAt) return;
    if (sweep && this.checked && !(await importWaiting(this.deps.db, this.deps.now().toISOString()))) return;
    this.checked = true;
    if (this.closed || this.worker) return;
    this.start();
  }

  private start(): void {
    const heap = this.deps.config.importHeapMegabytes;
    const worker = new Worker(ENTRY, {
      workerData: {
        config: this.deps.config,
        schema: this.deps.schema,
        requestCounts: requestCountsMemory(),
      },
      // why: a young generation of 16 MiB keeps collections cheap; the old one is what an import may keep.
      resourceLimits: {
        maxOldGenerationSizeMb: heap,
        maxYoungGenerationSizeMb: 16,
      },
    });
    this.worker = worker;
    this.stopping = false;
    this.workerId = null;
    this.kicks = 0;
    let crash: Error | null = null;
    let finished = false;
    worker.on('message', (message: FromImportThread) => {
      if (this.worker !== worker) return;
      if (message.type === 'ready') {
        this.workerId = message.worker;
        this.kicks += 1;
        worker.postMessage({ type: 'kick', n: this.kicks } satisfies ToImportThread);
      } else if (message.type === 'error') {
        this.log.error({ err: { message: message.message } }, 'import failed');
      } else if (message.type === 'drained' && !this.stopping && message.n === this.kicks) {
        this.stopping = true;
        worker.postMessage({ type: 'stop' } satisfies ToImportThread);
      } else if (message.type === 'stopped') {
        // why: its connection is closed and its work handed back; nothing left to wait for.
        finished = true;
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      crash = error;
    });
    this.exited = new Promise((resolve) => {
      worker.once('exit', (code) => {
        void this.onExit(worker, finished ? 0 : code, crash).finally(resolve);
      });
    });
  }

  private async onExit(worker: Worker, code: number, crash: Error | null): Promise<void> {
    if (this.worker !== worker) return;
    const held = this.workerId;
    this.worker = null;
    this.workerId = null;
    this.stopping = false;
    if (crash || (code !== 0 && !this.closed)) {
      this.restartAt = Date.now() + RESTART_AFTER_MS;
      const reason =
        (crash as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? outOfMemory(this.deps.config.importHeapMegabytes)
          : `the import thread stopped: ${crash?.message ?? `exit code ${code}`}`;
      this.log.error({ err: crash ?? { message: reason } }, 'the import thread stopped');
      // why: an import that brought the thread down would bring the next one down too.
      if (held && !this.closed) {
        await failImportsHeldBy(this.deps.db, held, reason, this.deps.now().toISOString()).catch(
          (failure: unknown) =>
            this.log.error(
              { err: failure },
              'could not mark the import failed; it is retried when its lease runs out',
            ),
        );
      }
      this.pending = false;
      return;
    }
    if (this.pending && !this.closed && !this.worker) {
      this.pending = false;
      this.start();
    }
  }

  /** On shutdown: the import in flight finishes its batch and hands its lease back. */
  async stop(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    if (!this.stopping) {
      this.stopping = true;
      worker.postMessage({ type: 'stop' } satisfies ToImportThread);
    }
    const timer = setTimeout(() => void worker.terminate(), STOP_WAIT_MS);
    await this.exited;
    clearTimeout(timer);
  }
}
