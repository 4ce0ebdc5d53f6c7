import { Group, NavLink, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryStatus } from '../../components/QueryStatus';
import type { ConversationDto } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { ConversationStatusBadge } from './ChatBadges';
import { sortConversations } from './chat-view';
import { useConversations } from './useChat';

function Row({
  conversation,
  active,
  closed,
}: {
  conversation: ConversationDto;
  active: boolean;
  closed: boolean;
}) {
  const { t } = useTranslation();
  return (
    <NavLink
      component={Link}
      to={{ pathname: `/chat/${conversation.id}`, search: closed ? '?show=closed' : '' }}
      active={active}
      aria-current={active ? 'page' : undefined}
      leftSection={<IconMessageCircle size={18} stroke={1.6} />}
      label={
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Text size="sm" fw={500} truncate>
            {conversation.visitorName || t('chat.visitor')}
          </Text>
          <ConversationStatusBadge status={conversation.status} />
        </Group>
      }
      description={
        <>
          {conversation.lastMessage ? (
            <Text size="xs" lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
              {conversation.lastMessage.body}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {[conversation.widgetName, formatDateTime(conversation.lastMessageAt)]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </>
      }
      data-testid="chat-conversation-row"
      data-id={conversation.id}
      data-status={conversation.status}
    />
  );
}

/** The queue: open conversations (waiting visitors first) or the closed ones, refreshed live. */
export function ConversationList({
  selectedId,
  closed,
  onClosedChange,
}: {
  selectedId: string | undefined;
  closed: boolean;
  onClosedChange: (closed: boolean) => void;
}) {
  const { t } = useTranslation();
  const conversations = useConversations(closed);
  const list = sortConversations(conversations.data ?? []);
  return (
    <Paper withBorder p="xs">
      <Stack gap="xs">
        <SegmentedControl
          fullWidth
          value={closed ? 'closed' : 'open'}
          onChange={(value) => onClosedChange(value === 'closed')}
          data={[
            { value: 'open', label: t('chat.filterOpen') },
            { value: 'closed', label: t('chat.filterClosed') },
          ]}
          data-testid="chat-filter"
        />
        <QueryStatus
          query={conversations}
          empty={list.length === 0}
          emptyText={closed ? t('chat.emptyClosed') : t('chat.emptyOpen')}
        />
        <nav aria-label={t('chat.conversations')} data-testid="chat-conversations">
          {list.map((conversation) => (
            <Row
              key={conversation.id}
              conversation={conversation}
              active={conversation.id === selectedId}
              closed={closed}
            />
          ))}
        </nav>
      </Stack>
    </Paper>
  );
}
