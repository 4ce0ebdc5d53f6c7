import type { Db } from '../../db/database.js';

export async function insertBulk(
  db: Db,
  b: { id: string; actorId: string; action: string; params: unknown; changes: unknown[]; at: string },
): Promise<void> {
  await db
    .insertInto('bulk_operations')
    .values({
      id: b.id,
      actor_id: b.actorId,
      action: b.action,
      params: JSON.stringify(b.params),
      changes: JSON.stringify(b.changes),
      created_at: b.at,
      undone_at: null,
    })
    .execute();
}

export async function findBulk(db: Db, id: string) {
  const row = await db.selectFrom('bulk_operations').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    row && {
      id: row.id,
      actorId: row.actor_id,
      action: row.action,
      changes: JSON.parse(row.changes) as unknown[],
      createdAt: row.created_at,
      undoneAt: row.undone_at,
    }
  );
}

/** Marks a bulk change undone once; false when it already was (two undo clicks at once). */
export async function markBulkUndone(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('bulk_operations')
    .set({ undone_at: at })
    .where('id', '=', id)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
