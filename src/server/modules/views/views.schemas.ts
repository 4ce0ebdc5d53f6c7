import { type Static, Type } from 'typebox';
import { LEAD_COLUMNS } from '../../../domain/leads/list-columns.js';
import { Id, NameText, Timestamp } from '../../schemas/common.js';
import { LeadListQuery } from '../leads/leads.schemas.js';

/** A view stores the list's filters exactly as the list endpoint takes them (no paging). */
export const ViewFilters = Type.Omit(LeadListQuery, ['cursor', 'limit', 'count'], {
  additionalProperties: false,
});

export const SavedViewSchema = Type.Object(
  {
    id: Id,
    ownerId: Id,
    entity: Type.Literal('leads'),
    name: Type.String(),
    filters: ViewFilters,
    columns: Type.Array(Type.Enum(LEAD_COLUMNS)),
    shared: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'SavedView' },
);
export type SavedViewDto = Static<typeof SavedViewSchema>;

const Columns = Type.Array(Type.Enum(LEAD_COLUMNS), {
  minItems: 1,
  maxItems: LEAD_COLUMNS.length,
  uniqueItems: true,
});

export const CreateViewBody = Type.Object(
  { name: NameText(100), filters: ViewFilters, columns: Columns, shared: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type CreateViewInput = Static<typeof CreateViewBody>;

export const UpdateViewBody = Type.Object(
  {
    name: Type.Optional(NameText(100)),
    filters: Type.Optional(ViewFilters),
    columns: Type.Optional(Columns),
    shared: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateViewInput = Static<typeof UpdateViewBody>;

export const ViewList = Type.Object({ items: Type.Array(Type.Ref('SavedView')) });
