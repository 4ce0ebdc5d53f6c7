import { AppError, invalidField } from '../../../domain/errors/app-error.js';
import { todayIn } from '../../../domain/leads/temperature.js';
import type { ActorContext, Deps } from '../../context.js';
import { decodeTimeCursor, encodeCursor } from '../../db/cursor.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.repository.js';
import { findSource } from '../sources/sources.repository.js';
import { findUserById } from '../users/users.repository.js';
import { assertMayChangeCampaigns } from './campaigns.access.js';
import {
  type CampaignFields,
  findCampaign,
  insertCampaign,
  listCampaigns,
  updateCampaignRow,
} from './campaigns.repository.js';
import type {
  CampaignDto,
  CampaignListQueryInput,
  CreateCampaignInput,
  UpdateCampaignInput,
} from './campaigns.schemas.js';

/** One page of campaigns, newest first; `active` is judged on today's date in the caller's time zone. */
export async function campaignPage(
  deps: Deps,
  caller: ActorContext,
  query: CampaignListQueryInput,
): Promise<{ items: CampaignDto[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const q = query.q?.trim().toLowerCase();
  const rows = await listCampaigns(deps.db, {
    ...(q ? { nameContains: q } : {}),
    ...(query.active !== undefined
      ? { activeOn: { today: todayIn(caller.user.timeZone, deps.now()), active: query.active } }
      : {}),
    ...(query.cursor ? { after: decodeTimeCursor(query.cursor) } : {}),
    limit: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

export async function getCampaign(deps: Deps, id: string): Promise<CampaignDto> {
  const campaign = await findCampaign(deps.db, id);
  if (!campaign) throw new AppError('not_found', 'No such campaign');
  return campaign;
}

type References = Partial<Pick<CampaignFields, 'sourceId' | 'ownerId'>>;

/**
 * The campaign as it will be has its dates in order, and the references it newly sets are usable.
 * A source deactivated or an owner disabled since stays where it is already set.
 */
async function checkCampaign(db: Db, next: CampaignFields, newRefs: References): Promise<void> {
  if (newRefs.sourceId) {
    const source = await findSource(db, newRefs.sourceId);
    if (!source) throw invalidField('sourceId', 'not_found');
    if (!source.active) throw invalidField('sourceId', 'inactive');
  }
  if (newRefs.ownerId) {
    const owner = await findUserById(db, newRefs.ownerId);
    if (!owner) throw invalidField('ownerId', 'not_found');
    if (!owner.active) throw invalidField('ownerId', 'user_disabled');
  }
  if (next.startsOn && next.endsOn && next.endsOn < next.startsOn) throw invalidField('endsOn', 'date_order');
}

export async function createCampaign(
  deps: Deps,
  caller: ActorContext,
  input: CreateCampaignInput,
): Promise<CampaignDto> {
  assertMayChangeCampaigns(caller, 'create');
  const now = deps.now().toISOString();
  const id = newId();
  const fields: CampaignFields = {
    name: input.name.trim(),
    type: input.type,
    sourceId: input.sourceId ?? null,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    budgetCents: input.budgetCents ?? 0,
    costCents: input.costCents ?? 0,
    ownerId: input.ownerId === undefined ? caller.user.id : input.ownerId,
  };
  return deps.db.transaction().execute(async (trx) => {
    await checkCampaign(trx, fields, fields);
    await insertCampaign(trx, id, fields, now);
    const campaign = (await findCampaign(trx, id))!;
    await recordAudit(trx, caller, {
      entityType: 'campaign',
      entityId: id,
      action: 'create',
      after: campaign,
      at: now,
    });
    return campaign;
  });
}

export async function updateCampaign(
  deps: Deps,
  caller: ActorContext,
  id: string,
  input: UpdateCampaignInput,
): Promise<CampaignDto> {
  assertMayChangeCampaigns(caller, 'update');
  const now = deps.now().toISOString();
  const changes = { ...input, ...(input.name !== undefined ? { name: input.name.trim() } : {}) };
  return deps.db.transaction().execute(async (trx) => {
    const before = await findCampaign(trx, id);
    if (!before) throw new AppError('not_found', 'No such campaign');
    const newRefs: References = {
      ...(changes.sourceId !== undefined && changes.sourceId !== before.sourceId
        ? { sourceId: changes.sourceId }
        : {}),
      ...(changes.ownerId !== undefined && changes.ownerId !== before.ownerId
        ? { ownerId: changes.ownerId }
        : {}),
    };
    await checkCampaign(trx, { ...before, ...changes }, newRefs);
    await updateCampaignRow(trx, id, changes, now);
    const after = (await findCampaign(trx, id))!;
    const keys = Object.keys(changes);
    await recordUpdate(trx, caller, 'campaign', id, { before, after, keys, at: now });
    return after;
  });
}
