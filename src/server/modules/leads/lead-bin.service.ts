import type { Lead } from '../../../domain/leads/lead.js';
import type { ActorContext, Deps } from '../../context.js';
import { assertVisible } from '../../db/scope.js';
import { insertActivity } from '../activities/activities.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findLead, setDeletedAt } from './leads.repository.js';
import type { LeadDto } from './leads.schemas.js';
import { leadDto, systemEvent } from './leads.view.js';

/** Soft delete (to the bin) or restore; both recorded. */
export async function setLeadDeleted(
  deps: Deps,
  caller: ActorContext,
  id: string,
  deleted: boolean,
): Promise<LeadDto> {
  const now = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const lead = assertVisible(caller.actor, 'lead', await findLead(trx, id), 'delete');
    if (Boolean(lead.deletedAt) === deleted) return leadDto(deps, trx, lead);
    const after: Lead = { ...lead, deletedAt: deleted ? now : null, updatedAt: now };
    await setDeletedAt(trx, id, after.deletedAt, now);
    await insertActivity(trx, systemEvent(caller, after, now, { event: deleted ? 'deleted' : 'restored' }));
    await recordAudit(trx, caller, {
      entityType: 'lead',
      entityId: id,
      action: deleted ? 'delete' : 'restore',
      before: { deletedAt: lead.deletedAt },
      after: { deletedAt: after.deletedAt },
      at: now,
    });
    return leadDto(deps, trx, after);
  });
}
