import { type Static, Type } from 'typebox';
import { CONTENT_KINDS, ENGAGEMENT_KINDS } from '../../../domain/engagement/engagement.js';
import { Email, Id, NameText, Timestamp } from '../../schemas/common.js';

const NullableId = Type.Union([Id, Type.Null()]);
const HttpUrl = Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$', description: 'an http(s) URL' });
const Channel = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: '^[a-z][a-z0-9_-]*$',
  description: 'where it is published: website, linkedin, facebook, instagram, youtube …',
});
/** A visitor id as the embed script makes it (a UUID); the same pattern forms take for `_vid`. */
export const VisitorId = Type.String({ pattern: '^[A-Za-z0-9-]{8,64}$', description: 'the visitor id' });

const ContentWritable = {
  kind: Type.Enum(CONTENT_KINDS),
  title: NameText(300),
  url: HttpUrl,
  channel: Channel,
  sourceId: Type.Union([Id, Type.Null()], {
    description: 'the lead source of people it brings in; none given → the seeded source of its kind/channel',
  }),
  campaignId: NullableId,
};

export const CreateContentBody = Type.Object(
  {
    kind: ContentWritable.kind,
    title: ContentWritable.title,
    url: ContentWritable.url,
    channel: Type.Optional(ContentWritable.channel),
    sourceId: Type.Optional(ContentWritable.sourceId),
    campaignId: Type.Optional(ContentWritable.campaignId),
  },
  { additionalProperties: false },
);
export type CreateContentInput = Static<typeof CreateContentBody>;

export const UpdateContentBody = Type.Partial(Type.Object(ContentWritable, { additionalProperties: false }), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateContentInput = Static<typeof UpdateContentBody>;

const ContentItemProperties = {
  id: Id,
  ...ContentWritable,
  title: Type.String(),
  sourceId: NullableId,
  createdBy: NullableId,
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const ContentItemSchema = Type.Object(ContentItemProperties, {
  $id: 'ContentItem',
  description: 'a piece of published content whose engagement is tracked',
});
export type ContentItemDto = Static<typeof ContentItemSchema>;

export const TrackedLinkSchema = Type.Object(
  {
    id: Id,
    contentItemId: Id,
    token: Type.String(),
    url: Type.String({ description: 'the public tracked URL to share: <app>/t/{token}' }),
    targetUrl: Type.String({ description: 'where a click is sent (fixed when the link is made)' }),
    personId: NullableId,
    channel: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
  },
  { $id: 'TrackedLink' },
);
export type TrackedLinkDto = Static<typeof TrackedLinkSchema>;

export const ContentList = Type.Object({
  items: Type.Array(Type.Ref('ContentItem')),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export const ContentListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 100, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);

export const ContentDetail = Type.Object({
  ...ContentItemProperties,
  links: Type.Array(Type.Ref('TrackedLink'), {
    description: 'its tracked links, newest first (at most 200)',
  }),
});

export const CreateLinkBody = Type.Object(
  {
    targetUrl: Type.Optional(HttpUrl),
    personId: Type.Optional(Id),
    channel: Type.Optional(Channel),
  },
  {
    additionalProperties: false,
    description:
      'targetUrl defaults to the content’s URL; personId makes a personal link (its clicks are that person’s)',
  },
);
export type CreateLinkInput = Static<typeof CreateLinkBody>;

const Counts = Type.Object(
  {
    view: Type.Integer(),
    click: Type.Integer(),
    like: Type.Integer(),
    reaction: Type.Integer(),
    share: Type.Integer(),
    comment: Type.Integer(),
  },
  { description: 'all events of the content item, per kind' },
);

export const EngagementSchema = Type.Object({
  id: Id,
  contentItemId: Id,
  kind: Type.Enum(ENGAGEMENT_KINDS),
  personId: NullableId,
  personName: Type.Union([Type.String(), Type.Null()]),
  leadId: NullableId,
  visitorId: Type.Union([Type.String(), Type.Null()]),
  trackedLinkId: NullableId,
  externalId: Type.Union([Type.String(), Type.Null()]),
  occurredAt: Timestamp,
});
export type EngagementDto = Static<typeof EngagementSchema>;

export const EngagementList = Type.Object({
  counts: Counts,
  items: Type.Array(EngagementSchema, { description: 'the latest events, newest first' }),
});
export const EngagementListQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
  { additionalProperties: false },
);

export const RecordEngagementBody = Type.Object(
  {
    contentItemId: Id,
    kind: Type.Enum(ENGAGEMENT_KINDS),
    email: Type.Optional(Email),
    personId: Type.Optional(Id),
    firstName: Type.Optional(Type.String({ maxLength: 100, description: 'for a new person only' })),
    lastName: Type.Optional(Type.String({ maxLength: 100, description: 'for a new person only' })),
    externalId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'the network’s id of this event: the same id twice is stored once',
      }),
    ),
    occurredAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false, description: 'exactly one of email and personId' },
);
export type RecordEngagementInput = Static<typeof RecordEngagementBody>;

export const RecordedEngagement = Type.Object({
  id: Id,
  contentItemId: Id,
  kind: Type.Enum(ENGAGEMENT_KINDS),
  personId: NullableId,
  leadId: NullableId,
  leadCreated: Type.Boolean({ description: 'a new e-mail became a new lead' }),
  duplicate: Type.Boolean({ description: 'this external id was recorded before; nothing new stored' }),
});
export type RecordedEngagementDto = Static<typeof RecordedEngagement>;

export const TrackBeaconBody = Type.Object(
  {
    token: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'a tracked link token' })),
    contentUrl: Type.Optional(HttpUrl),
    kind: Type.Enum(['view'] as const),
    visitorId: VisitorId,
  },
  {
    additionalProperties: false,
    description: 'a page view: the content by tracked-link token or by its URL',
  },
);
export type TrackBeaconInput = Static<typeof TrackBeaconBody>;

export const TokenParams = Type.Object(
  { token: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);
