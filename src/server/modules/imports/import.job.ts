import { randomUUID } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import type { FieldError } from '../../../domain/errors/app-error.js';
import type { ImportField } from '../../../domain/imports/fields.js';
import { compileMapping } from '../../../domain/imports/row.js';
import type { ActorContext, Deps } from '../../context.js';
import { actorFor } from '../auth/authenticate.js';
import { InboxRunner, yieldToRequests } from '../capture/inbox.js';
import { listCustomFields } from '../custom-fields/custom-fields.repository.js';
import { findUserById } from '../users/users.repository.js';
import { type BatchContext, processBatch, RowRefused } from './import-rows.js';
import { importThreadOf } from './import-thread.js';
import { binOrganisationsOfImport, undoBatch } from './import-undo.js';
import {
  advanceImport,
  claimImport,
  deleteAbandonedUploads,
  finishImport,
  freeDeadLeases,
  type Import,
  readChunks,
  releaseImport,
  writeLedger,
} from './imports.repository.js';
import { csvRecords, type SourceRecord, xlsxRecords } from './source-reader.js';

/** Who holds an import's lease: this process. */
/**
 * This machine as far as process ids go: the host name and the pid namespace (containers sharing a
 * host name do not see each other's processes). Null where it cannot be told (not Linux): then no
 * lease is ever taken over early.
 */
