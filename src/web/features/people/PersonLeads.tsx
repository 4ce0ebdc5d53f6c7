import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isLeadStage } from '../../../domain/leads/stages';
import type { PersonLead } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { StageBadge } from '../leads/LeadBadges';

/** Every lead of the person one may see: earlier episodes stay visible when they come back. */
export function PersonLeads({ leads }: { leads: PersonLead[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="person-leads">
      <Title order={3} size="h4" mb="sm">
        {t('people.leads', { count: leads.length })}
      </Title>
      {leads.length === 0 ? <Text c="dimmed">{t('people.noLeads')}</Text> : null}
      <Stack gap="xs">
        {leads.map((lead) => (
          <Group key={lead.id} justify="space-between" gap="xs" wrap="nowrap" data-testid="person-lead">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/leads/${lead.id}`} fw={500} size="sm">
                {lead.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t('people.leadCreated', { date: formatDate(lead.createdAt) })}
              </Text>
            </div>
            {isLeadStage(lead.stage) ? <StageBadge stage={lead.stage} /> : null}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
