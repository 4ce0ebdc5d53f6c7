import { Paper, Tabs } from '@mantine/core';
import { IconHistory, IconTimeline } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../lib/api';
import { LeadHistory } from './LeadHistory';
import { LeadTimeline } from './LeadTimeline';

/**
 * What happened to a lead: its timeline (activities) and its history (stage, owner and temperature
 * changes). A lead in the bin has no timeline to show, but keeps its history.
 */
export function LeadTabs({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const binned = lead.deletedAt !== null;
  return (
    // why the key: a lead moved to the bin loses its timeline tab, so the open tab starts over.
    <Paper withBorder p="md" key={binned ? 'binned' : 'live'}>
      <Tabs defaultValue={binned ? 'history' : 'timeline'} keepMounted={false}>
        <Tabs.List mb="md">
          {binned ? null : (
            <Tabs.Tab value="timeline" leftSection={<IconTimeline size={16} />} data-testid="tab-timeline">
              {t('timeline.title')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="tab-history">
            {t('leadHistory.title')}
          </Tabs.Tab>
        </Tabs.List>
        {binned ? null : (
          <Tabs.Panel value="timeline">
            <LeadTimeline leadId={lead.id} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="history">
          <LeadHistory lead={lead} />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
