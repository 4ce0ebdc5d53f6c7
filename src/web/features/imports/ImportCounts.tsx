import { Alert, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportDto } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { countsCheck, isActive, OUTCOMES, type Outcome } from './import-view';

const COLORS: Record<Outcome, string> = {
  created: 'green',
  updated: 'blue',
  skipped: 'gray',
  rejected: 'red',
};

/** How far the server has read the file, moving while it works. */
export function ImportProgress({ imp }: { imp: ImportDto }) {
  const { t } = useTranslation();
  const percent = Math.round(imp.progress * 100);
  return (
    <Stack gap={4}>
      <Progress
        value={percent}
        animated={isActive(imp.status)}
        size="lg"
        aria-label={t('imports.statusLabel')}
        data-testid="import-progress"
        data-value={percent}
      />
      <Text size="sm" c="dimmed">
        {imp.total === null
          ? t('imports.detail.progressUnknown', { done: imp.rowsDone })
          : t('imports.detail.progress', { done: imp.rowsDone, total: imp.total })}
      </Text>
    </Stack>
  );
}

function Count({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: number;
  color?: string;
  testId: string;
}) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz="xl" fw={700} c={color} data-testid={testId} data-value={value}>
        {formatNumber(value)}
      </Text>
    </Paper>
  );
}

/**
 * The four outcomes and the rows in the file, with the check that every row is counted once. A dry
 * run's counts say what would happen.
 */
export function ImportCounts({ imp }: { imp: ImportDto }) {
  const { t } = useTranslation();
  const preview = imp.dryRun;
  const check = countsCheck(imp);
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        {OUTCOMES.map((outcome) => (
          <Count
            key={outcome}
            label={preview ? t(`imports.wouldCounts.${outcome}`) : t(`imports.counts.${outcome}`)}
            value={imp[outcome]}
            color={imp[outcome] > 0 ? COLORS[outcome] : undefined}
            testId={`import-count-${outcome}`}
          />
        ))}
        <Count label={t('imports.detail.total')} value={imp.total ?? imp.rowsDone} testId="import-total" />
      </SimpleGrid>
      {check === null ? null : check.ok ? (
        <Text size="sm" c="dimmed" data-testid="import-counts-check" data-ok="true">
          {t('imports.detail.countsAddUp')}
        </Text>
      ) : (
        <Alert color="red" data-testid="import-counts-check" data-ok="false">
          {t('imports.detail.countsMismatch', { total: check.total })}
        </Alert>
      )}
    </Stack>
  );
}
