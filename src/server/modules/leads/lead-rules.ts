import { type Actor, can, scopeFor } from '../../../domain/access/policy.js';
import { AppError, type Validation } from '../../../domain/errors/app-error.js';
import type { Lead } from '../../../domain/leads/lead.js';
import { timeframeText } from '../../../domain/leads/lead.js';
import {
  parseTimeframe,
  type Temperature,
  type Timeframe,
  temperatureOf,
  todayIn,
} from '../../../domain/leads/temperature.js';
import type { Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { assertVisible } from '../../db/scope.js';
import { findPeople, personInScope } from '../people/people.repository.js';
import { temperatureSettings } from '../settings/settings.service.js';
import { findUserById } from '../users/users.repository.js';
import { existingIds, findLead } from './leads.repository.js';

/** "Today" in the organisation's zone: what temperatures and revisit dates are measured against. */
export function today(deps: Deps): string {
  return todayIn(deps.config.timeZone, deps.now());
}

/** Temperatures as of now: today in the organisation's zone and the thresholds in force. */
export interface TemperatureClock {
  day: string;
  settings: Awaited<ReturnType<typeof temperatureSettings>>;
  of(timeframe: Timeframe): Temperature;
}

/** Reads the thresholds once, for the temperatures of one request. */
export async function temperatureClock(deps: Deps, db: Db = deps.db): Promise<TemperatureClock> {
  const day = today(deps);
  const settings = await temperatureSettings(db);
  return { day, settings, of: (timeframe) => temperatureOf(timeframe, day, settings) };
}

/** A live lead the actor may see, else 404 (a hidden lead looks exactly like a missing one). */
export async function visibleLead(
  db: Db,
  actor: Actor,
  id: string,
  action: 'read' | 'update' | 'delete' = 'read',
): Promise<Lead> {
  const lead = await findLead(db, id);
  return assertVisible(actor, 'lead', lead && !lead.deletedAt ? lead : undefined, action);
}

/**
 * Who owns a lead: given `ownerId` must be an active user the actor may assign to (a rep only
 * themselves, a manager their teams, an admin anyone); none given → the actor when they sell.
 * Returns the owner and the owner's team.
 */
export async function resolveOwner(
  db: Db,
  actor: Actor,
  ownerId: string | null | undefined,
  v: Validation,
): Promise<{ ownerId: string | null; teamId: string | null }> {
  if (ownerId === undefined) {
    const sells = actor.role === 'rep' || actor.role === 'manager';
    return sells ? { ownerId: actor.id, teamId: actor.teamId } : { ownerId: null, teamId: null };
  }
  if (ownerId === null) return { ownerId: null, teamId: null };
  const owner = await findUserById(db, ownerId);
  if (!owner) {
    v.add('ownerId', 'not_found');
    return { ownerId: null, teamId: null };
  }
  if (!owner.active) v.add('ownerId', 'user_disabled');
  if (!can(actor, 'assign', 'lead', { ownerId: owner.id, teamId: owner.teamId })) {
    throw new AppError('forbidden', 'You may not assign leads to this user');
  }
  return { ownerId: owner.id, teamId: owner.teamId };
}

/**
 * The owner a capture channel's settings name (a form, widget or integration): kept while that
 * user is active, else none — the lead then waits unassigned instead of being refused, because a
 * visitor's submission must never be lost to a setting that went stale.
 */
export async function channelOwner(
  db: Db,
  ownerId: string | null | undefined,
): Promise<{ ownerId: string | null; teamId: string | null }> {
  const owner = ownerId ? await findUserById(db, ownerId) : undefined;
  return owner?.active ? { ownerId: owner.id, teamId: owner.teamId } : { ownerId: null, teamId: null };
}

/**
 * A referrer a person names (the API, the app) must be a live person they may see; channels set it
 * from a referral link themselves. Without this a rep could name anyone and read their name back.
 */
export async function checkReferrer(
  db: Db,
  actor: Actor,
  personId: string | null | undefined,
  v: Validation,
): Promise<void> {
  if (!personId) return;
  const visible =
    (await findPeople(db, [personId])).has(personId) &&
    (await personInScope(db, scopeFor(actor, 'lead'), personId));
  v.check(visible, 'referredByPersonId', 'not_found');
}

/** Checks that referenced sources, campaigns and products exist, naming each missing one. */
export async function checkReferences(
  db: Db,
  refs: {
    sourceId?: string | null | undefined;
    campaignId?: string | null | undefined;
    productIds?: string[] | undefined;
  },
  v: Validation,
): Promise<void> {
  if (refs.sourceId)
    v.check((await existingIds(db, 'sources', [refs.sourceId])).has(refs.sourceId), 'sourceId', 'not_found');
  if (refs.campaignId) {
    v.check(
      (await existingIds(db, 'campaigns', [refs.campaignId])).has(refs.campaignId),
      'campaignId',
      'not_found',
    );
  }
  const products = refs.productIds ?? [];
  const found = await existingIds(db, 'products', products);
  v.checkEach(products, 'productIds', (id) => found.has(id), 'not_found');
}

/** A timeframe as stored ("now" or a date), with a bad one named in `v`; undefined when not given. */
export function timeframeFrom(value: string | null | undefined, v: Validation): string | null | undefined {
  if (value === undefined) return undefined;
  const parsed = parseTimeframe(value);
  if (parsed === 'invalid_type' || parsed === 'invalid_format') {
    v.add('timeframe', parsed);
    return undefined;
  }
  return timeframeText(parsed);
}
