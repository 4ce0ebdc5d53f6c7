import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowMerge, IconCopy } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../../lib/api';
import { notifyProblem, notifySuccess } from '../../lib/problems';
import { useNotDuplicate } from './usePeople';

/** "same phone +37061234567, same e-mail ona@example.lt" */
export function matchedText(candidate: DuplicateCandidate, t: TFunction): string {
  return candidate.matchedOn.map((match) => `${t(`leads.matchedOn.${match.key}`)} ${match.value}`).join(', ');
}

/** People who share an e-mail or phone with this one: merge them, or say they are different people. */
export function PersonDuplicates({
  personId,
  duplicates,
}: {
  personId: string;
  duplicates: DuplicateCandidate[];
}) {
  const { t } = useTranslation();
  const notDuplicate = useNotDuplicate(personId);
  const people = duplicates.filter((candidate) => candidate.kind === 'person');

  const dismiss = (candidate: DuplicateCandidate) =>
    notDuplicate.mutate(candidate.id, {
      onSuccess: () => notifySuccess(t('people.notDuplicateDone', { name: candidate.name })),
      onError: (error) => notifyProblem(error),
    });

  return (
    <Paper withBorder p="md" data-testid="person-duplicates">
      <Title order={3} size="h4" mb="sm">
        {t('people.duplicates')}
      </Title>
      {people.length === 0 ? <Text c="dimmed">{t('people.noDuplicates')}</Text> : null}
      <Stack gap="sm">
        {people.map((candidate) => (
          <Alert key={candidate.id} color="yellow" icon={<IconCopy size={18} />} data-testid="duplicate">
            <Group justify="space-between" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/people/${candidate.id}`} fw={500} size="sm">
                  {candidate.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {matchedText(candidate, t)}
                </Text>
              </div>
              <Group gap="xs">
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={notDuplicate.isPending && notDuplicate.variables === candidate.id}
                  onClick={() => dismiss(candidate)}
                >
                  {t('people.notDuplicate')}
                </Button>
                <Button
                  size="compact-sm"
                  component={Link}
                  to={`/people/${personId}/merge/${candidate.id}`}
                  leftSection={<IconArrowMerge size={14} />}
                >
                  {t('people.merge')}
                </Button>
              </Group>
            </Group>
          </Alert>
        ))}
      </Stack>
    </Paper>
  );
}
