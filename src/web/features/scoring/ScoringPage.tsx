import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RowActions } from '../../components/RowActions';
import { currentLocale } from '../../i18n';
import { mayConfigureScoring } from '../../lib/access';
import type { ScoreModelDto, ScoringRuleDto, ScoringSettingsDto } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { notifyProblem, notifySuccess, problemMessage } from '../../lib/problems';
import { useModalState } from '../../lib/useModalState';
import { useCurrentUser } from '../auth/useSession';
import { PredictiveCard } from './PredictiveCard';
import { RuleModal } from './RuleModal';
import { ruleText, signedPoints } from './rule-text';
import { ScoreSettingsForm } from './ScoreSettingsForm';
import {
  useAddRule,
  useAddScore,
  useDeleteRule,
  useScoringSettings,
  useUpdateRule,
  useUpdateScore,
} from './useScoring';
import { useValueNames } from './useValueNames';

function RescoreProgress({ run }: { run: ScoringSettingsDto['rescore'] }) {
  const { t } = useTranslation();
  if (!run) return null;
  if (run.status === 'running') {
    const percent = run.total ? Math.round((run.done / run.total) * 100) : 0;
    return (
      <Paper withBorder p="sm" data-testid="rescore-progress">
        <Text size="sm" mb={4}>
          {t('scoring.rescoring', { done: formatNumber(run.done), total: formatNumber(run.total) })}
        </Text>
        <Progress value={percent} animated />
      </Paper>
    );
  }
  return (
    <Text size="sm" c="dimmed" data-testid="rescore-done">
      {t('scoring.rescored', { total: formatNumber(run.total), time: formatDateTime(run.finishedAt) })}
    </Text>
  );
}

function ScoreSection({ score, canChange }: { score: ScoreModelDto; canChange: boolean }) {
  const { t } = useTranslation();
  const names = useValueNames();
  const ruleModal = useModalState<ScoringRuleDto | null>();
  const addRule = useAddRule();
  const updateRule = useUpdateRule();
  const deleteRule = useDeleteRule();
  const updateScore = useUpdateScore();
  const name = currentLocale() === 'lt' ? score.nameLt : score.nameEn;
  return (
    <Paper withBorder p="md" data-testid={`score-${score.id}`}>
      <Stack>
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={3} size="h4">
              {name}
            </Title>
            {score.primary ? <Badge variant="light">{t('scoring.primary')}</Badge> : null}
          </Group>
          {canChange ? (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => ruleModal.open(null)}
              data-testid="add-rule"
            >
              {t('scoring.addRule')}
            </Button>
          ) : null}
        </Group>
        <ScoreSettingsForm
          key={score.version}
          score={score}
          readOnly={!canChange}
          onSubmit={async (input) => {
            await updateScore.mutateAsync({ id: score.id, input });
            notifySuccess(t('scoring.saved'));
          }}
        />
        {score.rules.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('scoring.noRules')}
          </Text>
        ) : (
          <Table data-testid="scoring-rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('scoring.rule.rule')}</Table.Th>
                <Table.Th>{t('scoring.rule.group')}</Table.Th>
                <Table.Th ta="right">{t('scoring.rule.points')}</Table.Th>
                {canChange ? <Table.Th w={90} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {score.rules.map((rule) => (
                <Table.Tr key={rule.id} data-testid="scoring-rule">
                  <Table.Td>
                    <Text size="sm">{ruleText(rule, t, names)}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`scoring.kinds.${rule.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{rule.group ?? '—'}</Table.Td>
                  <Table.Td ta="right" c={rule.points < 0 ? 'red' : undefined}>
                    {signedPoints(rule.points)}
                  </Table.Td>
                  {canChange ? (
                    <Table.Td>
                      <RowActions
                        onEdit={() => ruleModal.open(rule)}
                        onDelete={() => deleteRule.mutate(rule.id, { onError: (e) => notifyProblem(e) })}
                        deleteLabel={t('scoring.deleteRule')}
                      />
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <RuleModal
        opened={ruleModal.opened}
        scoreId={score.id}
        rule={ruleModal.value}
        onClose={ruleModal.close}
        onSave={async (input) => {
          const rule = ruleModal.value;
          if (rule) await updateRule.mutateAsync({ id: rule.id, input });
          else await addRule.mutateAsync(input);
          notifySuccess(t('scoring.saved'));
        }}
      />
    </Paper>
  );
}

/** Scoring rules and scores: marketing and admins edit, managers read; each change rescores every lead. */
export function ScoringPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const settings = useScoringSettings();
  const newScore = useModalState<true>();
  const addScore = useAddScore();
  const canChange = mayConfigureScoring(user, 'change');
  return (
    <>
      <PageHeader
        title={t('scoring.title')}
        subtitle={t('scoring.subtitle')}
        actions={
          canChange ? (
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() => newScore.open(true)}
              data-testid="add-score"
            >
              {t('scoring.addScore')}
            </Button>
          ) : null
        }
      />
      <Stack maw={1000}>
        {settings.isPending ? <Loader aria-label={t('app.loading')} /> : null}
        {settings.isError ? <Alert color="red">{problemMessage(settings.error)}</Alert> : null}
        {settings.data ? <RescoreProgress run={settings.data.rescore} /> : null}
        {settings.data?.scores.map((score) => (
          <ScoreSection key={score.id} score={score} canChange={canChange} />
        ))}
        {settings.data ? <PredictiveCard canTrain={canChange} /> : null}
      </Stack>
      <Modal opened={newScore.opened} onClose={newScore.close} title={t('scoring.addScore')} size="lg">
        {newScore.opened ? (
          <ScoreSettingsForm
            score={null}
            readOnly={false}
            onSubmit={async (input) => {
              await addScore.mutateAsync(input);
              newScore.close();
              notifySuccess(t('scoring.saved'));
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}
