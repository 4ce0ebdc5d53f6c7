import { type Static, Type } from 'typebox';
import { DISQUALIFY_REASONS, LEAD_STAGES } from '../../../domain/leads/stages.js';
import { TEMPERATURES } from '../../../domain/leads/temperature.js';
import { DateOnly, Id, Timestamp } from '../../schemas/common.js';
import { OrganisationFields, PersonFields } from '../people/people.schemas.js';
import { LEAD_SORTS } from './leads.list.repository.js';

const StageSchema = Type.Enum(LEAD_STAGES);
const Timeframe = Type.Union([Type.String({ description: "'now' or a YYYY-MM-DD date" }), Type.Null()]);
const CustomValues = Type.Record(Type.String(), Type.Unknown());
const Tags = Type.Array(Type.String({ maxLength: 40 }), { maxItems: 30 });
const NullableId = Type.Union([Id, Type.Null()]);

const LeadWritable = {
  title: Type.Optional(Type.String({ maxLength: 200 })),
  timeframe: Type.Optional(Timeframe),
  sourceId: Type.Optional(NullableId),
  sourceDetail: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
  campaignId: Type.Optional(NullableId),
  referredByPersonId: Type.Optional(NullableId),
  productIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
  ownerId: Type.Optional(NullableId),
  tags: Type.Optional(Tags),
  nextFollowUpAt: Type.Optional(Type.Union([Timestamp, Type.Null()])),
  customFields: Type.Optional(CustomValues),
};

export const CreateLeadBody = Type.Object(
  {
    person: Type.Optional(Type.Object(PersonFields, { additionalProperties: false })),
    personId: Type.Optional(Id),
    organisation: Type.Optional(Type.Object(OrganisationFields, { additionalProperties: false })),
    organisationId: Type.Optional(Id),
    ...LeadWritable,
  },
  { additionalProperties: false },
);
export type CreateLeadInput = Static<typeof CreateLeadBody>;

/** Most leads one batch request creates. */
export const MAX_BATCH_LEADS = 1000;

export const CreateLeadBatchBody = Type.Object(
  {
    leads: Type.Array(CreateLeadBody, {
      minItems: 1,
      maxItems: MAX_BATCH_LEADS,
      description: 'each as `POST /leads` takes it; all are created or none',
    }),
  },
  { additionalProperties: false },
);

export const CreatedLeadBatch = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Id,
      personId: Type.Union([Id, Type.Null()]),
      organisationId: Type.Union([Id, Type.Null()]),
      personCreated: Type.Boolean({
        description: 'false: a known e-mail linked the lead to an existing person',
      }),
      ownerId: Type.Union([Id, Type.Null()], { description: 'as given, or as routing decided' }),
      teamId: Type.Union([Id, Type.Null()]),
      stage: StageSchema,
      score: Type.Integer(),
      temperature: Type.Enum(TEMPERATURES),
    }),
    { description: 'in the order of `leads`' },
  ),
});

export const UpdateLeadBody = Type.Object(LeadWritable, { additionalProperties: false, minProperties: 1 });
export type UpdateLeadInput = Static<typeof UpdateLeadBody>;

