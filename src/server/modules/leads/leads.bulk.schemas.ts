import { type Static, Type } from 'typebox';
import { Id, Timestamp } from '../../schemas/common.js';
import { StageBody } from './leads.schemas.js';

export const BULK_ACTIONS = ['assign', 'stage', 'tag', 'untag', 'delete'] as const;
export const MAX_BULK = 500;

export const BulkBody = Type.Object(
  {
    ids: Type.Array(Id, { minItems: 1, maxItems: MAX_BULK, uniqueItems: true }),
    action: Type.Enum(BULK_ACTIONS),
    ownerId: Type.Optional(Type.Union([Id, Type.Null()])),
    stage: Type.Optional(StageBody),
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type BulkInput = Static<typeof BulkBody>;

const Skipped = Type.Array(Type.Object({ id: Id, code: Type.String() }));

export const BulkResult = Type.Object({
  bulkId: Id,
  done: Type.Integer({ description: 'Leads changed' }),
  skipped: Skipped,
  createdAt: Timestamp,
});

export const BulkUndoResult = Type.Object({ restored: Type.Integer(), skipped: Skipped });
