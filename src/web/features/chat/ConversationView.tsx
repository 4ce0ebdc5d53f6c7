import { Alert, Button, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconDoorEnter, IconSend, IconUserSearch, IconX } from '@tabler/icons-react';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { type ConversationDto, isApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { notifyProblem, problemMessage } from '../../lib/problems';
import { useCurrentUser } from '../auth/useSession';
import { ConversationStatusBadge } from './ChatBadges';
import { ChatMessages } from './ChatMessages';
import { mayJoin, mayReply } from './chat-view';
import { useCloseConversation, useConversation, useJoinConversation, useSendChatMessage } from './useChat';

const MAX_BODY = 2000;

function Reply({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const send = useSendChatMessage(conversationId);
  const [text, setText] = useState('');
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const body = text.trim();
    if (!body || send.isPending) return;
    send.mutate(body, { onSuccess: () => setText(''), onError: (error) => notifyProblem(error) });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };
  return (
    <form onSubmit={submit}>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Textarea
          style={{ flex: 1 }}
          label={t('chat.reply')}
          description={t('chat.replyHint')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={MAX_BODY}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          data-testid="chat-reply-input"
        />
        <Button
          type="submit"
          loading={send.isPending}
          disabled={!text.trim()}
          leftSection={<IconSend size={16} />}
          data-testid="chat-reply-send"
        >
          {t('chat.send')}
        </Button>
      </Group>
    </form>
  );
}

function Header({ conversation }: { conversation: ConversationDto }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const join = useJoinConversation(conversation.id);
  const close = useCloseConversation(conversation.id);
  const [confirming, setConfirming] = useState(false);
  const joinedBy =
    conversation.assignedUserId === user.id
      ? t('chat.joinedByYou')
      : conversation.assignedUserId
        ? t('chat.joinedBy', { name: conversation.assignedUserName ?? t('chat.someoneElse') })
        : null;
  return (
    <Group justify="space-between" align="flex-start" gap="sm">
      <Stack gap={2}>
        <Group gap="xs">
          <Title order={3} size="h4" data-testid="chat-conversation-title">
            {conversation.visitorName || t('chat.visitor')}
          </Title>
          <ConversationStatusBadge status={conversation.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {[
            conversation.widgetName,
            t('chat.startedAt', { time: formatDateTime(conversation.startedAt) }),
            t(`language.${conversation.language}`),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {joinedBy ? (
          <Text size="sm" data-testid="chat-joined-by">
            {joinedBy}
          </Text>
        ) : null}
      </Stack>
      <Group gap="xs">
        {conversation.leadId ? (
          <Button
            component={Link}
            to={`/leads/${conversation.leadId}`}
            variant="light"
            leftSection={<IconUserSearch size={16} />}
            data-testid="chat-lead-link"
          >
            {t('chat.openLead')}
          </Button>
        ) : null}
        {mayJoin(conversation) ? (
          <Button
            leftSection={<IconDoorEnter size={16} />}
            loading={join.isPending}
            onClick={() => join.mutate(undefined, { onError: (error) => notifyProblem(error) })}
            data-testid="chat-join"
          >
            {t('chat.join')}
          </Button>
        ) : null}
        {conversation.status !== 'closed' ? (
          <Button
            variant="default"
            color="red"
            leftSection={<IconX size={16} />}
            onClick={() => setConfirming(true)}
            data-testid="chat-close"
          >
            {t('chat.close')}
          </Button>
        ) : null}
      </Group>
      <ConfirmModal
        opened={confirming}
        title={t('chat.closeTitle')}
        message={t('chat.closeText')}
        confirmLabel={t('chat.closeConfirm')}
        loading={close.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          close.mutate(undefined, {
            onSuccess: () => setConfirming(false),
            onError: (error) => notifyProblem(error),
          })
        }
      />
    </Group>
  );
}

/** One conversation: who, its messages as they come, and Join / reply / Close for the rep. */
export function ConversationView({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const detail = useConversation(conversationId);
  if (detail.isPending) return <Loader m="md" aria-label={t('app.loading')} />;
  if (isApiError(detail.error, 404)) return <Alert color="gray">{t('chat.notFound')}</Alert>;
  if (detail.isError) {
    return <Alert color="red">{problemMessage(detail.error)}</Alert>;
  }
  const { conversation, messages } = detail.data;
  return (
    <Paper withBorder p="md" data-testid="chat-conversation" data-status={conversation.status}>
      <Stack gap="md">
        <Header conversation={conversation} />
        <ChatMessages messages={messages} visitorName={conversation.visitorName} />
        {mayReply(conversation, user.id) ? (
          <Reply key={conversation.id} conversationId={conversation.id} />
        ) : conversation.status === 'closed' ? (
          <Text size="sm" c="dimmed">
            {t('chat.closedAt', { time: formatDateTime(conversation.closedAt) })}
          </Text>
        ) : mayJoin(conversation) ? (
          <Text size="sm" c="dimmed">
            {t('chat.joinToReply')}
          </Text>
        ) : null}
        {conversation.leadId === null && conversation.captureError ? (
          <Text size="xs" c="red" data-testid="chat-capture-failed">
            {t('chat.captureFailed', { fields: conversation.captureError.fields.join(', ') || '—' })}
          </Text>
        ) : conversation.leadId === null && conversation.status !== 'closed' ? (
          <Text size="xs" c="dimmed">
            {t('chat.noLeadYet')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
