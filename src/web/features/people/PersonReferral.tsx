import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CopyBlock } from '../../components/CopyBlock';
import { api } from '../../lib/api';
import { problemMessage } from '../../lib/problems';

/**
 * The person's personal referral link: it opens the active referral form, whoever it brings in is
 * recorded as referred by them, and their lead's owner gets a thank-you task. One live link per
 * person: asking again shows the same link.
 */
export function PersonReferral({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation();
  const link = useMutation({ mutationFn: () => api.people.referralLink(personId) });
  return (
    <Paper withBorder p="md" data-testid="person-referral">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('people.referral.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('people.referral.hint', { name })}
        </Text>
        {link.data ? (
          <CopyBlock label={t('people.referral.link')} value={link.data.url} testId="person-referral-link" />
        ) : (
          <Button
            variant="light"
            leftSection={<IconShare size={16} />}
            loading={link.isPending}
            onClick={() => link.mutate()}
            data-testid="person-referral-make"
            style={{ alignSelf: 'flex-start' }}
          >
            {t('people.referral.make')}
          </Button>
        )}
        {link.isError ? <Alert color="red">{problemMessage(link.error)}</Alert> : null}
      </Stack>
    </Paper>
  );
}
