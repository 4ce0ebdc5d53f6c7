import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { mayManageMarketing } from '../../lib/access';
import {
  api,
  type ChatMessageDto,
  type ChatWidgetDto,
  type ChatWidgetInput,
  type ConversationDetail,
} from '../../lib/api';
import { useCurrentUser } from '../auth/useSession';

/** Chat widgets and conversations. The conversations stay fresh through the server's event stream. */

export const CHAT_KEY = ['chat'] as const;
const WIDGETS_KEY = [...CHAT_KEY, 'widgets'] as const;
const widgetKey = (widgetId: string) => [...WIDGETS_KEY, 'one', widgetId] as const;
const CONVERSATIONS_KEY = [...CHAT_KEY, 'conversations'] as const;
const conversationKey = (conversationId: string) => [...CHAT_KEY, 'conversation', conversationId] as const;
/** A safety net under the live stream (a proxy that buffers it, a stream reconnecting). */
const REFRESH_MS = 30_000;

export function useMayManageChatWidgets(): boolean {
  return mayManageMarketing(useCurrentUser());
}

export function useChatWidgets() {
  return useQuery({
    queryKey: [...WIDGETS_KEY, 'list'],
    queryFn: async () => (await api.chat.widgets.list()).items,
  });
}

export function useChatWidget(widgetId: string | undefined) {
  return useQuery({
    queryKey: widgetKey(widgetId ?? ''),
    queryFn: () => api.chat.widgets.get(widgetId ?? ''),
    enabled: widgetId !== undefined,
  });
}

export function useSaveChatWidget(widgetId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChatWidgetInput) =>
      widgetId === undefined ? api.chat.widgets.create(input) : api.chat.widgets.update(widgetId, input),
    onSuccess: (widget: ChatWidgetDto) => {
      queryClient.setQueryData(widgetKey(widget.id), widget);
      void queryClient.invalidateQueries({ queryKey: [...WIDGETS_KEY, 'list'] });
    },
  });
}

const OPEN_STATUSES = ['waiting', 'human', 'bot'] as const;
const LIST_LIMIT = 100;

/** The open conversations the caller may see (or the latest closed ones): the newest of each status. */
export function useConversations(closed: boolean) {
  return useQuery({
    queryKey: [...CONVERSATIONS_KEY, closed ? 'closed' : 'open'],
    queryFn: async () => {
      const statuses = closed ? (['closed'] as const) : OPEN_STATUSES;
      const pages = await Promise.all(
        statuses.map((status) => api.chat.conversations.list({ status, limit: LIST_LIMIT })),
      );
      return pages.flatMap((page) => page.items);
    },
    refetchInterval: REFRESH_MS,
  });
}

export function useConversation(conversationId: string | undefined) {
  return useQuery({
    queryKey: conversationKey(conversationId ?? ''),
    queryFn: () => api.chat.conversations.get(conversationId ?? ''),
    enabled: conversationId !== undefined,
    refetchInterval: REFRESH_MS,
  });
}

/**
 * Follows `/api/v1/chat/events` while mounted: each `conversation` event refetches the lists and that conversation
 * (the database is the source of truth; the event only says what changed). After a reconnect, and on `resync` (the
 * server lost news it would have passed on), everything is refetched, since events missed are not replayed.
 */
export function useChatEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource !== 'function') return;
    const source = new EventSource(api.chat.eventsUrl);
    let opened = false;
    const refetchAll = () => void queryClient.invalidateQueries({ queryKey: CHAT_KEY });
    source.addEventListener('open', () => {
      if (opened) refetchAll();
      opened = true;
    });
    source.addEventListener('resync', refetchAll);
    source.addEventListener('conversation', (event) => {
      let changed: string | null = null;
      try {
        const data = JSON.parse((event as MessageEvent<string>).data) as { id?: unknown };
        changed = typeof data.id === 'string' ? data.id : null;
      } catch {
        // why: an unreadable event still says something changed; everything shown is refetched below.
      }
      void queryClient.invalidateQueries({ queryKey: CONVERSATIONS_KEY });
      void queryClient.invalidateQueries({
        queryKey: changed ? conversationKey(changed) : [...CHAT_KEY, 'conversation'],
      });
    });
    return () => source.close();
  }, [queryClient]);
}

function useConversationAction<T>(conversationId: string, run: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: conversationKey(conversationId) });
      void queryClient.invalidateQueries({ queryKey: CONVERSATIONS_KEY });
    },
  });
}

export function useJoinConversation(conversationId: string) {
  return useConversationAction<void>(conversationId, () => api.chat.conversations.join(conversationId));
}

export function useCloseConversation(conversationId: string) {
  return useConversationAction<void>(conversationId, () => api.chat.conversations.close(conversationId));
}

/** Sends a reply; it shows at once (the event that follows refetches the conversation anyway). */
export function useSendChatMessage(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.chat.conversations.send(conversationId, body),
    onSuccess: (message: ChatMessageDto) => {
      queryClient.setQueryData<ConversationDetail>(conversationKey(conversationId), (old) =>
        old && !old.messages.some((m) => m.seq === message.seq)
          ? { ...old, messages: [...old.messages, message] }
          : old,
      );
      void queryClient.invalidateQueries({ queryKey: conversationKey(conversationId) });
    },
  });
}
