import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ChatWidgetDto } from '../../lib/api';

/** The one line a site owner pastes into every page where the chat should show. */
export function ChatSnippetPanel({ widget }: { widget: ChatWidgetDto }) {
  const { t } = useTranslation();
  const code = widget.embed.script;
  return (
    <Paper withBorder p="md" data-testid="chat-widget-embed">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4} id="chat-snippet-title">
            {t('chat.snippetTitle')}
          </Title>
          <CopyButton value={code}>
            {({ copied, copy }) => (
              <Button
                size="compact-sm"
                variant="light"
                color={copied ? 'green' : undefined}
                leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                onClick={copy}
                data-testid="chat-widget-snippet-copy"
              >
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm">{t('chat.snippetHint')}</Text>
        <Code
          block
          aria-labelledby="chat-snippet-title"
          data-testid="chat-widget-snippet"
          style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
        >
          {code}
        </Code>
        <Text size="xs" c="dimmed">
          {t('chat.snippetLanguage')}
        </Text>
        {widget.status !== 'active' ? <Alert color="gray">{t('chat.snippetInactive')}</Alert> : null}
      </Stack>
    </Paper>
  );
}
