import type { Db } from '../../db/database.js';

/** What was merged: people or organisations. Both keep their merges in the one `merges` table. */
export type MergeKind = 'person' | 'organisation';

export interface MergeRecord<S> {
  id: string;
  kind: string;
  survivorId: string;
  mergedIds: string[];
  /** Everything the merge changed, so it can be undone exactly. */
  snapshot: S;
  createdAt: string;
  undoneAt: string | null;
}

export async function insertMerge<S>(
  db: Db,
  m: {
    id: string;
    kind: MergeKind;
    survivorId: string;
    mergedIds: string[];
    snapshot: S;
    actorId: string;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('merges')
    .values({
      id: m.id,
      kind: m.kind,
      survivor_id: m.survivorId,
      merged_ids: JSON.stringify(m.mergedIds),
      snapshot: JSON.stringify(m.snapshot),
      actor_id: m.actorId,
      created_at: m.at,
      undone_at: null,
    })
    .execute();
}

export async function findMerge<S>(db: Db, id: string): Promise<MergeRecord<S> | undefined> {
  const row = await db.selectFrom('merges').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    row && {
      id: row.id,
      kind: row.kind,
      survivorId: row.survivor_id,
      mergedIds: JSON.parse(row.merged_ids) as string[],
      snapshot: JSON.parse(row.snapshot) as S,
      createdAt: row.created_at,
      undoneAt: row.undone_at,
    }
  );
}

/** Marks a merge undone unless it already is; returns how many rows changed (0 or 1). */
export async function markMergeUndone(db: Db, id: string, at: string): Promise<number> {
  const result = await db
    .updateTable('merges')
    .set({ undone_at: at })
    .where('id', '=', id)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Puts a survivor's own columns back as the snapshot has them (all but its id and creation time). */
export async function restoreSurvivorRow(
  db: Db,
  table: 'people' | 'organisations',
  row: Record<string, unknown>,
  at: string,
): Promise<void> {
  const { id, created_at: _c, ...columns } = row;
  await db
    .updateTable(table)
    .set({ ...(columns as object), updated_at: at })
    .where('id', '=', String(id))
    .execute();
}

/** Retires merged records into the survivor, or (with `null`) brings them back. */
export async function setMergedInto(
  db: Db,
  table: 'people' | 'organisations',
  ids: string[],
  survivorId: string | null,
  at: string,
): Promise<void> {
  await db
    .updateTable(table)
    .set({ merged_into_id: survivorId, updated_at: at })
    .where('id', 'in', ids)
    .execute();
}
