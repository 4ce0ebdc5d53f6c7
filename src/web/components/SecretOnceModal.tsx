import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface SecretOnceModalProps {
  /** The secret to show; the modal is open while it is set. */
  secret: string | null;
  title: string;
  /** Why and how to keep it, e.g. "It will not be shown again." */
  warning: string;
  /** Accessible name of the secret's box. */
  label: string;
  onClose: () => void;
}

/** Shows a generated secret (password, API token) the one time the server reveals it, with a copy button. */
export function SecretOnceModal({ secret, title, warning, label, onClose }: SecretOnceModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} centered closeOnClickOutside={false}>
      <Stack>
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
          {warning}
        </Alert>
        <Text size="sm" fw={500} id="secret-once-label">
          {label}
        </Text>
        <Code
          block
          aria-labelledby="secret-once-label"
          data-testid="secret-value"
          style={{ wordBreak: 'break-all' }}
        >
          {secret}
        </Code>
        <Group justify="space-between">
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Button
                variant="light"
                color={copied ? 'green' : undefined}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                onClick={copy}
              >
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
