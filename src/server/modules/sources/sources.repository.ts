import type { Selectable } from 'kysely';
import type { Db, SourcesTable } from '../../db/database.js';
import type { SourceDto } from './sources.schemas.js';

type SourceRow = Selectable<SourcesTable>;

function toSource(r: SourceRow): SourceDto {
  return {
    id: r.id,
    key: r.key,
    nameLt: r.name_lt,
    nameEn: r.name_en,
    active: Boolean(r.active),
    position: Number(r.position),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface SourceFields {
  key: string;
  nameLt: string;
  nameEn: string;
  active: boolean;
  position: number;
}

/** Sources in picker order; `active` narrows to active or inactive ones. */
export async function listSources(db: Db, filter: { active?: boolean } = {}): Promise<SourceDto[]> {
  let q = db.selectFrom('sources').selectAll();
  if (filter.active !== undefined) q = q.where('active', '=', filter.active ? 1 : 0);
  return (await q.orderBy('position').orderBy('key').execute()).map(toSource);
}

export async function findSource(db: Db, id: string): Promise<SourceDto | undefined> {
  const row = await db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSource(row);
}

export async function findSourceIdByKey(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom('sources').select('id').where('key', '=', key).executeTakeFirst())?.id;
}

/** The position after the last source (0 for none). */
export async function nextSourcePosition(db: Db): Promise<number> {
  const row = await db
    .selectFrom('sources')
    .select((eb) => eb.fn.max('position').as('last'))
    .executeTakeFirst();
  return row?.last == null ? 0 : Number(row.last) + 1;
}

export async function insertSource(db: Db, id: string, fields: SourceFields, at: string): Promise<void> {
  await db
    .insertInto('sources')
    .values({
      id,
      key: fields.key,
      name_lt: fields.nameLt,
      name_en: fields.nameEn,
      active: fields.active ? 1 : 0,
      position: fields.position,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function updateSourceRow(
  db: Db,
  id: string,
  changes: Partial<Omit<SourceFields, 'key'>>,
  at: string,
): Promise<void> {
  await db
    .updateTable('sources')
    .set({
      ...(changes.nameLt !== undefined ? { name_lt: changes.nameLt } : {}),
      ...(changes.nameEn !== undefined ? { name_en: changes.nameEn } : {}),
      ...(changes.active !== undefined ? { active: changes.active ? 1 : 0 } : {}),
      ...(changes.position !== undefined ? { position: changes.position } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}
