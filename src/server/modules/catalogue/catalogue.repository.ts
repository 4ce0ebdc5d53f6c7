import type { Selectable } from 'kysely';
import type { Db, ProductsTable } from '../../db/database.js';
import type { ProductDto } from './catalogue.schemas.js';

type ProductRow = Selectable<ProductsTable>;

function toProduct(r: ProductRow): ProductDto {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    description: r.description,
    unitPriceCents: Number(r.unit_price_cents),
    active: Boolean(r.active),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The product fields a write may set, as the domain names them. */
export interface ProductFields {
  code: string;
  name: string;
  description: string | null;
  unitPriceCents: number;
  active: boolean;
}

function toColumns(p: Partial<ProductFields>): Partial<ProductRow> {
  const row: Partial<ProductRow> = {};
  if (p.code !== undefined) row.code = p.code;
  if (p.name !== undefined) row.name = p.name;
  if (p.description !== undefined) row.description = p.description;
  if (p.unitPriceCents !== undefined) row.unit_price_cents = p.unitPriceCents;
  if (p.active !== undefined) row.active = p.active ? 1 : 0;
  return row;
}

/** The catalogue by name; `active` narrows it to active or inactive products. */
export async function listProducts(db: Db, filter: { active?: boolean } = {}): Promise<ProductDto[]> {
  let q = db.selectFrom('products').selectAll();
  if (filter.active !== undefined) q = q.where('active', '=', filter.active ? 1 : 0);
  return (await q.orderBy('name').orderBy('id').execute()).map(toProduct);
}

export async function findProduct(db: Db, id: string): Promise<ProductDto | undefined> {
  const row = await db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toProduct(row);
}

export async function findProductIdByCode(db: Db, code: string): Promise<string | undefined> {
  return (await db.selectFrom('products').select('id').where('code', '=', code).executeTakeFirst())?.id;
}

export async function insertProduct(db: Db, id: string, fields: ProductFields, at: string): Promise<void> {
  await db
    .insertInto('products')
    .values({
      id,
      code: fields.code,
      name: fields.name,
      description: fields.description,
      unit_price_cents: fields.unitPriceCents,
      active: fields.active ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function updateProductRow(
  db: Db,
  id: string,
  changes: Partial<ProductFields>,
  at: string,
): Promise<void> {
  await db
    .updateTable('products')
    .set({ ...toColumns(changes), updated_at: at })
    .where('id', '=', id)
    .execute();
}