export const StageBody = Type.Object(
  {
    stage: StageSchema,
    reason: Type.Optional(Type.Enum(DISQUALIFY_REASONS)),
    reasonText: Type.Optional(Type.String({ maxLength: 2000 })),
    revisitOn: Type.Optional(Type.String({ description: 'YYYY-MM-DD, after today (parking)' })),
    competitor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type StageInput = Static<typeof StageBody>;

export const LeadSchema = Type.Object(
  {
    id: Id,
    title: Type.String(),
    stage: StageSchema,
    temperature: Type.Enum(TEMPERATURES),
    timeframe: Timeframe,
    personId: NullableId,
    organisationId: NullableId,
    person: Type.Union([Type.Ref('Person'), Type.Null()]),
    organisation: Type.Union([Type.Ref('Organisation'), Type.Null()]),
    sourceId: NullableId,
    sourceDetail: Type.Union([Type.String(), Type.Null()]),
    campaignId: NullableId,
    referredByPersonId: NullableId,
    referredByName: Type.Union([Type.String(), Type.Null()], { description: 'who referred the lead' }),
    ownerId: NullableId,
    ownerName: Type.Union([Type.String(), Type.Null()]),
    teamId: NullableId,
    campaignName: Type.Union([Type.String(), Type.Null()]),
    productIds: Type.Array(Id),
    tags: Type.Array(Type.String()),
    score: Type.Integer(),
    stageChangedAt: Timestamp,
    disqualifyReason: Type.Union([Type.Enum(DISQUALIFY_REASONS), Type.Null()]),
    disqualifyNote: Type.Union([Type.String(), Type.Null()]),
    revisitOn: Type.Union([DateOnly, Type.Null()]),
    competitor: Type.Union([Type.String(), Type.Null()]),
    nextFollowUpAt: Type.Union([Timestamp, Type.Null()]),
    lastActivityAt: Type.Union([Timestamp, Type.Null()]),
    customFields: CustomValues,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    deletedAt: Type.Union([Timestamp, Type.Null()]),
    duplicates: Type.Optional(Type.Array(Type.Ref('DuplicateCandidate'))),
  },
  { $id: 'Lead' },
);
export type LeadDto = Static<typeof LeadSchema>;

export const LeadListItemSchema = Type.Object(
  {
    id: Id,
    title: Type.String(),
    stage: StageSchema,
    temperature: Type.Enum(TEMPERATURES),
    timeframe: Timeframe,
    personId: NullableId,
    personName: Type.Union([Type.String(), Type.Null()]),
    organisationId: NullableId,
    organisationName: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    ownerId: NullableId,
    ownerName: Type.Union([Type.String(), Type.Null()]),
    teamId: NullableId,
    score: Type.Integer(),
    sourceId: NullableId,
    campaignId: NullableId,
    revisitOn: Type.Union([DateOnly, Type.Null()]),
    nextFollowUpAt: Type.Union([Timestamp, Type.Null()]),
    lastActivityAt: Type.Union([Timestamp, Type.Null()]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'LeadListItem' },
);
export type LeadListItem = Static<typeof LeadListItemSchema>;

const CsvOf = (description: string) => Type.String({ maxLength: 500, description });

export const LeadListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Free text over name, e-mail, phone, organisation; diacritics ignored',
      }),
    ),
    stage: Type.Optional(CsvOf('Comma-separated stages')),
    temperature: Type.Optional(CsvOf('Comma-separated: hot,warm,cold')),
    ownerId: Type.Optional(Type.String({ description: "A user id, or 'none' for unassigned" })),
    teamId: Type.Optional(Id),
    sourceId: Type.Optional(Id),
    campaignId: Type.Optional(Id),
    tag: Type.Optional(Type.String({ maxLength: 40 })),
    productId: Type.Optional(Id),
    createdFrom: Type.Optional(DateOnly),
    createdTo: Type.Optional(
      Type.String({ format: 'date', description: 'YYYY-MM-DD: created on or before this day' }),
    ),
    lastActivityFrom: Type.Optional(DateOnly),
    lastActivityTo: Type.Optional(
      Type.String({ format: 'date', description: 'YYYY-MM-DD: last activity on or before this day' }),
    ),
    scoreMin: Type.Optional(
      Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, description: 'Score at least' }),
    ),
    scoreMax: Type.Optional(
      Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, description: 'Score at most' }),
    ),
    cf: Type.Optional(
      Type.Array(Type.String({ maxLength: 300 }), {
        maxItems: 10,
        description:
          'Custom-field conditions, repeated for several (all must hold): `key:value`. Text: contains, ignoring case. Number and date: `10..50`, `10..`, `..50` or one value, ends included. Select and multiselect: `gold|silver`, any of them. Boolean: `true` or `false`. Example: `cf=tier:gold&cf=employees:10..`',
      }),
    ),
    revisitDue: Type.Optional(Type.Boolean({ description: 'Parked leads whose revisit date has come' })),
    deleted: Type.Optional(Type.Boolean({ description: 'The bin: soft-deleted leads' })),
    sort: Type.Optional(Type.Enum(LEAD_SORTS)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 300 })),
    count: Type.Optional(Type.Boolean({ description: 'Also count matches, capped at 10 000' })),
  },
  { additionalProperties: false },
);
export type LeadListQueryInput = Static<typeof LeadListQuery>;

export const LeadPage = Type.Object({
  items: Type.Array(Type.Ref('LeadListItem')),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  count: Type.Optional(Type.Object({ value: Type.Integer(), capped: Type.Boolean() })),
});

export const LeadHistoryEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  field: Type.Enum(['stage', 'owner', 'temperature'] as const),
  from: Type.Union([Type.String(), Type.Null()], {
    description: 'Stage key, user id or temperature; null at creation',
  }),
  to: Type.Union([Type.String(), Type.Null()]),
  actorId: Type.Union([Type.String(), Type.Null()], {
    description: 'Null: the system (e.g. the calendar moved the temperature)',
  }),
  actorName: Type.Union([Type.String(), Type.Null()]),
  channel: Type.String({ description: 'ui, api, import, automation, cli or system' }),
});
export type LeadHistoryEntryDto = Static<typeof LeadHistoryEntry>;
export const LeadHistory = Type.Object({ items: Type.Array(LeadHistoryEntry) });
