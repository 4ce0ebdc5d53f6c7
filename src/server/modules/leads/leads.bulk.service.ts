import { AppError, conflictOn, invalidField } from '../../../domain/errors/app-error.js';
import type { Lead } from '../../../domain/leads/lead.js';
import type { ActorContext, Deps } from '../../context.js';
import { newId } from '../../db/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { setLeadDeleted } from './lead-bin.service.js';
import { visibleLead } from './lead-rules.js';
import { changeStage, restoreStage } from './lead-stage.service.js';
import { findBulk, insertBulk, markBulkUndone } from './leads.bulk.repository.js';
import type { BulkInput } from './leads.bulk.schemas.js';
import { updateLead } from './leads.service.js';

/** What a bulk change remembers of each lead it changed, to put it back on undo. */
type Before = Pick<
  Lead,
  | 'id'
  | 'ownerId'
  | 'stage'
  | 'stageChangedAt'
  | 'disqualifyReason'
  | 'disqualifyNote'
  | 'revisitOn'
  | 'competitor'
  | 'tags'
  | 'deletedAt'
>;

export const BULK_UNDO_HOURS = 24;

function checkParams(input: BulkInput): void {
  if (input.action === 'assign' && input.ownerId === undefined) throw invalidField('ownerId', 'required');
  if (input.action === 'stage' && !input.stage) throw invalidField('stage', 'required');
  if ((input.action === 'tag' || input.action === 'untag') && !input.tag?.trim())
    throw invalidField('tag', 'required');
}

/** Applies one lead's change through the same services a single edit uses (no second code path). */
async function applyOne(deps: Deps, caller: ActorContext, lead: Lead, input: BulkInput): Promise<boolean> {
  const tag = input.tag?.trim().toLowerCase() ?? '';
  switch (input.action) {
    case 'assign':
      if (lead.ownerId === input.ownerId) return false;
      await updateLead(deps, caller, lead.id, { ownerId: input.ownerId ?? null });
      return true;
    case 'stage':
      await changeStage(deps, caller, lead.id, input.stage!);
      return true;
    case 'tag':
      if (lead.tags.includes(tag)) return false;
      await updateLead(deps, caller, lead.id, { tags: [...lead.tags, tag] });
      return true;
    case 'untag':
      if (!lead.tags.includes(tag)) return false;
      await updateLead(deps, caller, lead.id, { tags: lead.tags.filter((t) => t !== tag) });
      return true;
    case 'delete':
      await setLeadDeleted(deps, caller, lead.id, true);
      return true;
  }
}

function reasonOf(error: unknown): string {
  if (!(error instanceof AppError)) throw error;
  return error.errors[0]?.code ?? error.code;
}

/**
 * Changes many leads at once, each through the one write path and its own checks: a lead the
 * caller may not see or change is skipped with why, never touched. Undoable for 24 hours.
 */
export async function bulkChange(deps: Deps, caller: ActorContext, input: BulkInput) {
  checkParams(input);
  const changed: Before[] = [];
  const skipped: { id: string; code: string }[] = [];
  for (const id of input.ids) {
    try {
      const lead = await visibleLead(
        deps.db,
        caller.actor,
        id,
        input.action === 'delete' ? 'delete' : 'update',
      );
      if (await applyOne(deps, caller, lead, input)) changed.push(lead);
      else skipped.push({ id, code: 'unchanged' });
    } catch (error) {
      skipped.push({ id, code: reasonOf(error) });
    }
  }
  const bulkId = newId();
  const at = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await insertBulk(trx, {
      id: bulkId,
      actorId: caller.user.id,
      action: input.action,
      params: input,
      changes: changed,
      at,
    });
    await recordAudit(trx, caller, {
      entityType: 'bulk',
      entityId: bulkId,
      action: input.action,
      after: { done: changed.length, skipped: skipped.length },
      at,
    });
  });
  return { bulkId, done: changed.length, skipped, createdAt: at };
}

/** Puts back every lead a bulk change changed, as it was; only its author (or an admin) may. */
export async function undoBulk(deps: Deps, caller: ActorContext, bulkId: string) {
  const bulk = await findBulk(deps.db, bulkId);
  if (!bulk || (bulk.actorId !== caller.user.id && caller.user.role !== 'admin'))
    throw new AppError('not_found', 'No such bulk change');
  if (bulk.undoneAt)
    throw new AppError('conflict', 'This change has already been undone', {
      errors: [{ field: 'bulkId', code: 'already_undone', message: 'has already been undone' }],
    });
  if (deps.now().getTime() - Date.parse(bulk.createdAt) > BULK_UNDO_HOURS * 3_600_000) {
    throw conflictOn('bulkId', 'undo_expired', `A bulk change can be undone for ${BULK_UNDO_HOURS} hours`);
  }
  if (!(await markBulkUndone(deps.db, bulkId, deps.now().toISOString())))
    throw new AppError('conflict', 'This change has already been undone');
  let restored = 0;
  const skipped: { id: string; code: string }[] = [];
  for (const before of bulk.changes as Before[]) {
    try {
      if (bulk.action === 'assign') await updateLead(deps, caller, before.id, { ownerId: before.ownerId });
      if (bulk.action === 'stage') await restoreStage(deps, caller, before.id, before);
      if (bulk.action === 'tag' || bulk.action === 'untag')
        await updateLead(deps, caller, before.id, { tags: before.tags });
      if (bulk.action === 'delete') await setLeadDeleted(deps, caller, before.id, false);
      restored += 1;
    } catch (error) {
      skipped.push({ id: before.id, code: reasonOf(error) });
    }
  }
  return { restored, skipped };
}
