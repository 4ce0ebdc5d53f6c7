import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import type { LeadScoreDto } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { ruleText, signedPoints, type ValueNames } from './rule-text';
import { useLeadScore } from './useScoring';
import { useValueNames } from './useValueNames';

type Score = LeadScoreDto['scores'][number];
type Line = Score['lines'][number];

/** A model feature ("source=web_form") as a person reads it: "Source: Web form". */
function factorText(feature: string, t: TFunction, names: ValueNames): string {
  const [key = '', value = ''] = feature.split('=');
  switch (key) {
    case 'source':
      return `${t('scoring.fields.lead.source')}: ${names.source?.(value) ?? value}`;
    case 'email':
      return `${t('scoring.fields.email.kind')}: ${t(`scoring.emailKinds.${value as 'free'}`)}`;
    case 'title':
      return `${t('scoring.fields.person.jobTitle')}: ${t(`predictive.titles.${value as 'senior'}`)}`;
    case 'temperature':
      return `${t('scoring.fields.lead.temperature')}: ${value === 'none' ? '—' : t(`temperatures.${value as 'hot'}`)}`;
    default:
      return t(`predictive.features.${key as 'size'}`, { value });
  }
}

function lineText(line: Line, t: TFunction, names: ValueNames): string {
  if (line.kind === 'cap')
    return line.group
      ? t('scoring.breakdown.groupCap', { group: line.group })
      : t('scoring.breakdown.totalCap');
  if (!line.rule) return t('scoring.breakdown.deletedRule');
  const text = ruleText(line.rule, t, names);
  return line.count && line.count > 1 ? t('scoring.breakdown.times', { text, count: line.count }) : text;
}

function lineWhen(line: Line, t: TFunction): string {
  if (line.kind === 'behaviour') return t('scoring.breakdown.latest', { time: formatDateTime(line.at) });
  if (line.kind === 'fit') return t('scoring.breakdown.since', { time: formatDateTime(line.at) });
  return '';
}

function ScoreBreakdown({ score, names }: { score: Score; names: ValueNames }) {
  const { t } = useTranslation();
  const name = currentLocale() === 'lt' ? score.nameLt : score.nameEn;
  return (
    <Stack gap={4} data-testid={`lead-score-${score.scoreId}`}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {name}
        </Text>
        <Group gap={6} wrap="nowrap">
          <Text fw={700} data-testid="lead-score-total">
            {formatNumber(score.total)}
          </Text>
          {score.reaches !== 'suspect' ? (
            <Badge size="sm" variant="light" color={score.reaches === 'sql' ? 'teal' : 'blue'}>
              {t(`stageShort.${score.reaches}`)}
            </Badge>
          ) : null}
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('scoring.breakdown.thresholds', { mql: score.mqlThreshold, sql: score.sqlThreshold })}
      </Text>
      {score.lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('scoring.breakdown.none')}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" data-testid="lead-score-lines">
          <Table.Tbody>
            {score.lines.map((line) => (
              <Table.Tr key={`${line.kind}-${line.ruleId ?? line.group ?? 'total'}`}>
                <Table.Td>
                  <Text size="sm">{lineText(line, t, names)}</Text>
                  <Text size="xs" c="dimmed">
                    {lineWhen(line, t)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" c={line.points < 0 ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {signedPoints(line.points)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** A lead's score and why: each rule that gave points, how many and since when (behaviour: the latest time). */
export function LeadScoreCard({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const score = useLeadScore(leadId);
  const names = useValueNames();
  const scores = score.data?.scores.filter((s) => s.lines.length > 0 || s.primary) ?? [];
  const prediction = score.data?.prediction;
  if (scores.length === 0 && !prediction) return null;
  return (
    <Paper withBorder p="xs" data-testid="lead-score">
      <Stack gap="sm">
        <Title order={4} size="sm">
          {t('scoring.breakdown.title')}
        </Title>
        {scores.map((s) => (
          <ScoreBreakdown key={s.scoreId} score={s} names={names} />
        ))}
        {prediction ? (
          <Stack gap={2} data-testid="lead-prediction">
            <Text size="sm">
              {t('predictive.chance', {
                chance: formatNumber(prediction.probability, { style: 'percent', maximumFractionDigits: 0 }),
              })}
            </Text>
            <Text size="xs" c="dimmed">
              {prediction.factors.map((f) => factorText(f.feature, t, names)).join(' · ')}
            </Text>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
