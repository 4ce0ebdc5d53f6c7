import { factsNeeded } from '../../../domain/scoring/facts.js';
import type { ScoreModel } from '../../../domain/scoring/rules.js';
import { changeTouches } from '../../../domain/scoring/score.js';
import type { Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { InboxRunner } from '../capture/inbox.js';
import {
  latestFullRunStart,
  latestRun,
  loadModels,
  type ScoredLead,
  scoringFactsAfter,
  startRun,
} from './scoring.repository.js';
import { rescoreLeads, rescoreLoaded } from './scoring.write.js';

/** Leads per transaction of a full rescore: each chunk's scores and the run's cursor commit together. */
export const RESCORE_CHUNK = 1_000;
const LEASE_MS = 60_000;

/** A full run's chunk: every lead's facts, every lead rescored. */
async function fullStep(
  trx: Db,
  at: string,
  cursor: string | null,
  models: ScoreModel[],
): Promise<ScoredLead[]> {
  const leads = await scoringFactsAfter(trx, cursor, RESCORE_CHUNK, factsNeeded(models));
  if (leads.length) await rescoreLoaded(trx, at, leads, models);
  return leads;
}

/**
 * A rule change's chunk: only the facts the changed rules read, and a full rescore of just the
 * leads they touch (`changeTouches`): a rule about one industry rewrites that industry's leads.
 */
async function deltaStep(
  trx: Db,
  at: string,
  cursor: string | null,
  models: ScoreModel[],
  ruleIds: ReadonlySet<string>,
): Promise<ScoredLead[]> {
  const changed = models.flatMap((m) => m.rules).filter((r) => ruleIds.has(r.id));
  const leads = await scoringFactsAfter(trx, cursor, RESCORE_CHUNK, factsNeeded([{ rules: changed }]));
  const now = new Date(at);
  const touched = leads.filter((l) =>
    changeTouches(
      l.facts,
      [...l.previous.values()].flatMap((p) => p.lines),
      changed,
      ruleIds,
      now,
    ),
  );
  if (touched.length)
    await rescoreLeads(
      trx,
      at,
      touched.map((l) => l.id),
      { force: true, models },
    );
  return leads;
}

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
    const ruleIds = run.rule_ids_json === null ? null : new Set(JSON.parse(run.rule_ids_json) as string[]);
    for (;;) {
      const at = deps.now().toISOString();
      const step = await deps.db.transaction().execute(async (trx) => {
        const models = await loadModels(trx);
        const leads = ruleIds
          ? await deltaStep(trx, at, cursor, models, ruleIds)
          : await fullStep(trx, at, cursor, models);
        const last = leads.at(-1)?.id;
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
  const lastFull = await latestFullRunStart(deps.db);
  const now = deps.now();
  // why full runs only: a rule change's run rescores just the leads it touches, the rest still fade
  if (last?.status === 'running' || (lastFull && now.getTime() - Date.parse(lastFull) < DAY_MS)) return false;
  await deps.db.transaction().execute((trx) => startRun(trx, null, now.toISOString(), null));
  kickRescore(deps);
  return true;
}
