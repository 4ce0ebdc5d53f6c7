import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ENGAGEMENT_KINDS } from '../../../domain/engagement/engagement';
import { ListTable } from '../../components/ListTable';
import type { EngagementDto } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useContentEngagements } from './useContent';

/** How often each kind of engagement happened: views, clicks, likes, reactions, shares, comments. */
export function EngagementCounts({ contentId }: { contentId: string }) {
  const { t } = useTranslation();
  const query = useContentEngagements(contentId);
  const counts = query.data?.counts;
  // why its own flag: the list refreshes itself every 15 s, and only a click should spin the button
  const [refreshing, setRefreshing] = useState(false);
  const refresh = async () => {
    setRefreshing(true);
    await query.refetch();
    setRefreshing(false);
  };

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid="content-counts">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Title order={3}>{t('content.engagement.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('content.engagement.hint')}
            </Text>
          </Stack>
          <Button
            variant="default"
            size="compact-sm"
            leftSection={<IconRefresh size={14} />}
            loading={refreshing}
            onClick={() => void refresh()}
            style={{ flexShrink: 0 }}
            data-testid="content-engagements-refresh"
          >
            {t('content.engagement.refresh')}
          </Button>
        </Group>
        {counts ? (
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
            {ENGAGEMENT_KINDS.map((kind) => (
              <Paper key={kind} withBorder p="xs" radius="sm">
                <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                  {t(`content.counts.${kind}`)}
                </Text>
                <Text size="xl" fw={600} data-testid={`content-count-${kind}`}>
                  {formatNumber(counts[kind])}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Who engaged: a known person by name, else an anonymous visitor. */
function Who({ engagement }: { engagement: EngagementDto }) {
  const { t } = useTranslation();
  if (engagement.personId === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('content.engagement.anonymous')}
      </Text>
    );
  }
  return (
    <Anchor
      component={Link}
      to={`/people/${engagement.personId}`}
      size="sm"
      data-testid="content-engagement-person"
    >
      {engagement.personName ?? t('content.engagement.unnamed')}
    </Anchor>
  );
}

/** The latest engagement with a content item, newest first: when, what, who, and the lead it touched. */
export function LatestEngagements({ contentId }: { contentId: string }) {
  const { t } = useTranslation();
  const query = useContentEngagements(contentId);
  const items = query.data?.items ?? [];

  return (
    <Stack gap="sm">
      <Title order={3}>{t('content.engagement.latest')}</Title>
      <ListTable
        query={query}
        count={items.length}
        emptyText={t('content.engagement.empty')}
        minWidth={640}
        testId="content-engagements-table"
        columns={[
          { label: t('content.engagement.time') },
          { label: t('content.engagement.kind') },
          { label: t('content.engagement.who') },
          { label: t('content.engagement.lead') },
        ]}
      >
        {items.map((engagement) => (
          <Table.Tr key={engagement.id} data-testid="content-engagement-row" data-kind={engagement.kind}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(engagement.occurredAt)}</Table.Td>
            <Table.Td>{t(`content.engagementKinds.${engagement.kind}`)}</Table.Td>
            <Table.Td>
              <Who engagement={engagement} />
            </Table.Td>
            <Table.Td>
              {engagement.leadId ? (
                <Anchor
                  component={Link}
                  to={`/leads/${engagement.leadId}`}
                  size="sm"
                  aria-label={`${t('content.engagement.openLead')}: ${engagement.personName ?? t('content.engagement.anonymous')}, ${formatDateTime(engagement.occurredAt)}`}
                >
                  {t('content.engagement.openLead')}
                </Anchor>
              ) : (
                t('common.none')
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}
