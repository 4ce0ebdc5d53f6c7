import { Badge, Checkbox, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconChecklist,
  IconInfoCircle,
  IconMail,
  IconMessages,
  IconNote,
  IconPhone,
  IconUsers,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ActivityDto } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { callSummary, systemEventDetails, systemEventTitle } from './timeline-text';

const ICONS = {
  note: IconNote,
  call: IconPhone,
  meeting: IconUsers,
  email: IconMail,
  task: IconChecklist,
  system: IconInfoCircle,
  chat: IconMessages,
} as const;

const COLORS = {
  note: 'yellow',
  call: 'teal',
  meeting: 'grape',
  email: 'blue',
  task: 'indigo',
  system: 'gray',
  chat: 'cyan',
};

function titleOf(activity: ActivityDto, t: TFunction): string {
  if (activity.type === 'system') return systemEventTitle(activity, t);
  const kind = t(`timeline.types.${activity.type}`);
  return activity.subject ? `${kind}: ${activity.subject}` : kind;
}

function detailsOf(activity: ActivityDto, t: TFunction): string[] {
  if (activity.type === 'system') return systemEventDetails(activity, t);
  if (activity.type === 'call') return [callSummary(activity, t)].filter(Boolean);
  const { attendees, endsAt } = activity.data;
  const details: string[] = [];
  if (typeof endsAt === 'string') details.push(t('timeline.until', { time: formatDateTime(endsAt) }));
  if (Array.isArray(attendees) && attendees.length > 0) {
    details.push(t('timeline.attendees', { names: attendees.map(String).join(', ') }));
  }
  return details;
}

interface TimelineEntryProps {
  activity: ActivityDto;
  onDoneChange: (activity: ActivityDto, done: boolean) => void;
  savingDone: boolean;
}

/**
 * One timeline entry. Subjects and bodies are user text and are rendered as React text nodes
 * (never as HTML), keeping line breaks with `pre-wrap`.
 */
export function TimelineEntry({ activity, onDoneChange, savingDone }: TimelineEntryProps) {
  const { t } = useTranslation();
  const Icon = ICONS[activity.type];
  const overdue = activity.overdue;
  return (
    <Group
      component="li"
      align="flex-start"
      wrap="nowrap"
      gap="sm"
      data-testid="timeline-item"
      data-type={activity.type}
      data-overdue={overdue || undefined}
    >
      <ThemeIcon variant="light" radius="xl" color={overdue ? 'red' : COLORS[activity.type]}>
        <Icon size={16} />
      </ThemeIcon>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text fw={500} size="sm" c={overdue ? 'red' : undefined} style={{ overflowWrap: 'anywhere' }}>
            {titleOf(activity, t)}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(activity.occurredAt)}
          </Text>
        </Group>
        {detailsOf(activity, t).map((detail) => (
          <Text key={detail} size="sm" c="dimmed">
            {detail}
          </Text>
        ))}
        {activity.body ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {activity.body}
          </Text>
        ) : null}
        {activity.type === 'task' ? (
          <Group gap="sm">
            <Text size="sm" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined}>
              {t('timeline.due', { time: formatDateTime(activity.dueAt) })}
            </Text>
            {overdue ? (
              <Badge color="red" variant="filled" size="sm">
                {t('timeline.overdue')}
              </Badge>
            ) : null}
            <Checkbox
              label={t('timeline.done')}
              checked={activity.doneAt !== null}
              disabled={savingDone}
              onChange={(e) => onDoneChange(activity, e.currentTarget.checked)}
            />
          </Group>
        ) : null}
      </Stack>
    </Group>
  );
}
