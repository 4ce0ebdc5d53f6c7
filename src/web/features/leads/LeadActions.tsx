import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import {
  IconCalendarTime,
  IconClockPause,
  IconFlame,
  IconNote,
  IconPhone,
  IconPlayerStop,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_STAGES, type OpenStage } from '../../../domain/leads/stages';
import type { Lead } from '../../lib/api';
import { notifyProblem, notifySuccess } from '../../lib/problems';
import { DisqualifyModal } from './DisqualifyModal';
import { LogCallModal } from './LogCallModal';
import { NoteModal } from './NoteModal';
import { ParkModal } from './ParkModal';
import { TaskModal } from './TaskModal';
import { TimeframeModal } from './TimeframeModal';
import { useChangeStage } from './useLeads';

type Action = 'call' | 'note' | 'task' | 'timeframe' | 'disqualify' | 'park';

/** The quick actions of a lead: log what happened, plan what comes, move it along its life cycle. */
export function LeadActions({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const changeStage = useChangeStage(lead.id);
  // `round` gives each opening fresh form state: the modal's key changes, its close animation stays.
  const [open, setOpen] = useState<{ action: Action | null; round: number }>({ action: null, round: 0 });
  const show = (action: Action) => setOpen((old) => ({ action, round: old.round + 1 }));
  const key = (action: Action) => `${action}-${open.round}`;
  const modal = (action: Action) => ({
    leadId: lead.id,
    opened: open.action === action,
    onClose: () => setOpen((old) => ({ ...old, action: null })),
  });
  const converted = lead.stage === 'converted';

  const moveTo = (stage: OpenStage) =>
    changeStage.mutate(
      { stage },
      {
        onSuccess: () => notifySuccess(t('leads.stageChanged', { stage: t(`stages.${stage}`) })),
        onError: (error) => notifyProblem(error),
      },
    );

  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Group gap="xs">
          <Button variant="light" leftSection={<IconPhone size={16} />} onClick={() => show('call')}>
            {t('activities.logCall')}
          </Button>
          <Button variant="light" leftSection={<IconNote size={16} />} onClick={() => show('note')}>
            {t('activities.addNote')}
          </Button>
          <Button variant="light" leftSection={<IconCalendarTime size={16} />} onClick={() => show('task')}>
            {t('activities.scheduleTask')}
          </Button>
          <Button variant="light" leftSection={<IconFlame size={16} />} onClick={() => show('timeframe')}>
            {t('leads.setTimeframe')}
          </Button>
        </Group>
        <Group gap="xs" align="center">
          <Text size="sm" c="dimmed">
            {t('leads.moveTo')}
          </Text>
          <Button.Group>
            {OPEN_STAGES.map((stage) => (
              <Button
                key={stage}
                variant={lead.stage === stage ? 'filled' : 'default'}
                disabled={converted || lead.stage === stage}
                loading={changeStage.isPending && changeStage.variables?.stage === stage}
                onClick={() => moveTo(stage)}
                title={t(`stages.${stage}`)}
                data-testid={`move-${stage}`}
              >
                {t(`stageShort.${stage}`)}
              </Button>
            ))}
          </Button.Group>
          <Button
            variant="default"
            color="yellow"
            leftSection={<IconClockPause size={16} />}
            disabled={converted || lead.stage === 'parked'}
            onClick={() => show('park')}
          >
            {t('leads.park')}
          </Button>
          <Button
            variant="default"
            color="red"
            leftSection={<IconPlayerStop size={16} />}
            disabled={converted || lead.stage === 'disqualified'}
            onClick={() => show('disqualify')}
          >
            {t('leads.disqualify')}
          </Button>
        </Group>
      </Stack>
      <LogCallModal key={key('call')} {...modal('call')} />
      <NoteModal key={key('note')} {...modal('note')} />
      <TaskModal key={key('task')} {...modal('task')} />
      <TimeframeModal key={key('timeframe')} {...modal('timeframe')} timeframe={lead.timeframe} />
      <DisqualifyModal key={key('disqualify')} {...modal('disqualify')} />
      <ParkModal key={key('park')} {...modal('park')} />
    </Paper>
  );
}
