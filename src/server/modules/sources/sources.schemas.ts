import { type Static, Type } from 'typebox';
import { Id, NameText, Timestamp } from '../../schemas/common.js';

/** A stable machine name (`web_form`), used by imports, capture and reports; never changes once made. */
export const Key = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$', description: 'e.g. web_form' });
/** Order in lists and pickers, lowest first; PostgreSQL `integer` bounds it. */
export const Position = Type.Integer({ minimum: 0, maximum: 1_000_000 });

export const SourceSchema = Type.Object(
  {
    id: Id,
    key: Type.String(),
    nameLt: Type.String(),
    nameEn: Type.String(),
    active: Type.Boolean(),
    position: Type.Integer(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Source' },
);
export type SourceDto = Static<typeof SourceSchema>;

export const SourceList = Type.Object({ items: Type.Array(Type.Ref('Source')) });

export const SourceListQuery = Type.Object(
  { active: Type.Optional(Type.Boolean({ description: 'only active (true) or inactive (false) sources' })) },
  { additionalProperties: false },
);
export type SourceListQueryInput = Static<typeof SourceListQuery>;

const Name = NameText(120);

export const CreateSourceBody = Type.Object(
  {
    key: Key,
    nameLt: Name,
    nameEn: Name,
    active: Type.Optional(Type.Boolean({ default: true })),
    position: Type.Optional(Position),
  },
  { additionalProperties: false },
);
export type CreateSourceInput = Static<typeof CreateSourceBody>;

export const UpdateSourceBody = Type.Object(
  {
    nameLt: Type.Optional(Name),
    nameEn: Type.Optional(Name),
    active: Type.Optional(Type.Boolean()),
    position: Type.Optional(Position),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSourceInput = Static<typeof UpdateSourceBody>;
