import { Alert, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyBlock } from '../../components/CopyBlock';
import type { ChatWidgetDto } from '../../lib/api';

/** The one line a site owner pastes into every page where the chat should show. */
export function ChatSnippetPanel({ widget }: { widget: ChatWidgetDto }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="chat-widget-embed">
      <Stack gap="sm">
        <CopyBlock
          label={t('chat.snippetTitle')}
          hint={t('chat.snippetHint')}
          value={widget.embed.script}
          testId="chat-widget-snippet"
        />
        <Text size="xs" c="dimmed">
          {t('chat.snippetLanguage')}
        </Text>
        {widget.status !== 'active' ? <Alert color="gray">{t('chat.snippetInactive')}</Alert> : null}
      </Stack>
    </Paper>
  );
}
