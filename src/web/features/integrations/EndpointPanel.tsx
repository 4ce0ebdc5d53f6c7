import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { CopyBlock } from '../../components/CopyBlock';
import { SecretOnceModal } from '../../components/SecretOnceModal';
import type { IntegrationDto } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { notifyProblem } from '../../lib/problems';
import { SigningHelp } from './SigningHelp';
import { useRotateSecret } from './useIntegrations';

/** Asks before replacing the secret, then shows the new one this once. */
function RotateSecret({ integration }: { integration: IntegrationDto }) {
  const { t } = useTranslation();
  const rotate = useRotateSecret(integration.id);
  const [asking, setAsking] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  const confirm = async () => {
    try {
      const rotated = await rotate.mutateAsync();
      setSecret(rotated.secret);
    } catch (error) {
      notifyProblem(error);
    } finally {
      setAsking(false);
    }
  };

  return (
    <>
      <Button
        variant="light"
        color="orange"
        leftSection={<IconRefresh size={16} />}
        onClick={() => setAsking(true)}
        data-testid="integration-rotate"
      >
        {t('integrations.rotate.action')}
      </Button>
      <ConfirmModal
        opened={asking}
        title={t('integrations.rotate.title')}
        message={t('integrations.rotate.message')}
        confirmLabel={t('integrations.rotate.confirm')}
        loading={rotate.isPending}
        onConfirm={() => void confirm()}
        onClose={() => setAsking(false)}
      />
      <SecretOnceModal
        secret={secret}
        title={t('integrations.rotate.done')}
        warning={t('integrations.rotate.warning')}
        label={t('integrations.secret')}
        onClose={() => setSecret(null)}
      />
    </>
  );
}

/** Where the sender posts, how it signs, and the secret's state (never the secret itself). */
export function EndpointPanel({ integration }: { integration: IntegrationDto }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="integration-endpoint-panel">
      <Stack gap="md">
        <Title order={4}>{t('integrations.endpointTitle')}</Title>
        <CopyBlock
          label={t('integrations.endpoint')}
          hint={integration.active ? undefined : t('integrations.inactiveHint')}
          value={integration.endpoint}
          testId="integration-endpoint"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('integrations.secret')}
          </Text>
          <Text size="sm" c="dimmed">
            {integration.secretRotatedAt
              ? t('integrations.secretRotatedAt', { time: formatDateTime(integration.secretRotatedAt) })
              : t('integrations.secretHidden')}
          </Text>
          {integration.previousSecretValidUntil ? (
            <Text size="sm" c="orange" data-testid="integration-previous-secret">
              {t('integrations.previousSecret', {
                time: formatDateTime(integration.previousSecretValidUntil),
              })}
            </Text>
          ) : null}
          <div>
            <RotateSecret integration={integration} />
          </div>
        </Stack>
        <Title order={5}>{t('integrations.signing.title')}</Title>
        <SigningHelp integration={integration} />
      </Stack>
    </Paper>
  );
}
