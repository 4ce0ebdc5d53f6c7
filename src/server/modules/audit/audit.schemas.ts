import { type Static, Type } from 'typebox';
import { Id, Timestamp } from '../../schemas/common.js';

export const AuditEntrySchema = Type.Object(
  {
    id: Id,
    occurredAt: Timestamp,
    actorId: Type.Union([Id, Type.Null()]),
    channel: Type.String({ description: 'ui | api | import | automation | cli | system' }),
    entityType: Type.String(),
    entityId: Type.String(),
    action: Type.String(),
    before: Type.Unknown({ description: 'Values of the changed fields before the change' }),
    after: Type.Unknown({ description: 'Values of the changed fields after the change' }),
  },
  { $id: 'AuditEntry' },
);
export type AuditEntryDto = Static<typeof AuditEntrySchema>;

export const AuditQuery = Type.Object(
  {
    entityType: Type.Optional(Type.String({ maxLength: 40 })),
    entityId: Type.Optional(Type.String({ maxLength: 64 })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type AuditQueryInput = Static<typeof AuditQuery>;

export const AuditPage = Type.Object({
  items: Type.Array(Type.Ref('AuditEntry')),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
