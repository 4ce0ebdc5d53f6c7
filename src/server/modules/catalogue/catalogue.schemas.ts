import { type Static, Type } from 'typebox';
import { Id, NameText, Timestamp } from '../../schemas/common.js';

/** Money is integer EUR cents; the ceiling is PostgreSQL's `integer` (about 21 million euros). */
export const Cents = Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: 'EUR cents' });

export const ProductSchema = Type.Object(
  {
    id: Id,
    code: Type.String(),
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    unitPriceCents: Type.Integer({ minimum: 0, description: 'EUR cents' }),
    active: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Product' },
);
export type ProductDto = Static<typeof ProductSchema>;

export const ProductList = Type.Object({ items: Type.Array(Type.Ref('Product')) });

export const ProductListQuery = Type.Object(
  { active: Type.Optional(Type.Boolean({ description: 'only active (true) or inactive (false) products' })) },
  { additionalProperties: false },
);
export type ProductListQueryInput = Static<typeof ProductListQuery>;

/** A product code, e.g. `CRM-PRO`: not blank, stored trimmed. */
const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' });
const Name = NameText(200);
const Description = Type.Union([Type.String({ maxLength: 4000 }), Type.Null()]);

export const CreateProductBody = Type.Object(
  {
    code: Code,
    name: Name,
    description: Type.Optional(Description),
    unitPriceCents: Cents,
    active: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);
export type CreateProductInput = Static<typeof CreateProductBody>;

export const UpdateProductBody = Type.Object(
  {
    code: Type.Optional(Code),
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    unitPriceCents: Type.Optional(Cents),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateProductInput = Static<typeof UpdateProductBody>;
