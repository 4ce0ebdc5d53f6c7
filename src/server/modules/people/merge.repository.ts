import type { Db } from '../../db/database.js';
import { setMergedInto } from '../merges/merges.repository.js';

/** Everything a person merge moved, so it can be undone exactly. */
export interface MergeSnapshot {
  survivor: Record<string, unknown>;
  survivorEmails: { id: string; email: string; email_key: string; position: number }[];
  survivorPhones: { id: string; phone: string; position: number }[];
  merged: {
    id: string;
    emails: { id: string; email: string; email_key: string; position: number }[];
    phones: { id: string; phone: string; position: number }[];
  }[];
  leads: { id: string; personId: string }[];
  referrals: { id: string; personId: string }[];
  activities: { id: string; personId: string }[];
  memberships: { campaignId: string; personId: string; moved: boolean; row: Record<string, unknown> }[];
}

/** Reads what the merge of `mergedIds` into `survivorId` is going to change. */
export async function snapshotForMerge(
  db: Db,
  survivorId: string,
  mergedIds: string[],
): Promise<MergeSnapshot> {
  const survivor = await db
    .selectFrom('people')
    .selectAll()
    .where('id', '=', survivorId)
    .executeTakeFirstOrThrow();
  const emails = await db
    .selectFrom('person_emails')
    .selectAll()
    .where('person_id', 'in', [survivorId, ...mergedIds])
    .execute();
  const phones = await db
    .selectFrom('person_phones')
    .selectAll()
    .where('person_id', 'in', [survivorId, ...mergedIds])
    .execute();
  const strip = <T extends { person_id: string }>({ person_id: _, ...rest }: T) => rest;
  const leads = await db
    .selectFrom('leads')
    .select(['id', 'person_id'])
    .where('person_id', 'in', mergedIds)
    .execute();
  const referrals = await db
    .selectFrom('leads')
    .select(['id', 'referred_by_person_id'])
    .where('referred_by_person_id', 'in', mergedIds)
    .execute();
  const activities = await db
    .selectFrom('activities')
    .select(['id', 'person_id'])
    .where('person_id', 'in', mergedIds)
    .execute();
  const survivorCampaigns = new Set(
    (
      await db
        .selectFrom('campaign_members')
        .select('campaign_id')
        .where('person_id', '=', survivorId)
        .execute()
    ).map((r) => r.campaign_id),
  );
  const memberships = await db
    .selectFrom('campaign_members')
    .selectAll()
    .where('person_id', 'in', mergedIds)
    .execute();
  return {
    survivor: survivor as unknown as Record<string, unknown>,
    survivorEmails: emails.filter((e) => e.person_id === survivorId).map(strip),
    survivorPhones: phones.filter((p) => p.person_id === survivorId).map(strip),
    merged: mergedIds.map((id) => ({
      id,
      emails: emails.filter((e) => e.person_id === id).map(strip),
      phones: phones.filter((p) => p.person_id === id).map(strip),
    })),
    leads: leads.map((l) => ({ id: l.id, personId: l.person_id! })),
    referrals: referrals.map((l) => ({ id: l.id, personId: l.referred_by_person_id! })),
    activities: activities.map((a) => ({ id: a.id, personId: a.person_id! })),
    memberships: memberships.map((m) => ({
      campaignId: m.campaign_id,
      personId: m.person_id,
      moved: !survivorCampaigns.has(m.campaign_id),
      row: m as unknown as Record<string, unknown>,
    })),
  };
}

/** Moves every link of the merged people to the survivor and retires them (merged_into_id). */
export async function moveLinks(db: Db, survivorId: string, snap: MergeSnapshot, at: string): Promise<void> {
  const mergedIds = snap.merged.map((m) => m.id);
  await db.updateTable('leads').set({ person_id: survivorId }).where('person_id', 'in', mergedIds).execute();
  await db
    .updateTable('leads')
    .set({ referred_by_person_id: survivorId })
    .where('referred_by_person_id', 'in', mergedIds)
    .execute();
  await db
    .updateTable('activities')
    .set({ person_id: survivorId })
    .where('person_id', 'in', mergedIds)
    .execute();
  for (const m of snap.memberships) {
    // A campaign the survivor is already in keeps the survivor's row; the duplicate row goes (kept in the snapshot).
    if (m.moved) {
      await db
        .updateTable('campaign_members')
        .set({ person_id: survivorId })
        .where('campaign_id', '=', m.campaignId)
        .where('person_id', '=', m.personId)
        .execute();
    } else {
      await db
        .deleteFrom('campaign_members')
        .where('campaign_id', '=', m.campaignId)
        .where('person_id', '=', m.personId)
        .execute();
    }
  }
  await setMergedInto(db, 'people', mergedIds, survivorId, at);
}

/** Puts every link back where the snapshot says it was, and brings the merged people back. */
export async function restoreLinks(
  db: Db,
  survivorId: string,
  snap: MergeSnapshot,
  at: string,
): Promise<void> {
  for (const l of snap.leads)
    await db.updateTable('leads').set({ person_id: l.personId }).where('id', '=', l.id).execute();
  for (const l of snap.referrals)
    await db.updateTable('leads').set({ referred_by_person_id: l.personId }).where('id', '=', l.id).execute();
  for (const a of snap.activities)
    await db.updateTable('activities').set({ person_id: a.personId }).where('id', '=', a.id).execute();
  for (const m of snap.memberships) {
    if (m.moved) {
      await db
        .updateTable('campaign_members')
        .set({ person_id: m.personId })
        .where('campaign_id', '=', m.campaignId)
        .where('person_id', '=', survivorId)
        .execute();
    } else {
      await db
        .insertInto('campaign_members')
        .values(m.row as never)
        .execute();
    }
  }
  await setMergedInto(
    db,
    'people',
    snap.merged.map((m) => m.id),
    null,
    at,
  );
}

/** Replaces a person's contact rows with exactly these. */
export async function setContacts(
  db: Db,
  personId: string,
  emails: { id: string; email: string; email_key: string; position: number }[],
  phones: { id: string; phone: string; position: number }[],
): Promise<void> {
  await db.deleteFrom('person_emails').where('person_id', '=', personId).execute();
  await db.deleteFrom('person_phones').where('person_id', '=', personId).execute();
  if (emails.length)
    await db
      .insertInto('person_emails')
      .values(emails.map((e) => ({ ...e, person_id: personId })))
      .execute();
  if (phones.length)
    await db
      .insertInto('person_phones')
      .values(phones.map((p) => ({ ...p, person_id: personId })))
      .execute();
}