function processSpace(): string | null {
  try {
    const ns = /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))?.[1];
    return ns ? `${hostname()}/${ns}` : null;
  } catch {
    return null;
  }
}
export const PROCESS_SPACE = processSpace();
export const WORKER = `${PROCESS_SPACE ?? hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
const LEASE_MS = 60_000;
/** An upload still being stored after this long was left by a process that died (uploads take minutes at most). */
const ABANDONED_AFTER_MS = 6 * 60 * 60 * 1000;
/** Rows per transaction: small enough that other writers (a form, a rep) wait only moments. */
export const BATCH_ROWS = 1000;

class LostLease extends Error {}

/** Apps shutting down: their imports stop after the batch in flight. */
const stopping = new WeakSet<Deps>();

/** Test hook: stop after this many batches, as if the process died (the lease stays taken). */
export interface RunOptions {
  stopAfterBatches?: number;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function leaseUntil(deps: Deps): string {
  return new Date(deps.now().getTime() + LEASE_MS).toISOString();
}

/** The file's records, header first, one at a time (from `chunks` when given: a part of the file). */
export function recordsOf(
  deps: Deps,
  imp: Import,
  chunks: AsyncIterable<Uint8Array> = readChunks(deps.db, imp.id),
): AsyncGenerator<SourceRecord> {
  return imp.fileKind === 'xlsx'
    ? xlsxRecords(chunks)
    : csvRecords(chunks, { encoding: imp.encoding ?? 'utf-8', delimiter: imp.delimiter ?? ',' });
}

/**
 * The uploader, acting through the import (a rep imports only what they could create by hand);
 * when they have been disabled since, the import stops as failed, saying why.
 */
async function callerOf(deps: Deps, imp: Import): Promise<ActorContext | null> {
  const user = await findUserById(deps.db, imp.createdBy);
  if (user?.active) return { user, actor: await actorFor(deps, user), channel: 'import' };
  const error = 'The user who started it is disabled';
  await finishImport(deps.db, imp.id, WORKER, { status: 'failed', error }, deps.now().toISOString());
  return null;
}

/**
 * Runs (or resumes) an import: the records after the checkpoint, a batch per transaction with its
 * ledger, problems and counters, fenced on this worker's lease. A crash loses at most the batch in
 * flight, which the next worker does again from the same checkpoint — never twice.
 */
async function executeImport(deps: Deps, imp: Import, options: RunOptions): Promise<void> {
  const caller = await callerOf(deps, imp);
  if (!caller) return;
  const defs = (await listCustomFields(deps.db, { entity: 'lead' })).map((d) => ({
    key: d.key,
    type: d.type,
    active: d.active,
    options: d.options,
  }));
  const counted = {
    created: imp.created,
    updated: imp.updated,
    skipped: imp.skipped,
    rejected: imp.rejected,
  };
  let ctx: BatchContext | null = null;
  let batch: SourceRecord[] = [];
  let rowsDone = imp.rowsDone;
  let batches = 0;

  const flush = async (position: number) => {
    if (!ctx || batch.length === 0) return;
    const refused = new Map<number, FieldError[]>();
    for (;;) {
      const before = { ...counted };
      try {
        await deps.db.transaction().execute(async (trx) => {
          const result = await processBatch(trx, ctx as BatchContext, batch, refused);
          await writeLedger(trx, imp.id, result.ledger, result.problems, result.keys);
          const sum = (o: string) => result.ledger.filter((l) => l.outcome === o).length;
          const ok = await advanceImport(
            trx,
            imp.id,
            WORKER,
            {
              rowsDone: batch.length,
              bytesDone: Math.min(position, imp.fileSize),
              created: sum('created'),
              updated: sum('updated'),
              skipped: sum('skipped'),
              rejected: sum('rejected'),
            },
            leaseUntil(deps),
            deps.now().toISOString(),
          );
          if (!ok) throw new LostLease();
        });
        break;
      } catch (error) {
        Object.assign(counted, before);
        // why: the write path refused a row the checks let through; redo the batch with it rejected.
        if (error instanceof RowRefused && !refused.has(error.rowNo)) {
          refused.set(error.rowNo, error.errors);
          continue;
        }
        throw error;
      }
    }
    rowsDone += batch.length;
    batch = [];
    batches += 1;
  };

  for await (const record of recordsOf(deps, imp)) {
    if (record.rowNo === 0 && !ctx) {
      const header = record.cells.map((c) => c.trim());
      ctx = {
        deps,
        caller,
        imp,
        defs,
        compiled: compileMapping(header, imp.mapping as Record<string, ImportField | null>),
        counted,
      };
      continue;
    }
    if (record.rowNo <= imp.rowsDone) continue;
    batch.push(record);
    if (batch.length >= BATCH_ROWS) {
      await flush(record.position);
      if (options.stopAfterBatches !== undefined && batches >= options.stopAfterBatches) return;
      if (stopping.has(deps)) {
        // why: a shutdown hands the import over at once instead of waiting for its lease to run out.
        await releaseImport(deps.db, imp.id, WORKER);
        return;
      }
      // why: a batch holds SQLite's write lock (and, on this thread, the connection): visitors go
      // first — while forms come in steadily (a request in the last 30 ms counts) an import waits
      // up to a second between batches. Drains yield per lead and count only requests in flight.
      await yieldToRequests(deps.dialect === 'sqlite' ? { maxMs: 1000, quietMs: 30 } : {});
    }
  }
  await flush(imp.fileSize);
  await finishImport(
    deps.db,
    imp.id,
    WORKER,
    { status: imp.dryRun ? 'previewed' : 'done', totalRows: rowsDone },
    deps.now().toISOString(),
  );
}

/** Undoes an import a page of ledger rows at a time, checkpointed like a run. */
async function executeUndo(deps: Deps, imp: Import): Promise<void> {
  const caller = await callerOf(deps, imp);
  if (!caller) return;
  let after = imp.rowsDone;
  for (;;) {
    const last = await deps.db.transaction().execute(async (trx) => {
      const last = await undoBatch(trx, deps, caller, imp, after, BATCH_ROWS);
      if (last === null) return null;
      const ok = await advanceImport(
        trx,
        imp.id,
        WORKER,
        { rowsDone: last - after, bytesDone: imp.bytesDone, created: 0, updated: 0, skipped: 0, rejected: 0 },
        leaseUntil(deps),
        deps.now().toISOString(),
      );
      if (!ok) throw new LostLease();
      return last;
    });
    if (last === null) break;
    after = last;
    await new Promise((resolve) => setImmediate(resolve));
  }
  const now = deps.now().toISOString();
  await deps.db.transaction().execute((trx) => binOrganisationsOfImport(trx, imp, now));
  await finishImport(deps.db, imp.id, WORKER, { status: 'undone', undoneAt: now }, now);
}

/**
 * Takes and runs imports (and undos) until none is waiting. Several instances may call it at once:
 * each import is held by one lease. A failure marks the import failed with the reason (what was
 * committed stays, and can be undone); a lost lease just stops.
 */
export async function runImports(deps: Deps, options: RunOptions = {}): Promise<number> {
  let handled = 0;
  if (PROCESS_SPACE) await freeDeadLeases(deps.db, PROCESS_SPACE, processAlive, deps.now().toISOString());
  await deleteAbandonedUploads(deps.db, new Date(deps.now().getTime() - ABANDONED_AFTER_MS).toISOString());
  for (;;) {
    const imp = await claimImport(deps.db, WORKER, deps.now().toISOString(), leaseUntil(deps));
    if (!imp || stopping.has(deps)) {
      if (imp) await releaseImport(deps.db, imp.id, WORKER);
      return handled;
    }
    handled += 1;
    try {
      if (imp.status === 'undoing') await executeUndo(deps, imp);
      else await executeImport(deps, imp, options);
      if (options.stopAfterBatches !== undefined) return handled;
    } catch (error) {
      if (error instanceof LostLease) continue;
      const message = error instanceof Error ? error.message : String(error);
      await finishImport(
        deps.db,
        imp.id,
        WORKER,
        { status: 'failed', error: message },
        deps.now().toISOString(),
      );
      throw error;
    }
  }
}

const runner = new InboxRunner('imports', (deps) => runImports(deps));
/** Starts the import worker now (an upload, a run after the dry run, an undo); `sweep`: the recurring job. */
export const kickImports = (deps: Deps, sweep = false): void => {
  if (!sweep && !deps.config.startImportsAtOnce) return;
  const thread = importThreadOf(deps);
  if (thread) void thread.kick(sweep).catch((error: unknown) => runner.report(deps, error));
  else runner.kick(deps);
};
export const stopImports = async (deps: Deps): Promise<void> => {
  stopping.add(deps);
  await importThreadOf(deps)?.stop();
  await runner.stop(deps);
};
export const importsIdle = (deps: Deps): Promise<void> => runner.idle(deps);
export const onImportsError = (deps: Deps, report: (error: unknown) => void): void =>
  runner.onError(deps, report);
