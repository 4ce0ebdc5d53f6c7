import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChatWidgetStatus, ConversationStatus } from '../../lib/api';

const CONVERSATION_COLORS: Record<ConversationStatus, string> = {
  bot: 'grape',
  waiting: 'orange',
  human: 'green',
  closed: 'gray',
};

// why: a badge in a narrow list must stay readable rather than shrink to "LAUK…".
const NO_TRUNCATION = { label: { overflow: 'visible' } } as const;

export function ConversationStatusBadge({ status }: { status: ConversationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={CONVERSATION_COLORS[status]}
      variant={status === 'waiting' ? 'filled' : 'light'}
      styles={NO_TRUNCATION}
      data-testid="chat-status-badge"
      data-status={status}
    >
      {t(`chat.status.${status}`)}
    </Badge>
  );
}

export function WidgetStatusBadge({ status }: { status: ChatWidgetStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'active' ? 'green' : 'dark'} variant="light" styles={NO_TRUNCATION}>
      {t(`chat.widgetStatus.${status}`)}
    </Badge>
  );
}
