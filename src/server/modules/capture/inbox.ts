import { sql } from 'kysely';
import { AppError } from '../../../domain/errors/app-error.js';
import type { Deps } from '../../context.js';
import type { Db } from '../../db/database.js';

/**
 * The inbox of a public channel (form submissions, webhook events): rows stored as they arrive
 * and acknowledged, then turned into leads by a worker here. A claim is one statement with a
 * lease, so two workers — two instances on one PostgreSQL — never take the same row, and a row
 * whose worker died is taken over when its lease runs out. Each row is finished in the
 * transaction that makes its lead, fenced on its claim, so it is never done twice or half.
 */
export type InboxTable = 'form_submissions' | 'webhook_events';

/** How long a claimed row stays with one worker before another may take it over. */
const LEASE_MS = 2 * 60_000;
const BATCH = 50;
/** After this many failed attempts (crashes, not validation) a row is marked failed. */
export const MAX_ATTEMPTS = 5;

/** Claims the oldest pending rows (and any whose lease ran out) for this worker. */
export async function claimInbox<Row>(deps: Deps, table: InboxTable, n = BATCH): Promise<Row[]> {
  const now = deps.now();
  const nowIso = now.toISOString();
  const until = new Date(now.getTime() + LEASE_MS).toISOString();
  const lock = deps.dialect === 'postgres' ? sql` for update skip locked` : sql``;
  const { rows } = await sql<Row & { received_at: string; id: string }>`
    update ${sql.table(table)} set status = 'processing', lease_until = ${until}, attempts = attempts + 1
    where id in (
      select id from ${sql.table(table)}
      where status in ('pending', 'processing')
        and (status = 'pending' or lease_until < ${nowIso})
      order by received_at, id
      limit ${n}${lock}
    )
    returning *`.execute(deps.db);
  return rows.sort((a, b) => a.received_at.localeCompare(b.received_at) || a.id.localeCompare(b.id));
}

export interface InboxOutcome {
  status: 'processed' | 'failed';
  leadId?: string;
  personId?: string | null;
  error?: string;
}

/** Marks a claimed row done; false when the claim was lost (its lease ran out and another took it). */
export async function finishInbox(
  db: Db,
  table: InboxTable,
  row: { id: string; attempts: number },
  outcome: InboxOutcome,
  at: string,
): Promise<boolean> {
  const res = await db
    .updateTable(table)
    .set({
      status: outcome.status,
      lead_id: outcome.leadId ?? null,
      person_id: outcome.personId ?? null,
      error: outcome.error ?? null,
      processed_at: at,
      lease_until: null,
    })
    .where('id', '=', row.id)
    .where('status', '=', 'processing')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The problem kept on a row that could not become a lead. */
export function inboxError(error: unknown): string {
  if (error instanceof AppError)
    return JSON.stringify({ code: error.code, message: error.message, errors: error.errors });
  return JSON.stringify({
    code: 'internal',
    message: error instanceof Error ? error.message : String(error),
  });
}

/** Thrown inside a row's transaction when its claim was lost: the transaction rolls back. */
export class LostClaim extends Error {}

/**
 * Runs `work` for a row in a transaction that finishes it: a validation problem (the payload no
 * longer fits) or too many crashes mark it failed with the reason, kept for a person to look at;
 * any other error leaves it claimed, and the lease brings it back for a retry.
 */
export async function processInboxRow(
  deps: Deps,
  table: InboxTable,
  row: { id: string; attempts: number },
  work: (trx: Db) => Promise<{ leadId: string; personId: string | null }>,
): Promise<void> {
  const now = deps.now().toISOString();
  try {
    await deps.db.transaction().execute(async (trx) => {
      const result = await work(trx);
      if (!(await finishInbox(trx, table, row, { status: 'processed', ...result }, now)))
        throw new LostClaim();
    });
  } catch (error) {
    if (error instanceof LostClaim) return;
    if (error instanceof AppError || row.attempts >= MAX_ATTEMPTS) {
      await finishInbox(deps.db, table, row, { status: 'failed', error: inboxError(error) }, now);
    } else {
      throw error;
    }
  }
}

/** Lanes a PostgreSQL drain works in at once (see `drainInbox`). */
const LANES = 4;

/** The rows split into lanes: rows with the same key (a person's e-mail) always share one. */
function inLanes<Row>(rows: readonly Row[], keyOf: (row: Row) => string): Row[][] {
  const lanes: Row[][] = Array.from({ length: LANES }, () => []);
  for (const row of rows) {
    const key = keyOf(row);
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
    lanes[Math.abs(h) % LANES]!.push(row);
  }
  return lanes;
}

/**
 * Works through an inbox's pending rows until none is left, making each a lead with `work`; returns
 * how many it handled. On SQLite every row has its own transaction, after a step aside for visitors
 * (a transaction holds the only write lock, and an acknowledgement waits for it). On PostgreSQL a
 * lead is ~20 round trips to the server, and this process mostly waits for them (one lane drained
 * ~52 leads/s, four ~185), so a claim is worked in four lanes at once, each on a connection of its
 * own: rows of one `keyOf` — one person — always in the same lane, in order (the capture's lock on
 * the e-mail would make them wait for each other anyway).
 */
export async function drainInbox<Raw, Row extends { id: string; attempts: number }>(
  deps: Deps,
  table: InboxTable,
  toRow: (raw: Raw) => Row,
  work: (trx: Db, row: Row) => Promise<{ leadId: string; personId: string | null }>,
  keyOf: (row: Row) => string = (row) => row.id,
): Promise<number> {
  let handled = 0;
  const postgres = deps.dialect === 'postgres';
  for (;;) {
    const batch = (await claimInbox<Raw>(deps, table, postgres ? LANES * BATCH : BATCH)).map(toRow);
    if (!batch.length) return handled;
    const lanes = postgres ? inLanes(batch, keyOf) : [batch];
    const results = await Promise.allSettled(
      lanes.map(async (rows) => {
        for (const row of rows) {
          // why on PostgreSQL too: without it a burst's acknowledgements fell from 1,156/s to 706/s
          // (5 s runs); the leads catch up after the burst (~270/s).
          await yieldToRequests();
          await processInboxRow(deps, table, row, (trx) => work(trx, row));
        }
      }),
    );
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1)
      throw new AggregateError(failures, `${failures.length} lanes of ${table} failed`);
    handled += batch.length;
  }
}

