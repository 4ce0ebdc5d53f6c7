import { Paper, Stack, Text, Title } from '@mantine/core';
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
  if (!a) return null;
  const skipped = skippedText(a.candidates, t);
  return (
    <Paper withBorder p="xs" data-testid="lead-assignment">
      <Stack gap={4}>
        <Title order={4} size="sm">
          {t('assignment.title')}
        </Title>
        <Text size="sm">{decisionText(a, t)}</Text>
        {skipped ? (
          <Text size="xs" c="dimmed" data-testid="assignment-skipped">
            {skipped}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed">
          {formatDateTime(a.assignedAt)} · {waited(a.routingDelaySeconds, t)}
        </Text>
      </Stack>
    </Paper>
  );
}
