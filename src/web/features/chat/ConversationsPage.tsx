import { Button, Grid, Paper, Text } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ConversationList } from './ConversationList';
import { ConversationView } from './ConversationView';
import { useChatEvents } from './useChat';

/**
 * `/chat` and `/chat/:id`: the conversations from the site's chat widgets beside the one opened. Both follow the
 * server's event stream, so a new visitor, a join or a reply shows without reloading.
 */
export function ConversationsPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const closed = params.get('show') === 'closed';
  useChatEvents();

  return (
    <>
      <PageHeader
        title={t('chat.title')}
        subtitle={t('chat.subtitle')}
        actions={
          <Button
            component={Link}
            to="/chat/widgets"
            variant="default"
            leftSection={<IconSettings size={16} />}
            data-testid="chat-widgets-link"
          >
            {t('chat.widgets')}
          </Button>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ConversationList
            selectedId={id}
            closed={closed}
            onClosedChange={(next) => setParams(next ? { show: 'closed' } : {}, { replace: true })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {id ? (
            <ConversationView key={id} conversationId={id} />
          ) : (
            <Paper withBorder p="xl">
              <Text c="dimmed" ta="center">
                {t('chat.pickOne')}
              </Text>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
