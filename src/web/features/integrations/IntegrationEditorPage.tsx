import { Alert, Anchor, Grid, Loader, Paper, Tabs } from '@mantine/core';
import { IconArrowLeft, IconInbox, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import {
  type CreateIntegrationInput,
  type IntegrationDto,
  type IntegrationWithSecretDto,
  isApiError,
} from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { notifySuccess, problemMessage } from '../../lib/problems';
import { MessagePage } from '../home/MessagePage';
import { EndpointPanel } from './EndpointPanel';
import { ActiveBadge } from './IntegrationBadges';
import { IntegrationEvents } from './IntegrationEvents';
import { IntegrationForm } from './IntegrationForm';
import { SecretCreated } from './SecretCreated';
import {
  useCreateIntegration,
  useIntegration,
  useMayManageIntegrations,
  useUpdateIntegration,
} from './useIntegrations';

function BackToList() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/integrations" size="sm" mb="xs" style={{ display: 'inline-flex', gap: 4 }}>
      <IconArrowLeft size={16} />
      {t('integrations.backToList')}
    </Anchor>
  );
}

/** `/integrations/new`: the form, then — this once — the endpoint and secret to give the sender. */
function NewIntegration() {
  const { t } = useTranslation();
  const create = useCreateIntegration();
  const [created, setCreated] = useState<IntegrationWithSecretDto | null>(null);

  const save = async (input: Required<CreateIntegrationInput>) => {
    const integration = await create.mutateAsync(input);
    setCreated(integration);
    return integration;
  };
  return (
    <>
      <BackToList />
      <PageHeader
        title={created ? t('integrations.created.title', { name: created.name }) : t('integrations.new')}
      />
      {created ? (
        <SecretCreated created={created} />
      ) : (
        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <IntegrationForm integration={null} onSubmit={save} />
        </Paper>
      )}
    </>
  );
}

const TABS = ['settings', 'events'] as const;
type Tab = (typeof TABS)[number];

/** One integration: its settings beside its endpoint and signing help, and the events it received. */
function ExistingIntegration({ integration }: { integration: IntegrationDto }) {
  const { t } = useTranslation();
  const update = useUpdateIntegration(integration.id);
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.find((name) => name === asked) ?? 'settings';
  const received = Object.values(integration.counts).reduce((sum, n) => sum + n, 0);

  const save = async ({ kind: _kind, ...input }: Required<CreateIntegrationInput>) => {
    const saved = await update.mutateAsync(input);
    notifySuccess(t('integrations.saved', { name: saved.name }));
    return saved;
  };
  const open = (next: string | null) =>
    setParams(next && next !== 'settings' ? { tab: next } : {}, { replace: true });

  return (
    <>
      <BackToList />
      <PageHeader
        title={integration.name}
        subtitle={t('integrations.subtitleLine', {
          kind: t(`integrations.kinds.${integration.kind}`),
          time: formatDateTime(integration.updatedAt),
        })}
        actions={<ActiveBadge active={integration.active} />}
      />
      <Tabs value={tab} onChange={open} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab
            value="settings"
            leftSection={<IconSettings size={16} />}
            data-testid="integration-tab-settings"
          >
            {t('integrations.tabs.settings')}
          </Tabs.Tab>
          <Tabs.Tab value="events" leftSection={<IconInbox size={16} />} data-testid="integration-tab-events">
            {t('integrations.tabs.events', { count: received })}
          </Tabs.Tab>
        </Tabs.List>
        {/* why keepMounted: unsaved edits survive a look at the events; the events reload when opened. */}
        <Tabs.Panel value="settings" keepMounted>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
                <IntegrationForm key={integration.id} integration={integration} onSubmit={save} />
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <EndpointPanel integration={integration} />
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="events">
          <IntegrationEvents integrationId={integration.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function IntegrationById({ id }: { id: string }) {
  const { t } = useTranslation();
  const integration = useIntegration(id);
  if (integration.isPending) return <Loader m="md" aria-label={t('app.loading')} />;
  if (isApiError(integration.error, 404))
    return <MessagePage title={t('integrations.notFound')} text={t('integrations.notFoundText')} />;
  if (integration.isError) return <Alert color="red">{problemMessage(integration.error)}</Alert>;
  return <ExistingIntegration integration={integration.data} />;
}

/** `/integrations/new` and `/integrations/:id`, for marketers and admins (the server refuses anyone else). */
export function IntegrationEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const mayManage = useMayManageIntegrations();
  if (!mayManage) return <MessagePage title={t('app.noAccess')} text={t('integrations.noAccessText')} />;
  return id === undefined ? <NewIntegration /> : <IntegrationById id={id} />;
}
