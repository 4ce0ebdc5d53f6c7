import { type Static, Type } from 'typebox';
import { WEBHOOK_PRESET_KINDS } from '../../../domain/integrations/presets.js';
import { Id, NameText, Timestamp } from '../../schemas/common.js';

export const WEBHOOK_EVENT_STATUSES = ['pending', 'processing', 'processed', 'failed', 'test'] as const;
export type WebhookEventStatus = (typeof WEBHOOK_EVENT_STATUSES)[number];

const NullableId = Type.Union([Id, Type.Null()]);
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);

/** Checked by the domain (`validateMapping`), which names every problem as `mapping.<path>`. */
export const MappingSchema = Type.Object(
  {},
  {
    additionalProperties: true,
    description:
      'How a payload becomes lead fields: `{ eventId: <source>, fields: { "<target>": <source> }, test?: <source> }`. ' +
      'Targets: person.firstName | person.lastName | person.fullName | person.email | person.phone | person.jobTitle | ' +
      'person.city | person.country | organisation.name | organisation.companyCode | organisation.website | lead.title | ' +
      'lead.timeframe | lead.message | lead.sourceDetail | utm.source | utm.medium | utm.campaign | utm.term | utm.content | ' +
      'cf.<lead custom field key>. A source is one of `{ pointer: "/json/pointer" }`, `{ const: "text" }`, ' +
      '`{ fieldData: ["email"], at?: "/field_data" }` (Facebook), `{ liAnswer: { predefinedField | questionId } }` ' +
      '(LinkedIn), `{ first: [<source>, …] }`. `eventId` is the sender’s event id (the same id twice makes one lead).',
  },
);

const Writable = {
  name: NameText(200),
  active: Type.Boolean({ description: 'an inactive integration answers 404 to its sender' }),
  mapping: MappingSchema,
  sourceId: NullableId,
  campaignId: NullableId,
  ownerId: Type.Union([Id, Type.Null()], {
    description: 'who gets the leads (an active user); none → unassigned',
  }),
};

export const CreateIntegrationBody = Type.Object(
  {
    name: Writable.name,
    kind: Type.Enum(WEBHOOK_PRESET_KINDS, {
      description: 'the preset: its mapping is used when none is given',
    }),
    mapping: Type.Optional(Writable.mapping),
    active: Type.Optional(Writable.active),
    sourceId: Type.Optional(Writable.sourceId),
    campaignId: Type.Optional(Writable.campaignId),
    ownerId: Type.Optional(Writable.ownerId),
  },
  { additionalProperties: false },
);
export type CreateIntegrationInput = Static<typeof CreateIntegrationBody>;

export const UpdateIntegrationBody = Type.Partial(Type.Object(Writable, { additionalProperties: false }), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateIntegrationInput = Static<typeof UpdateIntegrationBody>;

const EventCounts = Type.Object({
  pending: Type.Integer({ description: 'received, not yet a lead (processing included)' }),
  processed: Type.Integer(),
  failed: Type.Integer(),
  test: Type.Integer({ description: 'test events (e.g. a LinkedIn test lead): stored, never a lead' }),
});

const IntegrationProperties = {
  id: Id,
  name: Type.String(),
  kind: Type.Enum(WEBHOOK_PRESET_KINDS),
  active: Type.Boolean(),
  mapping: MappingSchema,
  sourceId: NullableId,
  campaignId: NullableId,
  ownerId: NullableId,
  endpoint: Type.String({ description: 'the URL the sender posts to' }),
  signatureHeader: Type.String({
    description: 'the header carrying `sha256=<hex HMAC-SHA256 of the raw body, keyed with the secret>`',
  }),
  secretRotatedAt: NullableTimestamp,
  previousSecretValidUntil: Type.Union([Timestamp, Type.Null()], {
    description: 'until when the secret before the last rotation is still accepted',
  }),
  counts: EventCounts,
  lastEvent: Type.Union([
    Type.Object({ receivedAt: Timestamp, status: Type.Enum(WEBHOOK_EVENT_STATUSES) }),
    Type.Null(),
  ]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const IntegrationSchema = Type.Object(IntegrationProperties, { $id: 'Integration' });
export type IntegrationDto = Static<typeof IntegrationSchema>;

/** The answer to create and rotate: the only time the secret is ever shown. */
export const IntegrationWithSecret = Type.Object({
  ...IntegrationProperties,
  secret: Type.String({ description: 'the signing secret, shown this once; store it with the sender' }),
});
export type IntegrationWithSecretDto = Static<typeof IntegrationWithSecret>;

export const IntegrationList = Type.Object({ items: Type.Array(Type.Ref('Integration')) });

export const WebhookEventSchema = Type.Object(
  {
    id: Id,
    integrationId: Id,
    eventId: Type.String({ description: 'the sender’s event id' }),
    status: Type.Enum(WEBHOOK_EVENT_STATUSES),
    leadId: NullableId,
    attempts: Type.Integer(),
    error: Type.Union([Type.String(), Type.Null()], {
      description: 'why it did not become a lead (JSON: code, message, errors)',
    }),
    receivedAt: Timestamp,
    processedAt: NullableTimestamp,
  },
  { $id: 'WebhookEvent' },
);
export type WebhookEventDto = Static<typeof WebhookEventSchema>;

export const EventListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Enum(WEBHOOK_EVENT_STATUSES, { description: 'pending includes the events being processed' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    before: Type.Optional(Type.String({ maxLength: 100, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);
export const EventList = Type.Object({
  items: Type.Array(Type.Ref('WebhookEvent')),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const PresetList = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: Type.Enum(WEBHOOK_PRESET_KINDS),
      mapping: MappingSchema,
      example: Type.Unknown({ description: 'a payload this mapping reads' }),
    }),
  ),
});

export const WebhookParams = Type.Object(
  { integrationId: Type.String({ description: 'the integration id (a UUID), from its endpoint URL' }) },
  { additionalProperties: false },
);

export const WebhookAccepted = Type.Object({
  id: Id,
  status: Type.Enum(['accepted', 'test'], {
    description: 'accepted: stored, becomes a lead shortly; test: a test event, stored but never a lead',
  }),
});

export const WebhookDuplicate = Type.Object({
  id: Id,
  duplicate: Type.Literal(true, { description: 'this event id was received before: nothing new was stored' }),
});
