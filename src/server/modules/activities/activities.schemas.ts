import { type Static, Type } from 'typebox';
import { Id, Timestamp } from '../../schemas/common.js';
import { ACTIVITY_TYPES } from './activities.repository.js';

export const CALL_OUTCOMES = ['connected', 'no_answer', 'voicemail', 'busy', 'wrong_number'] as const;

export const CreateActivityBody = Type.Object(
  {
    type: Type.Enum(['note', 'call', 'meeting', 'email', 'task']),
    subject: Type.Optional(Type.String({ maxLength: 300 })),
    body: Type.Optional(
      Type.String({ maxLength: 20_000, description: 'Plain text or Markdown; shown as text, never as HTML' }),
    ),
    occurredAt: Type.Optional(Timestamp),
    dueAt: Type.Optional(Timestamp),
    assigneeId: Type.Optional(Id),
    direction: Type.Optional(Type.Enum(['inbound', 'outbound'])),
    outcome: Type.Optional(Type.Enum(CALL_OUTCOMES)),
    durationSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
    endsAt: Type.Optional(Timestamp),
    attendees: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type CreateActivityInput = Static<typeof CreateActivityBody>;

export const UpdateActivityBody = Type.Object({ done: Type.Boolean() }, { additionalProperties: false });

export const ActivitySchema = Type.Object(
  {
    id: Id,
    leadId: Type.Union([Id, Type.Null()]),
    personId: Type.Union([Id, Type.Null()]),
    type: Type.Enum(ACTIVITY_TYPES),
    subject: Type.Union([Type.String(), Type.Null()]),
    body: Type.Union([Type.String(), Type.Null()]),
    occurredAt: Timestamp,
    dueAt: Type.Union([Timestamp, Type.Null()]),
    doneAt: Type.Union([Timestamp, Type.Null()]),
    overdue: Type.Boolean({ description: 'An open task past its due time' }),
    assigneeId: Type.Union([Id, Type.Null()]),
    data: Type.Record(Type.String(), Type.Unknown()),
    channel: Type.String(),
    createdBy: Type.Union([Id, Type.Null()]),
    createdByName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Activity' },
);

export const ActivityQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);

export const ActivityPage = Type.Object({
  items: Type.Array(Type.Ref('Activity')),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
