import type {
  ChatConversationDto,
  ChatMessageDto,
  ChatWidgetDto,
  CreateWidgetInput,
  UpdateWidgetInput,
} from '../../../server/modules/chat/chat.schemas';
import { type ItemList, id, type Page, request, withQuery } from './client';

/**
 * Website chat: the widgets a site embeds (everyone signed in reads them; marketers and admins change them), and the
 * conversations reps join and answer. The live list comes from `GET /api/v1/chat/events` (see useChatEvents).
 */

export type { ChatConversationDto as ConversationDto, ChatMessageDto, ChatWidgetDto };
export type ChatWidgetStatus = ChatWidgetDto['status'];
export type ConversationStatus = ChatConversationDto['status'];
export type ChatSender = ChatMessageDto['sender'];
/** Everything the widget editor sends (a new widget, or every field of a change). */
export type ChatWidgetInput = Required<CreateWidgetInput>;

// Envelopes are declared here: TypeBox `Type.Ref` fields infer loosely.
export interface ConversationDetail {
  conversation: ChatConversationDto;
  messages: ChatMessageDto[];
}

export const chatApi = {
  widgets: {
    list: () => request<ItemList<ChatWidgetDto>>('GET', '/chat/widgets'),
    get: (widgetId: string) => request<ChatWidgetDto>('GET', `/chat/widgets/${id(widgetId)}`),
    create: (input: ChatWidgetInput) => request<ChatWidgetDto>('POST', '/chat/widgets', input),
    update: (widgetId: string, input: UpdateWidgetInput) =>
      request<ChatWidgetDto>('PATCH', `/chat/widgets/${id(widgetId)}`, input),
  },
  conversations: {
    /** Newest activity first; without a status, every conversation the caller may see. */
    list: (query: { status?: ConversationStatus; limit?: number; before?: string }) =>
      request<Page<ChatConversationDto>>('GET', withQuery('/chat/conversations', { ...query })),
    get: (conversationId: string) =>
      request<ConversationDetail>('GET', `/chat/conversations/${id(conversationId)}`),
    join: (conversationId: string) =>
      request<unknown>('POST', `/chat/conversations/${id(conversationId)}/join`),
    send: (conversationId: string, body: string) =>
      request<ChatMessageDto>('POST', `/chat/conversations/${id(conversationId)}/messages`, { body }),
    close: (conversationId: string) =>
      request<unknown>('POST', `/chat/conversations/${id(conversationId)}/close`),
  },
  /** The live stream of "conversation X changed" for the rep screens (same origin, the session cookie). */
  eventsUrl: '/api/v1/chat/events',
};
