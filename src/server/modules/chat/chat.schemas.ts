import { type Static, Type } from 'typebox';
import { MAX_MESSAGE_LENGTH } from '../../../domain/chat/message.js';
import { Id, NameText, Timestamp } from '../../schemas/common.js';

export const WIDGET_STATUSES = ['active', 'archived'] as const;
export const CONVERSATION_STATUSES = ['bot', 'waiting', 'human', 'closed'] as const;
export const SENDERS = ['visitor', 'bot', 'user', 'system'] as const;
export const LANGUAGES = ['lt', 'en'] as const;

const NullableId = Type.Union([Id, Type.Null()]);
const LocalText = (maxLength: number) =>
  Type.Object(
    { lt: Type.String({ maxLength }), en: Type.String({ maxLength }) },
    { additionalProperties: false, description: 'the same text in Lithuanian and English' },
  );
const OriginText = Type.String({
  maxLength: 200,
  pattern: '^https?://[^/\\s?#]+$',
  description: 'scheme://host[:port], e.g. https://www.example.lt',
});

const WidgetWritable = {
  name: NameText(200),
  status: Type.Enum(WIDGET_STATUSES, { description: 'only an active widget starts conversations' }),
  questions: Type.Union(
    [
      Type.Object(
        {
          askName: Type.Optional(LocalText(500)),
          askContact: Type.Optional(LocalText(500)),
          askInterest: Type.Optional(LocalText(500)),
          askTimeframe: Type.Optional(LocalText(500)),
          done: Type.Optional(LocalText(500)),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ],
    {
      description:
        'the bot’s questions (name, contact, interest, timeframe) and closing words in the widget’s own wording; `{name}` is the visitor’s first name; a text left out or blank → the bot’s own',
    },
  ),
  greeting: Type.Union([LocalText(500), Type.Null()], {
    description: 'the first thing the bot says; none → its own greeting',
  }),
  allowedOrigins: Type.Array(OriginText, {
    maxItems: 20,
    description: 'sites that may start conversations; empty → any site',
  }),
  sourceId: NullableId,
  campaignId: NullableId,
  ownerId: Type.Union([Id, Type.Null()], {
    description: 'who gets the leads (an active user); none → unassigned',
  }),
  maxPerMinute: Type.Integer({
    minimum: 1,
    maximum: 100_000,
    description: 'conversations started per minute, all visitors together, before 429 (default 60)',
  }),
};

export const CreateWidgetBody = Type.Object(
  {
    name: WidgetWritable.name,
    status: Type.Optional(WidgetWritable.status),
    greeting: Type.Optional(WidgetWritable.greeting),
    questions: Type.Optional(WidgetWritable.questions),
    allowedOrigins: Type.Optional(WidgetWritable.allowedOrigins),
    sourceId: Type.Optional(WidgetWritable.sourceId),
    campaignId: Type.Optional(WidgetWritable.campaignId),
    ownerId: Type.Optional(WidgetWritable.ownerId),
    maxPerMinute: Type.Optional(WidgetWritable.maxPerMinute),
  },
  { additionalProperties: false },
);
export type CreateWidgetInput = Static<typeof CreateWidgetBody>;

export const UpdateWidgetBody = Type.Partial(Type.Object(WidgetWritable, { additionalProperties: false }), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateWidgetInput = Static<typeof UpdateWidgetBody>;

export const ChatWidgetSchema = Type.Object(
  {
    id: Id,
    ...WidgetWritable,
    name: Type.String(),
    version: Type.Integer({ description: 'goes up with every change' }),
    embed: Type.Object({
      script: Type.String({ description: 'the <script> tag to paste into a site' }),
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'ChatWidget' },
);
export type ChatWidgetDto = Static<typeof ChatWidgetSchema>;
export const ChatWidgetList = Type.Object({ items: Type.Array(Type.Ref('ChatWidget')) });

const QuickReplySchema = Type.Object({ value: Type.String(), label: Type.String() });

export const ChatMessageSchema = Type.Object(
  {
    seq: Type.Integer({ minimum: 1, description: '1, 2, 3 … within the conversation' }),
    sender: Type.Enum(SENDERS),
    body: Type.String(),
    createdAt: Timestamp,
    authorName: Type.Optional(Type.String({ description: 'the colleague, on their messages' })),
    quickReplies: Type.Optional(Type.Array(QuickReplySchema, { description: 'answers the bot offers' })),
  },
  { $id: 'ChatMessage' },
);
export type ChatMessageDto = Static<typeof ChatMessageSchema>;
const MessageList = Type.Array(Type.Ref('ChatMessage'));

export const ChatConversationSchema = Type.Object(
  {
    id: Id,
    widgetId: Id,
    widgetName: Type.String(),
    status: Type.Enum(CONVERSATION_STATUSES),
    language: Type.Enum(LANGUAGES),
    visitorName: Type.Union([Type.String(), Type.Null()], { description: 'the name told to the bot' }),
    leadId: NullableId,
    personId: NullableId,
    assignedUserId: NullableId,
    assignedUserName: Type.Union([Type.String(), Type.Null()]),
    lastMessage: Type.Union([
      Type.Object({
        sender: Type.Enum(SENDERS),
        body: Type.String({ description: 'the first 200 characters' }),
      }),
      Type.Null(),
    ]),
    startedAt: Timestamp,
    lastMessageAt: Timestamp,
    closedAt: Type.Union([Timestamp, Type.Null()]),
    captureError: Type.Union(
      [
        Type.Object({
          code: Type.String(),
          message: Type.String(),
          fields: Type.Array(Type.String(), { description: 'the lead fields that were refused' }),
        }),
        Type.Null(),
      ],
      { description: 'why no lead could be made from what the visitor told the bot' },
    ),
  },
  { $id: 'ChatConversation' },
);
export type ChatConversationDto = Static<typeof ChatConversationSchema>;

export const ConversationListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(CONVERSATION_STATUSES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    before: Type.Optional(Type.String({ maxLength: 100, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);
export type ConversationListQueryInput = Static<typeof ConversationListQuery>;
export const ConversationList = Type.Object({
  items: Type.Array(Type.Ref('ChatConversation')),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export const ConversationDetail = Type.Object({
  conversation: Type.Ref('ChatConversation'),
  messages: MessageList,
});

export const MessageBody = Type.Object(
  {
    body: Type.String({ maxLength: MAX_MESSAGE_LENGTH, description: 'plain text, at most 2,000 characters' }),
  },
  { additionalProperties: false },
);

/** Where the visitor came from, as the embed script keeps it (`landing_page` is taken too). */
const TouchText = Type.String({ maxLength: 2000 });
export const TouchBody = Type.Object(
  {
    utm_source: Type.Optional(TouchText),
    utm_medium: Type.Optional(TouchText),
    utm_campaign: Type.Optional(TouchText),
    utm_term: Type.Optional(TouchText),
    utm_content: Type.Optional(TouchText),
    gclid: Type.Optional(TouchText),
    fbclid: Type.Optional(TouchText),
    referrer: Type.Optional(TouchText),
    landingPage: Type.Optional(TouchText),
    landing_page: Type.Optional(TouchText),
    at: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

export const StartConversationBody = Type.Object(
  {
    language: Type.Optional(Type.Enum(LANGUAGES)),
    visitorId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9-]{8,64}$' })),
    touch: Type.Optional(TouchBody),
  },
  { additionalProperties: false },
);
export type StartConversationInput = Static<typeof StartConversationBody>;

export const StartedConversation = Type.Object({
  id: Id,
  token: Type.String({ description: 'send it as X-Chat-Token (or ?token= on the event stream)' }),
  status: Type.Enum(CONVERSATION_STATUSES),
  messages: MessageList,
});

export const SentMessages = Type.Object({ messages: MessageList });

export const PublicMessages = Type.Object({
  messages: MessageList,
  status: Type.Enum(CONVERSATION_STATUSES),
  agentName: Type.Optional(Type.String({ description: 'the colleague who joined' })),
});

export const PublicWidget = Type.Object({
  id: Id,
  greeting: LocalText(500),
  texts: Type.Record(Type.String(), LocalText(500), {
    description: 'the widget’s own wording replacing the script’s, by key',
  }),
});

export const WidgetIdParams = Type.Object({ widgetId: Id }, { additionalProperties: false });
export const TokenHeaders = Type.Object({
  'x-chat-token': Type.Optional(Type.String({ description: 'the conversation’s token' })),
});
export const AfterQuery = Type.Object(
  { after: Type.Optional(Type.Integer({ minimum: 0, description: 'only messages with a greater seq' })) },
  { additionalProperties: false },
);
export const EventsQuery = Type.Object(
  {
    token: Type.Optional(
      Type.String({ description: 'the conversation’s token (EventSource sends no headers)' }),
    ),
    after: Type.Optional(Type.Integer({ minimum: 0, description: 'replay messages after this seq' })),
  },
  { additionalProperties: false },
);
