import { Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { NotificationDto } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What a notification says, per kind; kinds this screen does not know yet still show something. */
function linesOf(item: NotificationDto, t: TFunction): string[] {
  if (item.kind === 'lead_revisit_due') {
    const lines = [
      t('notifications.revisitDue', {
        title: text(item.data.title),
        date: formatDate(text(item.data.revisitOn)),
      }),
    ];
    if (text(item.data.competitor))
      lines.push(t('timeline.competitor', { competitor: text(item.data.competitor) }));
    return lines;
  }
  if (item.kind === 'lead_sql') return [t('notifications.leadSql', { title: text(item.data.title) })];
  if (item.kind === 'lead_sla_breached') {
    const args = { title: text(item.data.title), owner: text(item.data.owner) };
    return [
      text(item.data.reroutedTo)
        ? t('notifications.slaBreachedRerouted', { ...args, to: text(item.data.reroutedTo) })
        : t('notifications.slaBreached', args),
    ];
  }
  if (item.kind === 'lead_assigned') {
    const lines = [t('notifications.leadAssigned', { title: text(item.data.title) })];
    if (item.data.rerouted === true) lines.push(t('notifications.rerouted'));
    if (text(item.data.rule)) lines.push(t('assignment.byRule', { rule: text(item.data.rule) }));
    return lines;
  }
  return [t('notifications.other', { kind: item.kind })];
}

/** Where a notification leads: the lead it is about. */
export function targetOf(item: NotificationDto): string | null {
  return item.entityType === 'lead' ? `/leads/${item.entityId}` : null;
}

interface NotificationItemProps {
  item: NotificationDto;
  onOpen: (item: NotificationDto) => void;
}

/** One notification: bold with a dot while unread; a click marks it read and opens what it is about. */
export function NotificationItem({ item, onOpen }: NotificationItemProps) {
  const { t } = useTranslation();
  const unread = item.readAt === null;
  const [first, ...rest] = linesOf(item, t);
  return (
    <UnstyledButton
      onClick={() => onOpen(item)}
      p="xs"
      style={{ borderRadius: 'var(--mantine-radius-sm)', display: 'block', width: '100%' }}
      data-testid="notification-item"
      data-unread={unread || undefined}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Box
          mt={6}
          w={8}
          h={8}
          style={{ borderRadius: '50%', flex: 'none' }}
          bg={unread ? 'teal.6' : 'transparent'}
          aria-hidden
        />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={unread ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
            {first}
          </Text>
          {rest.map((line) => (
            <Text key={line} size="xs" c="dimmed">
              {line}
            </Text>
          ))}
          <Text size="xs" c="dimmed">
            {formatDateTime(item.createdAt)}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
