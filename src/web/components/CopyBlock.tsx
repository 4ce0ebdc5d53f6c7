import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface CopyBlockProps {
  label: string;
  value: string;
  /** `integration-endpoint` → the text is `integration-endpoint`, its button `integration-endpoint-copy`. */
  testId: string;
  hint?: ReactNode;
}

/** A labelled value to paste elsewhere (an address, a secret, a command) with its copy button. */
export function CopyBlock({ label, value, testId, hint }: CopyBlockProps) {
  const { t } = useTranslation();
  const labelId = `${testId}-label`;
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={500} id={labelId}>
          {label}
        </Text>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              size="compact-sm"
              variant="light"
              color={copied ? 'green' : undefined}
              leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              onClick={copy}
              data-testid={`${testId}-copy`}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
      <Code
        block
        aria-labelledby={labelId}
        data-testid={testId}
        style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
      >
        {value}
      </Code>
    </Stack>
  );
}
