import { Button, Group, Stack, Title } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../lib/api';
import { notifyProblem, notifySuccess } from '../../lib/problems';
import { EditLeadModal } from './EditLeadModal';
import { StageBadge, TemperatureBadge } from './LeadBadges';
import { useMoveToBin } from './useLeads';

/** Title, stage and temperature of a lead; editing its own fields; moving it to the bin (restorable). */
export function LeadHeader({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const moveToBin = useMoveToBin();
  // `round` gives each opening a form filled from the lead as it is now.
  const [editing, setEditing] = useState({ opened: false, round: 0 });
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
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconPencil size={16} />}
            onClick={() => setEditing((old) => ({ opened: true, round: old.round + 1 }))}
          >
            {t('common.edit')}
          </Button>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            loading={moveToBin.isPending}
            onClick={remove}
          >
            {t('leads.moveToBin')}
          </Button>
        </Group>
      )}
      <EditLeadModal
        key={editing.round}
        lead={lead}
        opened={editing.opened}
        onClose={() => setEditing((old) => ({ ...old, opened: false }))}
      />
    </Group>
  );
}
