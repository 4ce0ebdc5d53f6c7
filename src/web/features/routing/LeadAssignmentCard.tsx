import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { LEADS_KEY } from '../leads/useLeads';
import { decisionText, skippedText } from './assignment-text';

/** "within 3 seconds", "within 2 minutes": how long the lead waited for its owner. */
function waited(seconds: number, t: TFunction): string {
  if (seconds < 60) return t('assignment.delaySeconds', { count: seconds });
  if (seconds < 3600) return t('assignment.delayMinutes', { count: Math.round(seconds / 60) });
  return t('assignment.delayHours', { count: Math.round(seconds / 3600) });
}

/** Why a lead has its owner: the rule and strategy that chose them, who was skipped and why, and how fast. */
export function LeadAssignmentCard({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: [...LEADS_KEY, leadId, 'assignment'],
    queryFn: () => api.routing.leadAssignment(leadId),
  });
  const a = query.data?.current;
  const sla = query.data?.sla;
  if (!a && !sla) return null;
  const skipped = a ? skippedText(a.candidates, t) : null;
  return (
    <Paper withBorder p="xs" data-testid="lead-assignment">
      <Stack gap={4}>
        <Title order={4} size="sm">
          {t('assignment.title')}
        </Title>
        {a ? <Text size="sm">{decisionText(a, t)}</Text> : null}
        {skipped ? (
          <Text size="xs" c="dimmed" data-testid="assignment-skipped">
            {skipped}
          </Text>
        ) : null}
        {a ? (
          <Text size="xs" c="dimmed">
            {formatDateTime(a.assignedAt)} · {waited(a.routingDelaySeconds, t)}
          </Text>
        ) : null}
        {sla ? (
          <Group gap={6} data-testid="lead-sla">
            {sla.firstContactAt ? (
              <Text size="xs">{t('assignment.contacted', { time: formatDateTime(sla.firstContactAt) })}</Text>
            ) : (
              <Text size="xs" c={sla.overdue ? 'red' : undefined} fw={sla.overdue ? 600 : undefined}>
                {t(sla.overdue ? 'assignment.overdueSince' : 'assignment.dueBy', {
                  time: formatDateTime(sla.dueAt),
                })}
              </Text>
            )}
            {sla.escalatedAt ? (
              <Badge size="xs" color="red" variant="light">
                {t('assignment.escalated')}
              </Badge>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
