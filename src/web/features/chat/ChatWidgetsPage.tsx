import { Anchor, Group, Table, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListTable, NewButton } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { WidgetStatusBadge } from './ChatBadges';
import { useChatWidgets, useMayManageChatWidgets } from './useChat';

/** The way back up: from the widgets to the conversations, from one widget to the widgets. */
export function BackLink({ to }: { to: 'conversations' | 'widgets' }) {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to={to === 'widgets' ? '/chat/widgets' : '/chat'}
      size="sm"
      mb="xs"
      style={{ display: 'inline-flex', gap: 4 }}
    >
      <IconArrowLeft size={16} />
      {to === 'widgets' ? t('chat.backToWidgets') : t('chat.backToConversations')}
    </Anchor>
  );
}

/** `/chat/widgets`: the chat widgets a site can embed, and the way to a new one. */
export function ChatWidgetsPage() {
  const { t } = useTranslation();
  const widgets = useChatWidgets();
  const mayManage = useMayManageChatWidgets();
  const list = widgets.data ?? [];
  return (
    <>
      <BackLink to="conversations" />
      <PageHeader
        title={t('chat.widgets')}
        subtitle={t('chat.widgetsSubtitle')}
        actions={
          mayManage ? (
            <NewButton to="/chat/widgets/new" testId="chat-widgets-new">
              {t('chat.newWidget')}
            </NewButton>
          ) : null
        }
      />
      <ListTable
        query={widgets}
        count={list.length}
        emptyText={t('chat.noWidgets')}
        minWidth={600}
        testId="chat-widgets-table"
        columns={[
          { label: t('chat.widgetName') },
          { label: t('chat.widgetStatusLabel') },
          { label: t('chat.allowedOrigins') },
          { label: t('chat.updatedAt') },
        ]}
      >
        {list.map((widget) => (
          <Table.Tr key={widget.id} data-testid="chat-widgets-row">
            <Table.Td fw={500}>
              <Anchor component={Link} to={`/chat/widgets/${widget.id}`}>
                {widget.name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <WidgetStatusBadge status={widget.status} />
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {widget.allowedOrigins.length ? (
                  widget.allowedOrigins.map((origin) => (
                    <Text key={origin} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {origin}
                    </Text>
                  ))
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('chat.anySite')}
                  </Text>
                )}
              </Group>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(widget.updatedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </>
  );
}
