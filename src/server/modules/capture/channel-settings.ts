import { can } from '../../../domain/access/policy.js';
import { AppError, type Validation } from '../../../domain/errors/app-error.js';
import type { ActorContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { checkReferences } from '../leads/lead-rules.js';
import { findUserById } from '../users/users.repository.js';

/**
 * The settings every capture channel shares (web forms, chat widgets): who manages them, where
 * their leads go (source, campaign, owner) and which sites may use them.
 */

/** A capture channel is marketing's, like a campaign: everyone reads them, marketers and admins change them. */
export function assertMarketing(
  caller: ActorContext,
  action: 'read' | 'create' | 'update' | 'delete',
  what: string,
): void {
  if (!can(caller.actor, action, 'campaign'))
    throw new AppError('forbidden', `Only marketers and administrators manage ${what}`);
}

/**
 * Where the channel's leads go, into `v`: the source and campaign exist; a new owner is an active
 * user the caller may hand leads to (a marketer may not: assignment stays with sales managers and
 * admins, as for any lead).
 */
export async function checkDelivery(
  db: Db,
  caller: ActorContext,
  settings: { sourceId: string | null; campaignId: string | null; ownerId: string | null },
  ownerChanged: boolean,
  v: Validation,
): Promise<void> {
  await checkReferences(db, settings, v);
  if (settings.ownerId && ownerChanged) {
    const owner = await findUserById(db, settings.ownerId);
    if (!owner) v.add('ownerId', 'not_found');
    else if (!owner.active) v.add('ownerId', 'user_disabled');
    else if (!can(caller.actor, 'assign', 'lead', { ownerId: owner.id, teamId: owner.teamId })) {
      v.add('ownerId', 'not_allowed');
    }
  }
}

/** Allowed sites as origins, lower-case, each once: `['https://www.Example.lt/x']` → `['https://www.example.lt']`. */
export function normaliseOrigins(origins: readonly string[]): string[] {
  return [...new Set(origins.map((o) => new URL(o).origin.toLowerCase()))];
}
