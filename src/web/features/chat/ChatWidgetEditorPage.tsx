import { Alert, Grid, Loader, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { type ChatWidgetDto, type ChatWidgetInput, isApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { notifySuccess, problemMessage } from '../../lib/problems';
import { MessagePage } from '../home/MessagePage';
import { WidgetStatusBadge } from './ChatBadges';
import { ChatSnippetPanel } from './ChatSnippetPanel';
import { ChatWidgetForm } from './ChatWidgetForm';
import { BackLink } from './ChatWidgetsPage';
import { useChatWidget, useMayManageChatWidgets, useSaveChatWidget } from './useChat';

function NewWidget() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveChatWidget(undefined);
  const mayManage = useMayManageChatWidgets();
  if (!mayManage) return <MessagePage title={t('app.noAccess')} text={t('chat.noAccessText')} />;
  const submit = async (input: ChatWidgetInput) => {
    const widget = await save.mutateAsync(input);
    notifySuccess(t('chat.widgetCreated', { name: widget.name }));
    navigate(`/chat/widgets/${widget.id}`, { replace: true });
    return widget;
  };
  return (
    <>
      <BackLink to="widgets" />
      <PageHeader title={t('chat.newWidget')} />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <ChatWidgetForm widget={null} readOnly={false} onSubmit={submit} />
      </Paper>
    </>
  );
}

function ExistingWidget({ widget }: { widget: ChatWidgetDto }) {
  const { t } = useTranslation();
  const mayManage = useMayManageChatWidgets();
  const save = useSaveChatWidget(widget.id);
  const submit = async (input: ChatWidgetInput) => {
    const saved = await save.mutateAsync(input);
    notifySuccess(t('chat.widgetSaved', { name: saved.name }));
    return saved;
  };
  return (
    <>
      <BackLink to="widgets" />
      <PageHeader
        title={widget.name}
        subtitle={t('chat.versionLine', { version: widget.version, time: formatDateTime(widget.updatedAt) })}
        actions={<WidgetStatusBadge status={widget.status} />}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            {mayManage ? null : (
              <Alert color="gray" mb="md">
                {t('chat.readOnly')}
              </Alert>
            )}
            <ChatWidgetForm key={widget.id} widget={widget} readOnly={!mayManage} onSubmit={submit} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ChatSnippetPanel widget={widget} />
        </Grid.Col>
      </Grid>
    </>
  );
}

/** `/chat/widgets/new` and `/chat/widgets/:id`: one form for both; after the first save the widget's page opens. */
export function ChatWidgetEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const widget = useChatWidget(id);
  if (id === undefined) return <NewWidget />;
  if (widget.isPending) return <Loader m="md" aria-label={t('app.loading')} />;
  if (isApiError(widget.error, 404))
    return <MessagePage title={t('chat.widgetNotFound')} text={t('chat.widgetNotFoundText')} />;
  if (widget.isError) return <Alert color="red">{problemMessage(widget.error)}</Alert>;
  return <ExistingWidget widget={widget.data} />;
}
