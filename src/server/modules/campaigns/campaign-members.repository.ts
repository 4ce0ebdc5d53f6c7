import { insertMany } from '../../db/bulk.js';
import type { Db } from '../../db/database.js';
import type { CampaignMemberDto, MemberStatus } from './campaigns.schemas.js';

function memberQuery(db: Db) {
  return db
    .selectFrom('campaign_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select([
      'm.campaign_id',
      'm.person_id',
      'm.lead_id',
      'm.status',
      'm.created_at',
      'm.updated_at',
      'p.first_name',
      'p.last_name',
    ]);
}

type MemberRow = Awaited<ReturnType<ReturnType<typeof memberQuery>['executeTakeFirstOrThrow']>>;

function toMember(r: MemberRow): CampaignMemberDto {
  return {
    campaignId: r.campaign_id,
    personId: r.person_id,
    firstName: r.first_name,
    lastName: r.last_name,
    leadId: r.lead_id,
    status: r.status as MemberStatus,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findMember(
  db: Db,
  campaignId: string,
  personId: string,
): Promise<CampaignMemberDto | undefined> {
  const row = await memberQuery(db)
    .where('m.campaign_id', '=', campaignId)
    .where('m.person_id', '=', personId)
    .executeTakeFirst();
  return row && toMember(row);
}

/** A campaign's members by person id, keyset-paged after `afterPersonId`. */
export async function listMembers(
  db: Db,
  campaignId: string,
  filter: { status?: MemberStatus; afterPersonId?: string; limit: number },
): Promise<CampaignMemberDto[]> {
  let q = memberQuery(db).where('m.campaign_id', '=', campaignId);
  if (filter.status) q = q.where('m.status', '=', filter.status);
  if (filter.afterPersonId) q = q.where('m.person_id', '>', filter.afterPersonId);
  return (await q.orderBy('m.person_id').limit(filter.limit).execute()).map(toMember);
}

type Membership = {
  campaignId: string;
  personId: string;
  leadId: string | null;
  status: MemberStatus;
  at: string;
};

/** Adds the person to the campaign or changes their membership; a concurrent add becomes an update. */
export function upsertMember(db: Db, m: Membership): Promise<void> {
  return upsertMembers(db, [m]);
}

/** `upsertMember` for many at once (multi-row statements); of two for one person, the later wins. */
export async function upsertMembers(db: Db, members: readonly Membership[]): Promise<void> {
  const last = new Map(members.map((m) => [`${m.campaignId}|${m.personId}`, m]));
  await insertMany(
    db,
    'campaign_members',
    [...last.values()].map((m) => ({
      campaign_id: m.campaignId,
      person_id: m.personId,
      lead_id: m.leadId,
      status: m.status,
      created_at: m.at,
      updated_at: m.at,
    })),
    { updateOn: ['campaign_id', 'person_id'], set: ['lead_id', 'status', 'updated_at'] },
  );
}

/** A live (not deleted, not merged away) person. */
export async function personExists(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The person a live lead belongs to, or undefined when there is no such lead. */
export async function findLeadPerson(
  db: Db,
  leadId: string,
): Promise<{ personId: string | null } | undefined> {
  const row = await db
    .selectFrom('leads')
    .select('person_id')
    .where('id', '=', leadId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row && { personId: row.person_id };
}
