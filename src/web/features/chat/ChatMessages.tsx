import { Box, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessageDto } from '../../lib/api';
import { formatDateTime } from '../../lib/format';

const BUBBLE: Record<
  Exclude<ChatMessageDto['sender'], 'system'>,
  { side: 'flex-start' | 'flex-end'; bg: string }
> = {
  visitor: { side: 'flex-start', bg: 'var(--mantine-color-gray-1)' },
  bot: { side: 'flex-start', bg: 'var(--mantine-color-grape-0)' },
  user: { side: 'flex-end', bg: 'var(--mantine-color-blue-0)' },
};

function Message({ message, visitorName }: { message: ChatMessageDto; visitorName: string | null }) {
  const { t } = useTranslation();
  const common = {
    'data-testid': 'chat-message',
    'data-sender': message.sender,
    'data-seq': message.seq,
  };
  if (message.sender === 'system') {
    return (
      <Text {...common} component="li" size="sm" c="dimmed" fs="italic" ta="center">
        {message.body}
      </Text>
    );
  }
  const look = BUBBLE[message.sender];
  const author =
    message.sender === 'user'
      ? (message.authorName ?? t('chat.sender.user'))
      : message.sender === 'visitor' && visitorName
        ? visitorName
        : t(`chat.sender.${message.sender}`);
  return (
    <Box
      {...common}
      component="li"
      maw="80%"
      px="sm"
      py={6}
      style={{ alignSelf: look.side, background: look.bg, borderRadius: 12 }}
    >
      <Text size="xs" c="dimmed" fw={600}>
        {author} · {formatDateTime(message.createdAt)}
      </Text>
      {/* Visitors' words are text, never markup; line breaks kept. */}
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {message.body}
      </Text>
    </Box>
  );
}

/** The conversation as the rep reads it: the visitor and the bot on the left, the team on the right. */
export function ChatMessages({
  messages,
  visitorName,
}: {
  messages: readonly ChatMessageDto[];
  visitorName: string | null;
}) {
  const { t } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  const count = messages.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls down whenever a message arrives.
  useEffect(() => {
    viewport.current?.scrollTo({ top: viewport.current.scrollHeight });
  }, [count]);
  return (
    <ScrollArea h={420} viewportRef={viewport} type="auto">
      <Stack
        component="ol"
        gap="xs"
        p="xs"
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('chat.messagesLabel')}
        aria-live="polite"
        data-testid="chat-messages"
      >
        {messages.map((message) => (
          <Message key={message.seq} message={message} visitorName={visitorName} />
        ))}
      </Stack>
    </ScrollArea>
  );
}
