import { Alert, Badge, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { durationParts, stageDurations } from '../../../domain/leads/stage-durations';
import type { Lead, LeadHistoryEntryDto } from '../../lib/api';
import { formatDateTime, formatDuration } from '../../lib/format';
import { problemMessage } from '../../lib/problems';
import { actorText, changeText, channelText, type UserNames } from './history-text';
import { useAssignableOwners } from './useLeadOptions';
import { useLeadHistory } from './useLeads';

/**
 * Owner ids to names: the people the caller may assign to, the lead's owner, and whoever made a
 * change. An owner known from none of them (another team's rep) shows as an unknown user.
 */
function useUserNames(lead: Lead, history: readonly LeadHistoryEntryDto[]): UserNames {
  const owners = useAssignableOwners();
  const names = new Map<string, string>();
  for (const entry of history)
    if (entry.actorId && entry.actorName) names.set(entry.actorId, entry.actorName);
  if (lead.ownerId && lead.ownerName) names.set(lead.ownerId, lead.ownerName);
  for (const owner of owners.data ?? []) names.set(owner.id, owner.name);
  return names;
}

/** Time in each stage reached, the current one up to now. */
function StageTimes({ history }: { history: readonly LeadHistoryEntryDto[] }) {
  const { t } = useTranslation();
  const durations = stageDurations(history, new Date().toISOString());
  if (durations.length === 0) return null;
  return (
    <Stack gap={4} mb="md" data-testid="stage-durations">
      <Text size="sm" fw={500}>
        {t('leadHistory.timeInStages')}
      </Text>
      {durations.map(({ stage, ms, current }) => {
        const parts = durationParts(ms);
        return (
          <Group key={stage} gap="xs" data-testid="stage-duration" data-stage={stage}>
            <Text size="sm">
              {t('leadHistory.stageTime', {
                stage: t(`stages.${stage}`),
                duration: parts.length ? formatDuration(parts) : t('leadHistory.underAMinute'),
              })}
            </Text>
            {current ? (
              <Badge size="xs" variant="light">
                {t('leadHistory.current')}
              </Badge>
            ) : null}
          </Group>
        );
      })}
    </Stack>
  );
}

/** A lead's stage, owner and temperature changes, newest first, with the time spent in each stage. */
export function LeadHistory({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const history = useLeadHistory(lead.id);
  const items = history.data ?? [];
  const names = useUserNames(lead, items);

  if (history.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (history.isError) return <Alert color="red">{problemMessage(history.error)}</Alert>;
  if (items.length === 0) return <Text c="dimmed">{t('leadHistory.empty')}</Text>;
  return (
    <>
      <StageTimes history={items} />
      <Title order={4} size="h5" mb="xs">
        {t('leadHistory.changes')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={6} fz="sm" data-testid="lead-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('leadHistory.when')}</Table.Th>
              <Table.Th>{t('leadHistory.what')}</Table.Th>
              <Table.Th>{t('leadHistory.who')}</Table.Th>
              <Table.Th>{t('leadHistory.channel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...items].reverse().map((entry) => (
              <Table.Tr
                key={`${entry.at}|${entry.field}|${entry.from}|${entry.to}`}
                data-testid="history-item"
                data-field={entry.field}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{changeText(entry, names, t)}</Table.Td>
                <Table.Td>{actorText(entry, t)}</Table.Td>
                <Table.Td>{channelText(entry.channel, t)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
