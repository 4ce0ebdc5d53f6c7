import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WebhookEventStatus } from '../../lib/api';

const EVENT_COLORS: Record<WebhookEventStatus, string> = {
  pending: 'blue',
  processing: 'blue',
  processed: 'green',
  failed: 'red',
  test: 'gray',
};

// why: a status badge may shrink to "APDOR…" in a table column; it must stay readable.
const NO_TRUNCATION = { label: { overflow: 'visible' } } as const;

/** Whether the endpoint takes events: an inactive integration answers 404 to its sender. */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={active ? 'green' : 'gray'}
      variant="light"
      styles={NO_TRUNCATION}
      data-testid="integration-active"
      data-active={active}
    >
      {active ? t('integrations.active') : t('integrations.inactive')}
    </Badge>
  );
}

export function EventStatusBadge({ status }: { status: WebhookEventStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={EVENT_COLORS[status]} variant="light" styles={NO_TRUNCATION} data-status={status}>
      {t(`integrations.eventStatus.${status}`)}
    </Badge>
  );
}
