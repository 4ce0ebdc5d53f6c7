import { type Static, Type } from 'typebox';
import { CUSTOM_FIELD_ENTITIES, CUSTOM_FIELD_TYPES } from '../../../domain/custom-fields/validate-values.js';
import { Id, NameText, Timestamp } from '../../schemas/common.js';
import { Key, Position } from '../sources/sources.schemas.js';

const Entity = Type.Enum(CUSTOM_FIELD_ENTITIES, { description: CUSTOM_FIELD_ENTITIES.join(' | ') });
const FieldType = Type.Enum(CUSTOM_FIELD_TYPES, { description: CUSTOM_FIELD_TYPES.join(' | ') });
const Label = NameText(120);

const Option = Type.Object(
  {
    value: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'stored in records' }),
    labelLt: Label,
    labelEn: Label,
  },
  { additionalProperties: false },
);
const Options = Type.Array(Option, {
  maxItems: 200,
  description: 'required (non-empty) for select and multiselect, not allowed for other types',
});

export const CustomFieldSchema = Type.Object(
  {
    id: Id,
    entity: Entity,
    key: Type.String(),
    labelLt: Type.String(),
    labelEn: Type.String(),
    type: FieldType,
    options: Type.Array(
      Type.Object({ value: Type.String(), labelLt: Type.String(), labelEn: Type.String() }),
    ),
    position: Type.Integer(),
    active: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'CustomField' },
);
export type CustomFieldDto = Static<typeof CustomFieldSchema>;
export type CustomFieldOption = CustomFieldDto['options'][number];

export const CustomFieldList = Type.Object({ items: Type.Array(Type.Ref('CustomField')) });

export const CustomFieldListQuery = Type.Object(
  {
    entity: Type.Optional(Entity),
    active: Type.Optional(Type.Boolean({ description: 'only active (true) or inactive (false) fields' })),
  },
  { additionalProperties: false },
);
export type CustomFieldListQueryInput = Static<typeof CustomFieldListQuery>;

export const CreateCustomFieldBody = Type.Object(
  {
    entity: Entity,
    key: Key,
    labelLt: Label,
    labelEn: Label,
    type: FieldType,
    options: Type.Optional(Options),
    position: Type.Optional(Position),
    active: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);
export type CreateCustomFieldInput = Static<typeof CreateCustomFieldBody>;

/** Entity, key and type stay as created: stored values depend on them. */
export const UpdateCustomFieldBody = Type.Object(
  {
    labelLt: Type.Optional(Label),
    labelEn: Type.Optional(Label),
    options: Type.Optional(Options),
    position: Type.Optional(Position),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCustomFieldInput = Static<typeof UpdateCustomFieldBody>;
