import type { AppError } from '../../../domain/errors/app-error.js';
import type { ActorContext, Deps } from '../../context.js';
import type { CreateLeadInput, LeadDto } from './leads.schemas.js';
import { type CreatedLead, createdLeadDto, createLeadAlone, createLeadsIn } from './leads.service.js';

/** At most this many creates share a transaction. */
const MAX_BATCH = 256;

interface Waiting {
  caller: ActorContext;
  input: CreateLeadInput;
  resolve: (dto: LeadDto) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for single creates (the API's and the UI's `POST /leads`): creates that arrive
 * while another batch is being written wait for it and then go in one transaction — planned
 * together, written in multi-row inserts, scored and routed in one pass — instead of one
 * transaction, one set of rule locks and one commit each. Alone, a create is written at once
 * (one `setImmediate` later). Each create still succeeds or fails alone: one that does not
 * validate gets its own 400 and the rest are written; if the shared transaction fails as a whole,
 * each is tried again in a transaction of its own. Nothing is answered before its commit.
 */
class CreateBatcher {
  private queue: Waiting[] = [];
  private busy = false;

  constructor(private readonly deps: Deps) {}

  add(caller: ActorContext, input: CreateLeadInput): Promise<LeadDto> {
    return new Promise((resolve, reject) => {
      this.queue.push({ caller, input, resolve, reject });
      if (this.busy) return;
      this.busy = true;
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.flush(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.busy = false;
    }
  }

  private async flush(batch: Waiting[]): Promise<void> {
    if (batch.length > 1) {
      let settled: (CreatedLead | { error: AppError })[] | undefined;
      try {
        settled = await this.deps.db.transaction().execute((trx) => writeTogether(this.deps, trx, batch));
      } catch {
        // why: one create's failure (a constraint, a lost race) must not fail the others with it
        settled = undefined;
      }
      if (settled) {
        // Read back after the commit, all at once and without holding up the next batch: the
        // transaction (on PostgreSQL the routing rules' locks too) is not held while the answers
        // are put together, and on PostgreSQL they take the pool's other connections.
        for (const [i, w] of batch.entries()) {
          const r = settled[i] as CreatedLead | { error: AppError };
          if ('error' in r) w.reject(r.error);
          else void createdLeadDto(this.deps, this.deps.db, w.caller, r).then(w.resolve, w.reject);
        }
        return;
      }
    }
    for (const w of batch) await createLeadAlone(this.deps, w.caller, w.input).then(w.resolve, w.reject);
  }
}

/**
 * The batch in one transaction, in arrival order, a run of one caller's creates at a time (audit and
 * history name each create's own caller; turns and shared new people go as they would one by one).
 */
async function writeTogether(
  deps: Deps,
  trx: Parameters<typeof createLeadsIn>[0],
  batch: readonly Waiting[],
): Promise<(CreatedLead | { error: AppError })[]> {
  const groups: number[][] = [];
  let last = '';
  for (const [i, w] of batch.entries()) {
    const key = `${w.caller.user.id}|${w.caller.channel}`;
    if (key === last) groups.at(-1)?.push(i);
    else groups.push([i]);
    last = key;
  }
  const out: (CreatedLead | { error: AppError })[] = new Array(batch.length);
  for (const indexes of groups) {
    const caller = (batch[indexes[0] as number] as Waiting).caller;
    const created = await createLeadsIn(
      trx,
      deps,
      caller,
      indexes.map((i) => (batch[i] as Waiting).input),
    );
    for (const [k, i] of indexes.entries()) out[i] = created[k] as CreatedLead | { error: AppError };
  }
  return out;
}

const batchers = new WeakMap<Deps, CreateBatcher>();

/** `createLead` through the app's group commit (one batcher per app). */
export function createLeadBatched(
  deps: Deps,
  caller: ActorContext,
  input: CreateLeadInput,
): Promise<LeadDto> {
  let batcher = batchers.get(deps);
  if (!batcher) {
    batcher = new CreateBatcher(deps);
    batchers.set(deps, batcher);
  }
  return batcher.add(caller, input);
}
