import type { Selectable } from 'kysely';
import type { CustomFieldsTable, Db } from '../../db/database.js';
import type { CustomFieldDto } from './custom-fields.schemas.js';

type CustomFieldRow = Selectable<CustomFieldsTable>;

function toCustomField(r: CustomFieldRow): CustomFieldDto {
  return {
    id: r.id,
    entity: r.entity as CustomFieldDto['entity'],
    key: r.key,
    labelLt: r.label_lt,
    labelEn: r.label_en,
    type: r.type as CustomFieldDto['type'],
    options: JSON.parse(r.options) as CustomFieldDto['options'],
    position: Number(r.position),
    active: Boolean(r.active),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type CustomFieldFields = Omit<CustomFieldDto, 'id' | 'createdAt' | 'updatedAt'>;
type Changes = Partial<Pick<CustomFieldFields, 'labelLt' | 'labelEn' | 'options' | 'position' | 'active'>>;

/** Field definitions in form order: by entity, then position. */
export async function listCustomFields(
  db: Db,
  filter: { entity?: CustomFieldDto['entity']; active?: boolean } = {},
): Promise<CustomFieldDto[]> {
  let q = db.selectFrom('custom_fields').selectAll();
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.active !== undefined) q = q.where('active', '=', filter.active ? 1 : 0);
  const rows = await q.orderBy('entity').orderBy('position').orderBy('key').execute();
  return rows.map(toCustomField);
}

export async function findCustomField(db: Db, id: string): Promise<CustomFieldDto | undefined> {
  const row = await db.selectFrom('custom_fields').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCustomField(row);
}

export async function customFieldKeyTaken(db: Db, entity: string, key: string): Promise<boolean> {
  const row = await db
    .selectFrom('custom_fields')
    .select('id')
    .where('entity', '=', entity)
    .where('key', '=', key)
    .executeTakeFirst();
  return row !== undefined;
}

/** The position after the entity's last field (0 for none). */
export async function nextCustomFieldPosition(db: Db, entity: string): Promise<number> {
  const row = await db
    .selectFrom('custom_fields')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('entity', '=', entity)
    .executeTakeFirst();
  return row?.last == null ? 0 : Number(row.last) + 1;
}

export async function insertCustomField(db: Db, id: string, f: CustomFieldFields, at: string): Promise<void> {
  await db
    .insertInto('custom_fields')
    .values({
      id,
      entity: f.entity,
      key: f.key,
      label_lt: f.labelLt,
      label_en: f.labelEn,
      type: f.type,
      options: JSON.stringify(f.options),
      position: f.position,
      active: f.active ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function updateCustomFieldRow(db: Db, id: string, c: Changes, at: string): Promise<void> {
  await db
    .updateTable('custom_fields')
    .set({
      ...(c.labelLt !== undefined ? { label_lt: c.labelLt } : {}),
      ...(c.labelEn !== undefined ? { label_en: c.labelEn } : {}),
      ...(c.options !== undefined ? { options: JSON.stringify(c.options) } : {}),
      ...(c.position !== undefined ? { position: c.position } : {}),
      ...(c.active !== undefined ? { active: c.active ? 1 : 0 } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}
