import { mayConfigure } from '../../../domain/access/policy.js';
import { AppError, Validation } from '../../../domain/errors/app-error.js';
import { type LeadStage, OPEN_STAGES } from '../../../domain/leads/stages.js';
import { factsNeeded } from '../../../domain/scoring/facts.js';
import { modelErrors, ruleErrors, type ScoreModel, type ScoringRule } from '../../../domain/scoring/rules.js';
import { type StageMoves, stageMoves } from '../../../domain/scoring/score.js';
import type { ActorContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { ruleOf, scoreFieldsOf } from './scoring.input.js';
import { loadModels, scoringFactsAfter } from './scoring.repository.js';
import type { PreviewInput } from './scoring.schemas.js';

/** Leads a preview reads at most: exact up to this many open leads, an estimate above. */
export const PREVIEW_SAMPLE = 2_000;
const SLICES = 8;

/** The scores as they would be after the change being edited (nothing is saved). */
function changedModels(models: readonly ScoreModel[], input: PreviewInput): ScoreModel[] {
  const scoreId = input.scoreId ?? models.find((m) => m.primary)?.id ?? models[0]?.id;
  return models.map((m) => {
    if (m.id !== scoreId) return m;
    let rules: ScoringRule[] = m.rules.filter(
      (r) => r.id !== input.removeRuleId && r.id !== input.replaceRuleId,
    );
    if (input.rule)
      rules = [...rules, { ...ruleOf(input.rule), id: input.replaceRuleId ?? 'preview' } as ScoringRule];
    const settings = input.settings ? scoreFieldsOf(input.settings) : {};
    // the names are not what a preview is about: the score keeps its own
    return { ...m, ...settings, nameLt: m.nameLt, nameEn: m.nameEn, rules };
  });
}

/** Open leads no person has set the stage of: the ones scores can move. */
async function movable(db: Db) {
  const row = await db
    .selectFrom('leads')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('id').as('first'), eb.fn.max('id').as('last')])
    .where('deleted_at', 'is', null)
    .where('stage', 'in', [...OPEN_STAGES])
    .where('stage_by_person', '=', 0)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), first: row.first as string | null, last: row.last as string | null };
}

/** A place among the ids between `first` and `last` (UUIDv7 sort by time: a point in time between them). */
function pointBetween(first: string, last: string, fraction: number): string {
  const a = Number.parseInt(first.replace(/-/g, '').slice(0, 12), 16);
  const b = Number.parseInt(last.replace(/-/g, '').slice(0, 12), 16);
  const hex = Math.floor(a + (b - a) * fraction)
    .toString(16)
    .padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
}

/**
 * How many leads a rule or threshold change would move between stages, before it is saved: exact
 * when there are up to 2,000 movable leads, otherwise estimated from 2,000 read in 8 slices spread
 * over the leads' creation times, and said to be an estimate.
 */
export async function previewScoring(deps: Deps, caller: ActorContext, input: PreviewInput) {
  if (!mayConfigure(caller.actor, 'read'))
    throw new AppError('forbidden', 'Only admins, marketers and managers see scoring');
  const v = new Validation();
  if (input.rule) v.errors.push(...ruleErrors(ruleOf(input.rule), 'rule.'));
  if (input.settings)
    v.errors.push(
      ...modelErrors(scoreFieldsOf(input.settings)).map((e) => ({ ...e, field: `settings.${e.field}` })),
    );
  v.throwIfAny();
  const models = changedModels(await loadModels(deps.db), input);
  const needed = factsNeeded(models);
  const { count, first, last } = await movable(deps.db);
  const now = deps.now();
  const exact = count <= PREVIEW_SAMPLE;
  const leads = [];
  if (first && last) {
    if (exact) {
      let cursor: string | null = null;
      for (;;) {
        const part = await scoringFactsAfter(deps.db, cursor, 1_000, needed);
        leads.push(...part);
        if (part.length < 1_000) break;
        cursor = part.at(-1)?.id ?? null;
      }
    } else {
      for (let i = 0; i < SLICES; i++) {
        const start = pointBetween(first, last, (i + Math.random()) / SLICES);
        leads.push(...(await scoringFactsAfter(deps.db, start, PREVIEW_SAMPLE / SLICES, needed)));
      }
    }
  }
  const open = leads.filter((l) => (OPEN_STAGES as readonly string[]).includes(l.stage) && !l.stageByPerson);
  const moves = stageMoves(
    open.map((l) => ({ facts: l.facts, stage: l.stage as LeadStage, stageSetByPerson: l.stageByPerson })),
    models,
    now,
  );
  const scale = exact || open.length === 0 ? 1 : count / open.length;
  const scaled = (n: number) => Math.round(n * scale);
  const estimate: StageMoves = {
    toSuspect: scaled(moves.toSuspect),
    toMql: scaled(moves.toMql),
    toSql: scaled(moves.toSql),
  };
  return { exact, movableLeads: count, read: open.length, moves: estimate };
}
