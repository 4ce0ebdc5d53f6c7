import { mayConfigure } from '../../../domain/access/policy.js';
import { AppError, Validation } from '../../../domain/errors/app-error.js';
import { modelErrors, ruleErrors, type ScoreModel } from '../../../domain/scoring/rules.js';
import { targetStage } from '../../../domain/scoring/score.js';
import type { ActorContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { assertVisible } from '../../db/scope.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findLead } from '../leads/leads.repository.js';
import { predictionFor } from './predictive.service.js';
import { ruleOf, scoreFieldsOf } from './scoring.input.js';
import {
  bumpVersion,
  deleteRule,
  insertModel,
  insertRule,
  latestRun,
  loadModels,
  type ModelFields,
  ruleModelId,
  scoresOfLead,
  startRun,
  updateModel,
  updateRule,
} from './scoring.repository.js';
import { kickRescore } from './scoring.runs.js';
import type { RuleInput, ScoreInput } from './scoring.schemas.js';

function assertMay(caller: ActorContext, action: 'read' | 'change'): void {
  if (!mayConfigure(caller.actor, action))
    throw new AppError(
      'forbidden',
      action === 'read'
        ? 'Only admins, marketers and managers see scoring'
        : 'Only admins and marketers change scoring',
    );
}

/** Every score with its rules and the latest rescore's progress. */
export async function scoringSettings(deps: Deps, caller: ActorContext) {
  assertMay(caller, 'read');
  const models = await loadModels(deps.db);
  return { scores: models, rescore: await latestRun(deps.db) };
}

/**
 * Changes of rules and scores share this: checked, saved, audited, and the leads rescored after —
 * `rescore`: the changed rules' ids (only the leads they touch), null (every lead: a score's
 * thresholds, caps or decay changed) or false (nothing can move: a new score without rules).
 */
async function changeScoring<T>(
  deps: Deps,
  caller: ActorContext,
  change: (
    trx: Db,
    now: string,
  ) => Promise<{ result: T; audit: Parameters<typeof recordAudit>[2]; rescore: string[] | null | false }>,
): Promise<T> {
  assertMay(caller, 'change');
  const now = deps.now().toISOString();
  const { result, rescore } = await deps.db.transaction().execute(async (trx) => {
    const { result, audit, rescore } = await change(trx, now);
    await recordAudit(trx, caller, audit);
    if (rescore !== false) await startRun(trx, caller.user.id, now, rescore);
    return { result, rescore };
  });
  if (rescore !== false) kickRescore(deps);
  return result;
}

async function modelOr404(db: Db, id: string | undefined): Promise<ScoreModel & { version: number }> {
  const models = await loadModels(db);
  const model = id ? models.find((m) => m.id === id) : (models.find((m) => m.primary) ?? models[0]);
  if (!model) throw new AppError('not_found', 'No such score');
  return model;
}

export async function addRule(deps: Deps, caller: ActorContext, input: RuleInput) {
  const rule = ruleOf(input);
  const v = new Validation();
  v.errors.push(...ruleErrors(rule));
  v.throwIfAny();
  return changeScoring(deps, caller, async (trx, now) => {
    const model = await modelOr404(trx, input.scoreId);
    if (model.rules.length >= 200) throw new AppError('unprocessable', 'A score has at most 200 rules');
    const id = newId();
    await insertRule(trx, id, model.id, rule, now);
    await bumpVersion(trx, model.id, now);
    const saved = { id, scoreId: model.id, ...rule };
    return {
      result: saved,
      audit: { entityType: 'scoring_rule', entityId: id, action: 'create', after: saved, at: now },
      rescore: [id],
    };
  });
}

export async function changeRule(deps: Deps, caller: ActorContext, id: string, input: RuleInput) {
  const rule = ruleOf(input);
  const v = new Validation();
  v.errors.push(...ruleErrors(rule));
  v.throwIfAny();
  return changeScoring(deps, caller, async (trx, now) => {
    const modelId = await ruleModelId(trx, id);
    if (!modelId) throw new AppError('not_found', 'No such scoring rule');
    const before = (await modelOr404(trx, modelId)).rules.find((r) => r.id === id);
    await updateRule(trx, id, rule, now);
    await bumpVersion(trx, modelId, now);
    const saved = { id, scoreId: modelId, ...rule };
    return {
      result: saved,
      audit: { entityType: 'scoring_rule', entityId: id, action: 'update', before, after: saved, at: now },
      rescore: [id],
    };
  });
}

export async function removeRule(deps: Deps, caller: ActorContext, id: string): Promise<void> {
  await changeScoring(deps, caller, async (trx, now) => {
    const modelId = await ruleModelId(trx, id);
    if (!modelId) throw new AppError('not_found', 'No such scoring rule');
    const before = (await modelOr404(trx, modelId)).rules.find((r) => r.id === id);
    await deleteRule(trx, id);
    await bumpVersion(trx, modelId, now);
    return {
      result: undefined,
      audit: { entityType: 'scoring_rule', entityId: id, action: 'delete', before, at: now },
      rescore: [id],
    };
  });
}

function checkModel(fields: ModelFields): void {
  const v = new Validation();
  v.errors.push(...modelErrors(fields));
  v.throwIfAny();
}

export async function addScore(deps: Deps, caller: ActorContext, input: ScoreInput) {
  const fields = scoreFieldsOf(input);
  checkModel(fields);
  return changeScoring(deps, caller, async (trx, now) => {
    const id = newId();
    const first = (await loadModels(trx)).length === 0;
    await insertModel(trx, id, fields, first, now);
    const saved = await modelOr404(trx, id);
    return {
      result: saved,
      audit: { entityType: 'scoring_model', entityId: id, action: 'create', after: saved, at: now },
      rescore: false,
    };
  });
}

export async function changeScore(deps: Deps, caller: ActorContext, id: string, input: ScoreInput) {
  const fields = scoreFieldsOf(input);
  checkModel(fields);
  return changeScoring(deps, caller, async (trx, now) => {
    const before = await modelOr404(trx, id);
    await updateModel(trx, id, fields, now);
    const saved = await modelOr404(trx, id);
    return {
      result: saved,
      audit: { entityType: 'scoring_model', entityId: id, action: 'update', before, after: saved, at: now },
      rescore: null,
    };
  });
}

/** A lead's scores with their "why", for anyone who may see the lead. */
export async function leadScore(deps: Deps, caller: ActorContext, leadId: string) {
  assertVisible(caller.actor, 'lead', await findLead(deps.db, leadId));
  const models = await loadModels(deps.db);
  const stored = new Map((await scoresOfLead(deps.db, leadId)).map((s) => [s.modelId, s]));
  return {
    prediction: await predictionFor(deps.db, leadId),
    scores: models.map((m) => {
      const s = stored.get(m.id);
      const total = s?.total ?? 0;
      return {
        scoreId: m.id,
        nameLt: m.nameLt,
        nameEn: m.nameEn,
        primary: m.primary,
        total,
        mqlThreshold: m.mqlThreshold,
        sqlThreshold: m.sqlThreshold,
        reaches: targetStage(total, m),
        computedAt: s?.computedAt ?? null,
        lines: (s?.lines ?? []).map((l) => ({ ...l, rule: m.rules.find((r) => r.id === l.ruleId) ?? null })),
      };
    }),
  };
}
