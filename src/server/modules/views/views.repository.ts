import type { Selectable } from 'kysely';
import type { Db, SavedViewsTable } from '../../db/database.js';
import type { SavedViewDto } from './views.schemas.js';

function toView(r: Selectable<SavedViewsTable>): SavedViewDto {
  return {
    id: r.id,
    ownerId: r.owner_id,
    entity: 'leads',
    name: r.name,
    filters: JSON.parse(r.filters) as SavedViewDto['filters'],
    columns: JSON.parse(r.columns) as SavedViewDto['columns'],
    shared: Boolean(r.shared),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The caller's own views and everyone's shared ones, shared first then by name. */
export async function listViews(db: Db, entity: string, userId: string): Promise<SavedViewDto[]> {
  const rows = await db
    .selectFrom('saved_views')
    .selectAll()
    .where('entity', '=', entity)
    .where((eb) => eb.or([eb('owner_id', '=', userId), eb('shared', '=', 1)]))
    .orderBy('shared', 'desc')
    .orderBy('name')
    .execute();
  return rows.map(toView);
}

export async function findView(db: Db, id: string): Promise<SavedViewDto | undefined> {
  const row = await db.selectFrom('saved_views').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toView(row);
}

export async function saveView(db: Db, view: SavedViewDto, isNew: boolean): Promise<void> {
  const row = {
    owner_id: view.ownerId,
    entity: view.entity,
    name: view.name,
    filters: JSON.stringify(view.filters),
    columns: JSON.stringify(view.columns),
    shared: view.shared ? 1 : 0,
    updated_at: view.updatedAt,
  };
  if (isNew)
    await db
      .insertInto('saved_views')
      .values({ ...row, id: view.id, created_at: view.createdAt })
      .execute();
  else await db.updateTable('saved_views').set(row).where('id', '=', view.id).execute();
}

export async function deleteView(db: Db, id: string): Promise<void> {
  await db.deleteFrom('saved_views').where('id', '=', id).execute();
}
