import type { ConversationView, StoredMessage } from './chat.repository.js';
import type { ChatConversationDto, ChatMessageDto, ChatWidgetDto } from './chat.schemas.js';
import type { ChatWidget } from './chat.widgets.repository.js';

/** The shapes the API sends, from what the repository reads. */

export function publicMessage(m: StoredMessage): ChatMessageDto {
  return {
    seq: m.seq,
    sender: m.sender,
    body: m.body,
    createdAt: m.createdAt,
    ...(m.sender === 'user' && m.authorName ? { authorName: m.authorName } : {}),
    ...(m.quickReplies?.length ? { quickReplies: m.quickReplies } : {}),
  };
}

export function conversationDto(v: ConversationView): ChatConversationDto {
  const { firstName, lastName } = v.botState;
  return {
    id: v.id,
    widgetId: v.widgetId,
    widgetName: v.widgetName,
    status: v.status,
    language: v.language,
    visitorName: [firstName, lastName].filter(Boolean).join(' ') || null,
    leadId: v.leadId,
    personId: v.personId,
    assignedUserId: v.assignedUserId,
    assignedUserName: v.assignedUserName,
    lastMessage: v.lastMessage,
    startedAt: v.startedAt,
    lastMessageAt: v.lastMessageAt,
    closedAt: v.closedAt,
    captureError: v.captureError,
  };
}

export function widgetDto(w: ChatWidget, appOrigin: string): ChatWidgetDto {
  return {
    id: w.id,
    name: w.name,
    status: w.status,
    greeting: w.greeting,
    questions: w.questions,
    allowedOrigins: w.allowedOrigins,
    sourceId: w.sourceId,
    campaignId: w.campaignId,
    ownerId: w.ownerId,
    maxPerMinute: w.maxPerMinute,
    version: w.version,
    embed: { script: `<script src="${appOrigin}/embed/chat/${w.id}.js" async></script>` },
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
}
