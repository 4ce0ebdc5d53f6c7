import { Button, Group, Stack, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../lib/api';
import { notifyProblem, notifySuccess } from '../../lib/problems';
import { StageBadge, TemperatureBadge } from './LeadBadges';
import { useMoveToBin } from './useLeads';

/** Title, stage and temperature of a lead, and moving it to the bin (restorable from the list's bin). */
export function LeadHeader({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const moveToBin = useMoveToBin();
  const remove = () =>
    moveToBin.mutate(lead.id, {
      onSuccess: () => notifySuccess(t('leads.movedToBin', { title: lead.title })),
      onError: (error) => notifyProblem(error),
    });
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="sm">
      <Stack gap={6} style={{ minWidth: 0 }}>
        <Title order={2} style={{ overflowWrap: 'anywhere' }} data-testid="lead-title">
          {lead.title}
        </Title>
        <Group gap="xs">
          <StageBadge stage={lead.stage} />
          <TemperatureBadge temperature={lead.temperature} />
        </Group>
      </Stack>
      {lead.deletedAt ? null : (
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={16} />}
          loading={moveToBin.isPending}
          onClick={remove}
        >
          {t('leads.moveToBin')}
        </Button>
      )}
    </Group>
  );
}
