import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CopyBlock } from '../../components/CopyBlock';
import type { IntegrationWithSecretDto } from '../../lib/api';
import { SigningHelp } from './SigningHelp';

/**
 * Right after creating: the endpoint and the signing secret to give the sender, this one time.
 * The secret lives only in this screen's state — leaving it is the end of it.
 */
export function SecretCreated({ created }: { created: IntegrationWithSecretDto }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid="integration-created">
      <Stack gap="md">
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="integration-secret-warning">
          {t('integrations.created.warning')}
        </Alert>
        <CopyBlock
          label={t('integrations.endpoint')}
          value={created.endpoint}
          testId="integration-endpoint"
        />
        <CopyBlock
          label={t('integrations.secret')}
          hint={t('integrations.created.secretHint')}
          value={created.secret}
          testId="integration-secret"
        />
        <Title order={5}>{t('integrations.signing.title')}</Title>
        <SigningHelp integration={created} secret={created.secret} />
        <Group justify="flex-end">
          <Button
            component={Link}
            to={`/integrations/${created.id}`}
            replace
            rightSection={<IconArrowRight size={16} />}
            data-testid="integration-created-done"
          >
            {t('integrations.created.done')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
