import { AppError, Validation } from '../../../domain/errors/app-error.js';
import type { Lead } from '../../../domain/leads/lead.js';
import { checkStageChange } from '../../../domain/leads/stages.js';
import type { ActorContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { insertActivity } from '../activities/activities.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { today, visibleLead } from './lead-rules.js';
import { addHistory, saveLeadStage } from './leads.repository.js';
import type { LeadDto, StageInput } from './leads.schemas.js';
import { historyOfChange, leadDto, systemEvent } from './leads.view.js';

/** Saves a stage change with its history entry and its timeline event (`event` plus from/to). */
async function writeStage(
  db: Db,
  caller: ActorContext,
  before: Lead,
  after: Lead,
  at: string,
  event: Record<string, unknown>,
): Promise<void> {
  await saveLeadStage(db, after);
  await addHistory(db, historyOfChange(caller, after.id, at)('stage', before.stage, after.stage));
  await insertActivity(db, systemEvent(caller, after, at, { ...event, from: before.stage, to: after.stage }));
}

/**
 * Moves a lead through its life cycle by hand (manual changes always win over automation).
 * Rule violations — disqualifying without a reason, parking without a revisit date — answer 422
 * naming the field; a reopened lead is recorded as such.
 */
export async function changeStage(
  deps: Deps,
  caller: ActorContext,
  id: string,
  input: StageInput,
): Promise<LeadDto> {
  const now = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = await visibleLead(trx, caller.actor, id, 'update');
    const check = checkStageChange(before.stage, input, today(deps));
    if (!check.ok) {
      const v = new Validation();
      for (const e of check.errors) v.add(e.field, e.code);
      v.throwIfAny('unprocessable');
      throw new AppError('unprocessable', 'stage change refused');
    }
    const change = check.value;
    const after: Lead = {
      ...before,
      stage: change.stage,
      stageChangedAt: now,
      disqualifyReason: change.disqualifyReason,
      disqualifyNote: change.disqualifyNote,
      revisitOn: change.revisitOn,
      competitor: change.competitor,
      updatedAt: now,
    };
    await writeStage(trx, caller, before, after, now, {
      event: change.reopened ? 'reopened' : 'stage_changed',
      ...(change.disqualifyReason ? { reason: change.disqualifyReason } : {}),
      ...(change.revisitOn ? { revisitOn: change.revisitOn } : {}),
      ...(change.competitor ? { competitor: change.competitor } : {}),
    });
    const fields = ['stage', 'disqualifyReason', 'disqualifyNote', 'revisitOn', 'competitor'] as const;
    await recordAudit(trx, caller, {
      entityType: 'lead',
      entityId: id,
      action: change.reopened ? 'reopen' : 'stage_change',
      before: Object.fromEntries(fields.map((f) => [f, before[f]])),
      after: Object.fromEntries(fields.map((f) => [f, after[f]])),
      at: now,
    });
    return leadDto(deps, trx, after);
  });
}

/** Puts a lead's stage back exactly as it was (undo of a bulk change): recorded, rules not re-applied. */
export async function restoreStage(
  deps: Deps,
  caller: ActorContext,
  id: string,
  previous: Pick<
    Lead,
    'stage' | 'stageChangedAt' | 'disqualifyReason' | 'disqualifyNote' | 'revisitOn' | 'competitor'
  >,
): Promise<void> {
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const before = await visibleLead(trx, caller.actor, id, 'update');
    const after: Lead = { ...before, ...previous, updatedAt: now };
    await writeStage(trx, caller, before, after, now, { event: 'stage_changed', undo: true });
    await recordAudit(trx, caller, {
      entityType: 'lead',
      entityId: id,
      action: 'stage_undo',
      before: { stage: before.stage },
      after: previous,
      at: now,
    });
  });
}
