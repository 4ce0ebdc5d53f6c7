import { Alert, Anchor, Badge, Group, Loader, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { intlLocale } from '../../i18n';
import { api } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { problemMessage } from '../../lib/problems';
import { LEADS_KEY } from '../leads/useLeads';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 40 minutes", "2 hours ago": how far a due time is from now. */
export function relativeTime(iso: string, now: number): string {
  const diff = Date.parse(iso) - now;
  const [unit, ms] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? ['minute', 60_000];
  return new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto' }).format(Math.round(diff / ms), unit);
}

function SlaCell({ dueAt, overdue, t }: { dueAt: string | null; overdue: boolean; t: TFunction }) {
  if (!dueAt)
    return (
      <Text size="sm" c="dimmed">
        {t('inbox.noClock')}
      </Text>
    );
  return (
    <Text
      size="sm"
      c={overdue ? 'red' : undefined}
      fw={overdue ? 600 : undefined}
      title={formatDateTime(dueAt)}
      data-testid="inbox-sla"
    >
      {t(overdue ? 'inbox.overdue' : 'inbox.due', { when: relativeTime(dueAt, Date.now()) })}
    </Text>
  );
}

/** "My new leads": my open leads nobody has contacted yet, the highest score first, with their first-response timers. */
export function InboxPage() {
  const { t } = useTranslation();
  const inbox = useQuery({
    queryKey: [...LEADS_KEY, 'inbox'],
    queryFn: () => api.routing.inbox(),
    refetchInterval: 30_000,
  });
  return (
    <>
      <PageHeader title={t('inbox.title')} subtitle={t('inbox.subtitle')} />
      {inbox.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {inbox.isError ? <Alert color="red">{problemMessage(inbox.error)}</Alert> : null}
      {inbox.data ? (
        <Paper withBorder p="md" maw={1100}>
          {inbox.data.items.length === 0 ? (
            <Text c="dimmed">{t('inbox.empty')}</Text>
          ) : (
            <Table data-testid="inbox">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('inbox.lead')}</Table.Th>
                  <Table.Th ta="right">{t('scoring.fields.lead.score')}</Table.Th>
                  <Table.Th>{t('scoring.fields.lead.temperature')}</Table.Th>
                  <Table.Th>{t('inbox.firstContact')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {inbox.data.items.map((lead) => (
                  <Table.Tr key={lead.id} data-testid="inbox-lead">
                    <Table.Td>
                      <Anchor component={Link} to={`/leads/${lead.id}`} size="sm" fw={600}>
                        {lead.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {[lead.personName, lead.organisationName].filter(Boolean).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(lead.score)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge
                          variant="light"
                          color={
                            lead.temperature === 'hot'
                              ? 'red'
                              : lead.temperature === 'warm'
                                ? 'orange'
                                : 'blue'
                          }
                        >
                          {t(`temperatures.${lead.temperature}`)}
                        </Badge>
                        {lead.stage !== 'suspect' ? (
                          <Badge variant="outline">{t(`stageShort.${lead.stage}`)}</Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <SlaCell dueAt={lead.dueAt} overdue={lead.overdue} t={t} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      ) : null}
    </>
  );
}
