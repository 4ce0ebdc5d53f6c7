import { factsNeeded } from '../../../domain/scoring/facts.js';
import type { ScoreModel } from '../../../domain/scoring/rules.js';
import { carrySince, qualify, type ScoreLine, scoreLead } from '../../../domain/scoring/score.js';
import type { SystemContext } from '../../context.js';
import { insertMany } from '../../db/bulk.js';
import type { Db } from '../../db/database.js';
import { insertActivity } from '../activities/activities.repository.js';
import { addHistory } from '../leads/leads.repository.js';
import { historyOfChange, systemEvent } from '../leads/leads.view.js';
import { leadNoticeRow } from '../notifications/notifications.repository.js';
import { routeUnowned } from '../routing/routing.write.js';
import {
  leadsOf,
  loadModels,
  replaceScores,
  type ScoredLead,
  scoringFacts,
  setLeadScores,
  setScoredStage,
} from './scoring.repository.js';

/** What a rescore changed on a lead (its owner too, when an SQL was handed to sales). */
export type Scored = { score: number; stage: string; ownerId?: string; teamId?: string | null };

const AUTOMATION: SystemContext = { user: null, channel: 'automation' };

/**
 * Scores the given leads under every score, inside the writer's transaction, so a lead is never
 * stored without the scores its change earns: the "why" lines, the primary total on the lead, and
 * the stage the thresholds move it to (recorded in its history and timeline; an SQL's owner is
 * notified). Leads nobody has written rules for are left alone unless `force` (a full rescore,
 * which also clears the scores of rules since deleted).
 */
export async function rescoreLeads(
  db: Db,
  at: string,
  leadIds: readonly string[],
  opts: { force?: boolean; models?: ScoreModel[]; route?: boolean } = {},
): Promise<Map<string, Scored>> {
  const changed = new Map<string, Scored>();
  if (leadIds.length === 0) return changed;
  const models = opts.models ?? (await loadModels(db));
  const ruled = models.some((m) => m.rules.length > 0);
  if (!ruled && !opts.force) return changed;
  return rescoreLoaded(
    db,
    at,
    await scoringFacts(db, leadIds, factsNeeded(models)),
    models,
    opts.route ?? true,
  );
}

/** `rescoreLeads` for leads whose facts are loaded already (a full rescore's walk). */
export async function rescoreLoaded(
  db: Db,
  at: string,
  leads: readonly ScoredLead[],
  models: readonly ScoreModel[],
  route = true,
): Promise<Map<string, Scored>> {
  const changed = new Map<string, Scored>();
  const now = new Date(at);
  const rows: { leadId: string; modelId: string; total: number; lines: ScoreLine[]; at: string }[] = [];
  // Only leads whose scores changed are rewritten: a rule change touches the leads it is about.
  const rewritten: string[] = [];
  const newScores: { id: string; score: number }[] = [];
  const handOver: string[] = [];
  const notices: ReturnType<typeof leadNoticeRow>[] = [];
  for (const lead of leads) {
    const results = models.map((m) => {
      const r = scoreLead(lead.facts, m, now);
      return { model: m, total: r.total, lines: carrySince(lead.previous.get(m.id)?.lines ?? [], r.lines) };
    });
    const kept = results.filter((r) => r.model.rules.length > 0);
    const same =
      kept.length === lead.previous.size &&
      kept.every((r) => {
        const p = lead.previous.get(r.model.id);
        return p !== undefined && p.total === r.total && JSON.stringify(p.lines) === JSON.stringify(r.lines);
      });
    if (!same) {
      rewritten.push(lead.id);
      for (const r of kept)
        rows.push({ leadId: lead.id, modelId: r.model.id, total: r.total, lines: r.lines, at });
    }
    const primary = results.find((r) => r.model.primary) ?? results[0];
    const score = primary?.model.rules.length ? primary.total : 0;
    if (score !== lead.score) newScores.push({ id: lead.id, score });
    const stage = qualify(
      { stage: lead.stage as never, stageSetByPerson: lead.stageByPerson },
      kept.map((r) => ({ total: r.total, model: r.model })),
    );
    if (stage && stage !== lead.stage) {
      await setScoredStage(db, lead.id, stage, at);
      await addHistory(db, historyOfChange(AUTOMATION, lead.id, at)('stage', lead.stage, stage));
      await insertActivity(
        db,
        systemEvent(AUTOMATION, lead, at, {
          event: 'stage_changed',
          from: lead.stage,
          to: stage,
          by: 'score',
          score,
        }),
      );
      if (stage === 'sql' && lead.ownerId)
        notices.push(
          leadNoticeRow(
            { kind: 'lead_sql', userId: lead.ownerId, leadId: lead.id, data: { title: lead.title } },
            at,
          ),
        );
      // an SQL goes to sales at once: routed now when nobody owns it yet
      if (stage === 'sql' && !lead.ownerId && route) handOver.push(lead.id);
    }
    if (score !== lead.score || (stage && stage !== lead.stage))
      changed.set(lead.id, { score, stage: stage ?? lead.stage });
  }
  await insertMany(db, 'notifications', notices, { doNothingOn: ['dedupe_key'] });
  await setLeadScores(db, newScores);
  await replaceScores(db, rewritten, rows);
  for (const [id, owner] of await routeUnowned(db, at, handOver))
    changed.set(id, { ...(changed.get(id) as Scored), ...owner });
  return changed;
}

/** Rescores the live leads of these people and organisations (their fields feed fit rules). */
export async function rescoreLeadsOf(
  db: Db,
  at: string,
  of: { personIds?: readonly string[]; organisationIds?: readonly string[] },
): Promise<void> {
  const models = await loadModels(db);
  if (!models.some((m) => m.rules.length > 0)) return;
  const ids = await leadsOf(db, of);
  await rescoreLeads(db, at, ids, { models });
}
