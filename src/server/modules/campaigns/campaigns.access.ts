import { can, type OwnedRecord } from '../../../domain/access/policy.js';
import { AppError } from '../../../domain/errors/app-error.js';
import type { ActorContext } from '../../context.js';

/**
 * Campaigns belong to the organisation, not to a sales rep's book: a change is asked of the policy
 * for an organisation-wide record, which only a scope covering every campaign (admins, marketers)
 * includes. Without a record, `can()` would also say yes to reps and managers, whose campaign
 * scope is "rows they own" rather than none.
 */
const ORGANISATION_WIDE: OwnedRecord = { ownerId: null, teamId: null };

export function assertMayChangeCampaigns(caller: ActorContext, action: 'create' | 'update'): void {
  if (!can(caller.actor, action, 'campaign', ORGANISATION_WIDE)) {
    throw new AppError('forbidden', 'Only administrators and marketers may change campaigns');
  }
}