/**
 * Public requests being answered in this process right now, and when the last one came (see
 * `yieldToRequests`): in memory shared with the import thread, which steps aside for them too —
 * its batches hold SQLite's write lock, and a request that writes would wait for it.
 */
let publicRequests = new BigInt64Array(new SharedArrayBuffer(16));
const COUNT = 0;
const LAST_AT = 1;

/** The memory the counts live in, for a thread of this process to share (`shareRequestCounts`). */
export function requestCountsMemory(): SharedArrayBuffer {
  return publicRequests.buffer as SharedArrayBuffer;
}

/** Reads (and writes) the counts of the thread that made `memory`: a worker thread calls it at start. */
export function shareRequestCounts(memory: SharedArrayBuffer): void {
  publicRequests = new BigInt64Array(memory);
}

/** Counts a public request in and out (app.ts hooks), so background work can step aside for it. */
export function publicRequestStarted(): void {
  Atomics.add(publicRequests, COUNT, 1n);
  Atomics.store(publicRequests, LAST_AT, BigInt(Date.now()));
}
export function publicRequestEnded(): void {
  // why: never below zero, even if an end were counted twice
  if (Atomics.sub(publicRequests, COUNT, 1n) <= 0n) Atomics.store(publicRequests, COUNT, 0n);
}

/**
 * Whether visitors are being answered now: a request in flight (the count, believed for 2 s after
 * the last one came), or — with `quietMs` — one that came that recently: between two requests of
 * a steady stream the count touches zero, and work started then holds the next one up.
 */
export function answeringRequests(quietMs = 0): boolean {
  const sinceLast = Date.now() - Number(Atomics.load(publicRequests, LAST_AT));
  return sinceLast < quietMs || (Atomics.load(publicRequests, COUNT) > 0n && sinceLast < 2000);
}

/** Longest a drain waits for a quiet moment before it makes its next lead anyway. */
const MAX_YIELD_MS = 250;

/**
 * Steps aside while visitors are being answered: making a lead takes a few milliseconds of this
 * process's only thread (better-sqlite3 is synchronous), and an acknowledgement is what a visitor
 * waits for — the lead can follow. Never waits longer than 250 ms, so a steady stream still drains.
 */
export async function yieldToRequests(options: { maxMs?: number; quietMs?: number } = {}): Promise<void> {
  const { maxMs = MAX_YIELD_MS, quietMs = 0 } = options;
  const until = Date.now() + maxMs;
  await new Promise((resolve) => setImmediate(resolve));
  // why: the count is only a hint; if a request's end were ever missed, it must not slow drains for
  // good — without a new request for 2 s the count is not believed.
  while (answeringRequests(quietMs) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

interface RunnerState {
  running: Promise<void> | null;
  again: boolean;
  stopped: boolean;
}

/**
 * Drains an inbox right after a row is stored (or joins the drain running, which then runs once
 * more), so a lead appears within moments; the recurring job catches anything left over — after
 * a restart, or rows stored by another instance. One runner per app (per `Deps`).
 */
export class InboxRunner {
  private states = new WeakMap<Deps, RunnerState>();
  private reporters = new WeakMap<Deps, (error: unknown) => void>();

  constructor(
    readonly name: string,
    private readonly drain: (deps: Deps) => Promise<number>,
  ) {}

  private state(deps: Deps): RunnerState {
    let s = this.states.get(deps);
    if (!s) {
      s = { running: null, again: false, stopped: false };
      this.states.set(deps, s);
    }
    return s;
  }

  onError(deps: Deps, report: (error: unknown) => void): void {
    this.reporters.set(deps, report);
  }

  /** Tells the error reporter of these deps about a failure outside a drain. */
  report(deps: Deps, error: unknown): void {
    this.reporters.get(deps)?.(error);
  }

  kick(deps: Deps): void {
    const s = this.state(deps);
    if (s.stopped) return;
    if (s.running) {
      s.again = true;
      return;
    }
    const loop = async () => {
      do {
        s.again = false;
        await this.drain(deps);
      } while (s.again && !s.stopped);
    };
    s.running = loop()
      .catch((error: unknown) => this.reporters.get(deps)?.(error))
      .finally(() => {
        s.running = null;
      });
  }

  /** Stops new drains and waits for the running one (on shutdown, before the database closes). */
  async stop(deps: Deps): Promise<void> {
    const s = this.state(deps);
    s.stopped = true;
    await s.running;
  }

  /** Resolves when no drain is running (tests wait on it after a submission). */
  async idle(deps: Deps): Promise<void> {
    const s = this.state(deps);
    while (s.running) await s.running;
  }
}
