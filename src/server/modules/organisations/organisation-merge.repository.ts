import type { Db } from '../../db/database.js';
import { setMergedInto } from '../merges/merges.repository.js';

/** Everything an organisation merge changed, so it can be undone exactly. */
export interface OrganisationMergeSnapshot {
  /** The survivor's row as it was before the merge. */
  survivor: Record<string, unknown>;
  people: { id: string; organisationId: string }[];
  leads: { id: string; organisationId: string }[];
}

/** Reads what merging `mergedIds` into `survivorId` is going to change. */
export async function snapshotOrganisationMerge(
  db: Db,
  survivorId: string,
  mergedIds: string[],
): Promise<OrganisationMergeSnapshot> {
  const survivor = await db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', survivorId)
    .executeTakeFirstOrThrow();
  const people = await db
    .selectFrom('people')
    .select(['id', 'organisation_id'])
    .where('organisation_id', 'in', mergedIds)
    .execute();
  const leads = await db
    .selectFrom('leads')
    .select(['id', 'organisation_id'])
    .where('organisation_id', 'in', mergedIds)
    .execute();
  const moved = (r: { id: string; organisation_id: string | null }) => ({
    id: r.id,
    organisationId: r.organisation_id!,
  });
  return {
    survivor: survivor as unknown as Record<string, unknown>,
    people: people.map(moved),
    leads: leads.map(moved),
  };
}

/** Moves the people and leads of the merged organisations to the survivor and retires them (merged_into_id). */
export async function moveOrganisationLinks(
  db: Db,
  survivorId: string,
  mergedIds: string[],
  at: string,
): Promise<void> {
  for (const table of ['people', 'leads'] as const)
    await db
      .updateTable(table)
      .set({ organisation_id: survivorId })
      .where('organisation_id', 'in', mergedIds)
      .execute();
  await setMergedInto(db, 'organisations', mergedIds, survivorId, at);
}

/**
 * Puts people and leads back with the organisation they had, and brings the merged organisations
 * back. A row moved elsewhere since the merge is left where someone put it on purpose.
 */
export async function restoreOrganisationLinks(
  db: Db,
  survivorId: string,
  mergedIds: string[],
  snap: OrganisationMergeSnapshot,
  at: string,
): Promise<void> {
  for (const [table, rows] of [
    ['people', snap.people],
    ['leads', snap.leads],
  ] as const) {
    for (const organisationId of new Set(rows.map((r) => r.organisationId))) {
      const ids = rows.filter((r) => r.organisationId === organisationId).map((r) => r.id);
      await db
        .updateTable(table)
        .set({ organisation_id: organisationId })
        .where('id', 'in', ids)
        .where('organisation_id', '=', survivorId)
        .execute();
    }
  }
  await setMergedInto(db, 'organisations', mergedIds, null, at);
}
