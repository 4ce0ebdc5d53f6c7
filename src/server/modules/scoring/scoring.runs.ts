import { factsNeeded } from '../../../domain/scoring/facts.js';
import type { Deps } from '../../context.js';
import { InboxRunner } from '../capture/inbox.js';
import { latestRun, loadModels, scoringFactsAfter, startRun } from './scoring.repository.js';
import { rescoreLoaded } from './scoring.write.js';

/** Leads per transaction of a full rescore: each chunk's scores and the run's cursor commit together. */
export const RESCORE_CHUNK = 1_000;
const LEASE_MS = 60_000;

/**
 * Works the running rescore to its end, a chunk of leads per transaction. The lease (renewed with
 * every chunk) keeps other instances off it; when this one stops or dies, the lease runs out and
 * whichever instance ticks next resumes after the cursor. Returns the leads rescored.
 */
export async function runRescore(deps: Deps): Promise<number> {
  let rescored = 0;
  for (;;) {
    const now = deps.now();
    const run = await deps.db
      .selectFrom('scoring_runs')
      .selectAll()
      .where('status', '=', 'running')
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!run) return rescored;
    const claimed = await deps.db
      .updateTable('scoring_runs')
      .set({ lease_until: new Date(now.getTime() + LEASE_MS).toISOString() })
      .where('id', '=', run.id)
      .where('status', '=', 'running')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now.toISOString())]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return rescored;
    let cursor = run.cursor;
    for (;;) {
      const at = deps.now().toISOString();
      const step = await deps.db.transaction().execute(async (trx) => {
        const models = await loadModels(trx);
        const leads = await scoringFactsAfter(trx, cursor, RESCORE_CHUNK, factsNeeded(models));
        const last = leads.at(-1)?.id;
        if (leads.length) await rescoreLoaded(trx, at, leads, models);
        const updated = await trx
          .updateTable('scoring_runs')
          .set((eb) => ({
            cursor: last ?? cursor,
            done: eb('done', '+', leads.length),
            lease_until: new Date(deps.now().getTime() + LEASE_MS).toISOString(),
            ...(leads.length < RESCORE_CHUNK ? { status: 'done', finished_at: at } : {}),
          }))
          .where('id', '=', run.id)
          .where('status', '=', 'running')
          .executeTakeFirst();
        // why: a newer rule change superseded this run; its own run redoes every lead.
        if (Number(updated.numUpdatedRows) === 0) return { stop: true, n: 0, last };
        return { stop: leads.length < RESCORE_CHUNK, n: leads.length, last };
      });
      rescored += step.n;
      cursor = step.last ?? cursor;
      if (step.stop) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

const runner = new InboxRunner('scoring', runRescore);
export const kickRescore = (deps: Deps): void => runner.kick(deps);
export const stopRescore = (deps: Deps): Promise<void> => runner.stop(deps);
export const rescoreIdle = (deps: Deps): Promise<void> => runner.idle(deps);
export const onRescoreError = (deps: Deps, report: (error: unknown) => void): void =>
  runner.onError(deps, report);

const DAY_MS = 86_400_000;

/**
 * Behaviour points fade with time, not with writes: once a day a full rescore brings every total
 * (and the stages that follow) to today. Only when some score has a half-life and behaviour rules.
 */
export async function rescoreForDecay(deps: Deps): Promise<boolean> {
  const models = await loadModels(deps.db);
  const fading = models.some((m) => m.halfLifeDays !== null && m.rules.some((r) => r.kind === 'behaviour'));
  if (!fading) return false;
  const last = await latestRun(deps.db);
  const now = deps.now();
  if (last && (last.status === 'running' || now.getTime() - Date.parse(last.startedAt) < DAY_MS))
    return false;
  await deps.db.transaction().execute((trx) => startRun(trx, null, now.toISOString()));
  kickRescore(deps);
  return true;
}
