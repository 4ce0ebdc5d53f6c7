import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListTable, NewButton } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import type { IntegrationDto } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { MessagePage } from '../home/MessagePage';
import { ActiveBadge, EventStatusBadge } from './IntegrationBadges';
import { useIntegrations, useMayManageIntegrations } from './useIntegrations';

/** When the newest event arrived and what became of it (the list answer carries it). */
function LastEvent({ last }: { last: IntegrationDto['lastEvent'] }) {
  const { t } = useTranslation();
  if (last === null)
    return (
      <Text size="sm" c="dimmed">
        {t('integrations.noEventsYet')}
      </Text>
    );
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(last.receivedAt)}
      </Text>
      <EventStatusBadge status={last.status} />
    </Group>
  );
}

function Count({
  integration,
  status,
}: {
  integration: IntegrationDto;
  status: keyof IntegrationDto['counts'];
}) {
  const count = integration.counts[status];
  if (count === 0) return <>{formatNumber(0)}</>;
  return (
    <Anchor
      component={Link}
      to={`/integrations/${integration.id}?tab=events&status=${status}`}
      c={status === 'failed' ? 'red' : undefined}
    >
      {formatNumber(count)}
    </Anchor>
  );
}

/** The inbound webhooks, newest first: their preset, whether they take events, the last one, and what came of them. */
export function IntegrationsListPage() {
  const { t } = useTranslation();
  const mayManage = useMayManageIntegrations();
  if (!mayManage) return <MessagePage title={t('app.noAccess')} text={t('integrations.noAccessText')} />;
  return <IntegrationsList />;
}

function IntegrationsList() {
  const { t } = useTranslation();
  const integrations = useIntegrations();
  const list = integrations.data ?? [];

  return (
    <>
      <PageHeader
        title={t('integrations.title')}
        subtitle={
          integrations.data ? t('integrations.count', { count: list.length }) : t('integrations.subtitle')
        }
        actions={
          <NewButton to="/integrations/new" testId="integrations-new">
            {t('integrations.new')}
          </NewButton>
        }
      />
      <ListTable
        query={integrations}
        count={list.length}
        emptyText={t('integrations.empty')}
        minWidth={860}
        testId="integrations-table"
        columns={[
          { label: t('integrations.name') },
          { label: t('integrations.kind') },
          { label: t('integrations.statusLabel') },
          { label: t('integrations.lastEvent') },
          { label: t('integrations.counts.processed'), right: true },
          { label: t('integrations.counts.failed'), right: true },
          { label: t('integrations.counts.pending'), right: true },
          { label: t('integrations.counts.test'), right: true },
        ]}
      >
        {list.map((integration) => (
          <Table.Tr key={integration.id} data-testid="integrations-row">
            <Table.Td fw={500}>
              <Anchor component={Link} to={`/integrations/${integration.id}`}>
                {integration.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`integrations.kinds.${integration.kind}`)}</Table.Td>
            <Table.Td>
              <ActiveBadge active={integration.active} />
            </Table.Td>
            <Table.Td>
              <LastEvent last={integration.lastEvent} />
            </Table.Td>
            {(['processed', 'failed', 'pending', 'test'] as const).map((status) => (
              <Table.Td key={status} ta="right">
                <Count integration={integration} status={status} />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </ListTable>
    </>
  );
}
