import { AppError, invalidField } from '../../../domain/errors/app-error.js';
import type { ActorContext, Deps } from '../../context.js';
import { decodeIdCursor, encodeCursor } from '../../db/cursor.js';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import {
  findLeadPerson,
  findMember,
  listMembers,
  personExists,
  upsertMember,
} from './campaign-members.repository.js';
import { assertMayChangeCampaigns } from './campaigns.access.js';
import { findCampaign } from './campaigns.repository.js';
import type { CampaignMemberDto, MemberListQueryInput, PutMemberInput } from './campaigns.schemas.js';

async function assertCampaignExists(db: Db, id: string): Promise<void> {
  if (!(await findCampaign(db, id))) throw new AppError('not_found', 'No such campaign');
}

/** One page of a campaign's members, by person id. */
export async function memberPage(
  deps: Deps,
  campaignId: string,
  query: MemberListQueryInput,
): Promise<{ items: CampaignMemberDto[]; nextCursor: string | null }> {
  await assertCampaignExists(deps.db, campaignId);
  const limit = query.limit ?? 50;
  const rows = await listMembers(deps.db, campaignId, {
    ...(query.status ? { status: query.status } : {}),
    ...(query.cursor ? { afterPersonId: decodeIdCursor(query.cursor) } : {}),
    limit: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.personId) : null };
}

/**
 * Adds a person to a campaign or changes their status. `leadId` ties the membership to one of the
 * person's leads; left out, the membership keeps the lead it had (null clears it).
 * The audit row is filed under the campaign (`campaign_member`, campaign id) and names the person.
 */
export async function putMember(
  deps: Deps,
  caller: ActorContext,
  key: { campaignId: string; personId: string },
  input: PutMemberInput,
): Promise<{ member: CampaignMemberDto; created: boolean }> {
  assertMayChangeCampaigns(caller, 'update');
  const now = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await assertCampaignExists(trx, key.campaignId);
    if (!(await personExists(trx, key.personId))) throw invalidField('personId', 'not_found');
    const before = await findMember(trx, key.campaignId, key.personId);
    const leadId = input.leadId === undefined ? (before?.leadId ?? null) : input.leadId;
    if (input.leadId) {
      const lead = await findLeadPerson(trx, input.leadId);
      if (!lead) throw invalidField('leadId', 'not_found');
      if (lead.personId !== key.personId) throw invalidField('leadId', 'other_person');
    }
    await upsertMember(trx, { ...key, leadId, status: input.status, at: now });
    const member = (await findMember(trx, key.campaignId, key.personId))!;
    await recordAudit(trx, caller, {
      entityType: 'campaign_member',
      entityId: key.campaignId,
      action: before ? 'update' : 'create',
      ...(before
        ? { before: { personId: before.personId, status: before.status, leadId: before.leadId } }
        : {}),
      after: { personId: member.personId, status: member.status, leadId: member.leadId },
      at: now,
    });
    return { member, created: !before };
  });
}
