import { type Static, Type } from 'typebox';
import { DateOnly, Id, NameText, Timestamp } from '../../schemas/common.js';
import { Cents } from '../catalogue/catalogue.schemas.js';

export const CAMPAIGN_TYPES = [
  'email',
  'webinar',
  'event',
  'trade_show',
  'advertising',
  'social',
  'content',
  'referral',
  'other',
] as const;
export const MEMBER_STATUSES = [
  'invited',
  'registered',
  'attended',
  'no_show',
  'responded',
  'unsubscribed',
] as const;

const CampaignType = Type.Enum(CAMPAIGN_TYPES, { description: CAMPAIGN_TYPES.join(' | ') });
const MemberStatus = Type.Enum(MEMBER_STATUSES, { description: MEMBER_STATUSES.join(' | ') });
const NullableId = Type.Union([Id, Type.Null()]);
const NullableDate = Type.Union([DateOnly, Type.Null()]);

export const CampaignSchema = Type.Object(
  {
    id: Id,
    name: Type.String(),
    type: CampaignType,
    sourceId: NullableId,
    startsOn: NullableDate,
    endsOn: NullableDate,
    budgetCents: Type.Integer({ minimum: 0, description: 'EUR cents' }),
    costCents: Type.Integer({ minimum: 0, description: 'actual cost, EUR cents' }),
    ownerId: NullableId,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Campaign' },
);
export type CampaignDto = Static<typeof CampaignSchema>;

const Limit = Type.Integer({ minimum: 1, maximum: 200, default: 50 });
const Cursor = Type.String({ maxLength: 200, description: 'nextCursor of the previous page' });

export const CampaignListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'part of the name, any letter case' })),
    active: Type.Optional(
      Type.Boolean({ description: 'running today (true: started or no start, not ended) or not (false)' }),
    ),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
);
export type CampaignListQueryInput = Static<typeof CampaignListQuery>;

export const CampaignPage = Type.Object({
  items: Type.Array(Type.Ref('Campaign')),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

const Name = NameText(200);

export const CreateCampaignBody = Type.Object(
  {
    name: Name,
    type: CampaignType,
    sourceId: Type.Optional(NullableId),
    startsOn: Type.Optional(NullableDate),
    endsOn: Type.Optional(NullableDate),
    budgetCents: Type.Optional(Cents),
    costCents: Type.Optional(Cents),
    ownerId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'the creator when not given' })),
  },
  { additionalProperties: false },
);
export type CreateCampaignInput = Static<typeof CreateCampaignBody>;

export const UpdateCampaignBody = Type.Object(
  {
    name: Type.Optional(Name),
    type: Type.Optional(CampaignType),
    sourceId: Type.Optional(NullableId),
    startsOn: Type.Optional(NullableDate),
    endsOn: Type.Optional(NullableDate),
    budgetCents: Type.Optional(Cents),
    costCents: Type.Optional(Cents),
    ownerId: Type.Optional(NullableId),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCampaignInput = Static<typeof UpdateCampaignBody>;

export const CampaignMemberSchema = Type.Object(
  {
    campaignId: Id,
    personId: Id,
    firstName: Type.String(),
    lastName: Type.String(),
    leadId: NullableId,
    status: MemberStatus,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'CampaignMember' },
);
export type CampaignMemberDto = Static<typeof CampaignMemberSchema>;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const MemberParams = Type.Object({ id: Id, personId: Id }, { additionalProperties: false });

export const PutMemberBody = Type.Object(
  {
    status: MemberStatus,
    leadId: Type.Optional(
      Type.Union([Id, Type.Null()], { description: "the person's lead this membership belongs to" }),
    ),
  },
  { additionalProperties: false },
);
export type PutMemberInput = Static<typeof PutMemberBody>;

export const MemberListQuery = Type.Object(
  { status: Type.Optional(MemberStatus), limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) },
  { additionalProperties: false },
);
export type MemberListQueryInput = Static<typeof MemberListQuery>;

export const MemberPage = Type.Object({
  items: Type.Array(Type.Ref('CampaignMember')),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
