import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { notifyProblem } from '../../lib/problems';
import { LEADS_KEY } from '../leads/useLeads';
import { SCORING_KEY } from './useScoring';

const percent = (n: number) => formatNumber(n, { style: 'percent', maximumFractionDigits: 0 });

/** The predictive model's quality on held-out leads — or, plainly, why it is not used. */
export function PredictiveCard({ canTrain }: { canTrain: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const model = useQuery({ queryKey: [...SCORING_KEY, 'model'], queryFn: () => api.scoring.model() });
  const train = useMutation({
    mutationFn: () => api.scoring.trainModel(),
    onSuccess: (data) => {
      queryClient.setQueryData([...SCORING_KEY, 'model'], data);
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
    },
    onError: (e) => notifyProblem(e),
  });
  const data = model.data;
  const q = data?.quality;
  return (
    <Paper withBorder p="md" data-testid="predictive-model">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('predictive.title')}
          </Title>
          {canTrain ? (
            <Button
              variant="light"
              loading={train.isPending}
              onClick={() => train.mutate()}
              data-testid="predictive-train"
            >
              {t('predictive.train')}
            </Button>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {t('predictive.subtitle')}
        </Text>
        {data ? (
          <Text size="sm" fw={600} data-testid="predictive-status">
            {data.status === 'never_trained'
              ? t('predictive.neverTrained')
              : data.status === 'too_little_history'
                ? t('predictive.tooLittle', { positives: q?.positives ?? 0, negatives: q?.negatives ?? 0 })
                : data.status === 'not_useful'
                  ? t('predictive.notUseful', {
                      auc: formatNumber(q?.auc ?? 0, { maximumFractionDigits: 2 }),
                    })
                  : t('predictive.ok', {
                      auc: formatNumber(q?.auc ?? 0, { maximumFractionDigits: 2 }),
                      heldOut: formatNumber(q?.heldOut ?? 0),
                    })}
          </Text>
        ) : null}
        {data?.trainedAt ? (
          <Text size="xs" c="dimmed">
            {t('predictive.trainedAt', { time: formatDateTime(data.trainedAt) })}
          </Text>
        ) : null}
        {q?.calibration.length ? (
          <Table data-testid="predictive-calibration" maw={520}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('predictive.decile')}</Table.Th>
                <Table.Th ta="right">{t('predictive.predicted')}</Table.Th>
                <Table.Th ta="right">{t('predictive.actual')}</Table.Th>
                <Table.Th ta="right">{t('predictive.leads')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.calibration.map((d) => (
                <Table.Tr key={d.decile}>
                  <Table.Td>{d.decile}</Table.Td>
                  <Table.Td ta="right">{percent(d.predicted)}</Table.Td>
                  <Table.Td ta="right">{percent(d.actual)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(d.count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Paper>
  );
}
