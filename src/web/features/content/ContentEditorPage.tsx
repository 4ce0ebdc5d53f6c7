import { Alert, Anchor, Button, Grid, Loader, Paper, Stack } from '@mantine/core';
import { IconArrowLeft, IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { type ContentDetailDto, type CreateContentInput, isApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { notifySuccess, problemMessage } from '../../lib/problems';
import { MessagePage } from '../home/MessagePage';
import { EngagementCounts, LatestEngagements } from './ContentEngagement';
import { ContentForm } from './ContentForm';
import { TrackedLinks } from './TrackedLinks';
import { useContentItem, useCreateContent, useMayManageContent, useUpdateContent } from './useContent';

function BackToList() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/content" size="sm" mb="xs" style={{ display: 'inline-flex', gap: 4 }}>
      <IconArrowLeft size={16} />
      {t('content.backToList')}
    </Anchor>
  );
}

/** `/content/new`: the form alone; after the first save the item's own page opens. */
function NewContent() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateContent();

  const save = async (input: CreateContentInput) => {
    const item = await create.mutateAsync(input);
    notifySuccess(t('content.created', { title: item.title }));
    navigate(`/content/${item.id}`, { replace: true });
    return item;
  };
  return (
    <>
      <BackToList />
      <PageHeader title={t('content.new')} />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <ContentForm item={null} onSubmit={save} />
      </Paper>
    </>
  );
}

/** One content item: its details beside its engagement counts, its tracked links, its latest engagement. */
function ExistingContent({ content }: { content: ContentDetailDto }) {
  const { t } = useTranslation();
  const update = useUpdateContent(content.id);

  const save = async (input: CreateContentInput) => {
    const saved = await update.mutateAsync(input);
    notifySuccess(t('content.saved', { title: saved.title }));
    return saved;
  };

  return (
    <>
      <BackToList />
      <PageHeader
        title={content.title}
        subtitle={t('content.subtitleLine', {
          kind: t(`content.kinds.${content.kind}`),
          channel: content.channel,
          time: formatDateTime(content.updatedAt),
        })}
        actions={
          <Button
            component="a"
            href={content.url}
            target="_blank"
            rel="noopener noreferrer"
            variant="default"
            leftSection={<IconExternalLink size={16} />}
            data-testid="content-open"
          >
            {t('content.open')}
          </Button>
        }
      />
      <Stack gap="xl">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
              <ContentForm key={content.id} item={content} onSubmit={save} />
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <EngagementCounts contentId={content.id} />
          </Grid.Col>
        </Grid>
        <TrackedLinks content={content} />
        <LatestEngagements contentId={content.id} />
      </Stack>
    </>
  );
}

function ContentById({ id }: { id: string }) {
  const { t } = useTranslation();
  const content = useContentItem(id);
  if (content.isPending) return <Loader m="md" aria-label={t('app.loading')} />;
  if (isApiError(content.error, 404))
    return <MessagePage title={t('content.notFound')} text={t('content.notFoundText')} />;
  if (content.isError) return <Alert color="red">{problemMessage(content.error)}</Alert>;
  return <ExistingContent content={content.data} />;
}

/** `/content/new` and `/content/:id`, for marketers and admins: the server lets only them change content or read its engagement. */
export function ContentEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const mayManage = useMayManageContent();
  if (!mayManage) return <MessagePage title={t('app.noAccess')} text={t('content.noAccessText')} />;
  return id === undefined ? <NewContent /> : <ContentById id={id} />;
}
