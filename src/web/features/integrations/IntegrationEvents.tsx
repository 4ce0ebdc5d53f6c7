import { Anchor, Button, Center, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryStatus } from '../../components/QueryStatus';
import type { WebhookEventDto, WebhookEventStatus } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { eventProblem } from './event-text';
import { EventStatusBadge } from './IntegrationBadges';
import { useWebhookEvents } from './useIntegrations';
import { useTargetName } from './useTargets';

const FILTERS = ['processed', 'failed', 'pending', 'test'] as const satisfies readonly WebhookEventStatus[];

/** Why an event did not become a lead: the problem, and each field the sender should fix. */
function Failure({ error }: { error: string | null }) {
  const { t } = useTranslation();
  const name = useTargetName();
  const problem = eventProblem(error);
  if (!problem) return null;
  const summary = problem.code
    ? t(`problems.${problem.code}` as 'problems.internal', { defaultValue: problem.message })
    : problem.message;
  return (
    <Stack gap={2} data-testid="event-error">
      <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }}>
        {summary}
      </Text>
      {problem.fields.map((field) => (
        <Text key={`${field.field}-${field.code}`} size="xs" c="red" style={{ overflowWrap: 'anywhere' }}>
          {name(field.field)}:{' '}
          {t(`fieldErrors.${field.code}` as 'fieldErrors.invalid', { defaultValue: field.message })}
        </Text>
      ))}
    </Stack>
  );
}

/** What became of an event: its lead, why it failed, or that it is a test or still waiting. */
function Outcome({ event }: { event: WebhookEventDto }) {
  const { t } = useTranslation();
  if (event.leadId) {
    return (
      <Anchor component={Link} to={`/leads/${event.leadId}`} size="sm" data-testid="event-lead">
        {t('integrations.events.openLead')}
      </Anchor>
    );
  }
  if (event.status === 'failed') return <Failure error={event.error} />;
  return (
    <Text size="sm" c="dimmed">
      {t(`integrations.events.outcome.${event.status}`)}
    </Text>
  );
}

function isFilter(value: string | null): value is (typeof FILTERS)[number] {
  return FILTERS.some((status) => status === value);
}

/** The events an integration received, newest first, in pages; `?status=` narrows them. */
export function IntegrationEvents({ integrationId }: { integrationId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('status');
  const status = isFilter(asked) ? asked : undefined;
  const query = useWebhookEvents(integrationId, status);
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  const filter = (next: string | null) =>
    setParams(
      (old) => {
        const out = new URLSearchParams(old);
        if (next && next !== 'all') out.set('status', next);
        else out.delete('status');
        return out;
      },
      { replace: true },
    );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('integrations.events.filter')}
          data={[
            { value: 'all', label: t('integrations.events.all') },
            ...FILTERS.map((value) => ({ value, label: t(`integrations.eventStatus.${value}`) })),
          ]}
          value={status ?? 'all'}
          onChange={filter}
          allowDeselect={false}
          w={220}
          data-testid="events-filter"
        />
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} />}
          loading={query.isRefetching && !query.isFetchingNextPage}
          onClick={() => void query.refetch()}
          data-testid="events-refresh"
        >
          {t('integrations.events.refresh')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('integrations.events.duplicatesHint')}
      </Text>
      <Paper withBorder p={0}>
        <QueryStatus query={query} empty={items.length === 0} emptyText={t('integrations.events.empty')} />
        {items.length > 0 ? (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" data-testid="events">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('integrations.events.received')}</Table.Th>
                  <Table.Th>{t('integrations.events.eventId')}</Table.Th>
                  <Table.Th>{t('integrations.statusLabel')}</Table.Th>
                  <Table.Th>{t('integrations.events.outcomeLabel')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((event) => (
                  <Table.Tr key={event.id} data-testid="event-row" data-status={event.status}>
                    <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                      {formatDateTime(event.receivedAt)}
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Text
                        size="sm"
                        ff="monospace"
                        style={{ overflowWrap: 'anywhere' }}
                        data-testid="event-id"
                      >
                        {event.eventId}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <EventStatusBadge status={event.status} />
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Outcome event={event} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {query.hasNextPage ? (
          <Center p="sm">
            <Button
              variant="subtle"
              loading={query.isFetchingNextPage}
              onClick={() => void query.fetchNextPage()}
              data-testid="events-more"
            >
              {t('integrations.events.more')}
            </Button>
          </Center>
        ) : null}
      </Paper>
    </Stack>
  );
}
