import { Alert, Anchor, Grid, Loader, Paper, Tabs } from '@mantine/core';
import { IconArrowLeft, IconForms, IconInbox, IconShieldX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import type { CreateFormInput, FormDto } from '../../lib/api';
import { isApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { notifySuccess, problemMessage } from '../../lib/problems';
import { MessagePage } from '../home/MessagePage';
import { FormStatusBadge } from './FormBadges';
import { FormBuilder } from './FormBuilder';
import { FormEmbedPanel } from './FormEmbedPanel';
import { FormSubmissions } from './FormSubmissions';
import { QuarantineList } from './QuarantineList';
import { useCreateForm, useForm, useMayManageForms, useUpdateForm } from './useForms';

function BackToList() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/forms" size="sm" mb="xs" style={{ display: 'inline-flex', gap: 4 }}>
      <IconArrowLeft size={16} />
      {t('forms.backToList')}
    </Anchor>
  );
}

/** `/forms/new`: the builder alone; after the first save the form's own page opens. */
function NewForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateForm();
  const mayManage = useMayManageForms();
  if (!mayManage) return <MessagePage title={t('app.noAccess')} text={t('forms.noAccessText')} />;

  const save = async (input: Required<CreateFormInput>) => {
    const form = await create.mutateAsync(input);
    notifySuccess(t('forms.created', { name: form.name }));
    navigate(`/forms/${form.id}`, { replace: true });
    return form;
  };
  return (
    <>
      <BackToList />
      <PageHeader title={t('forms.new')} />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <FormBuilder form={null} readOnly={false} onSubmit={save} />
      </Paper>
    </>
  );
}

const TABS = ['form', 'submissions', 'quarantine'] as const;
type Tab = (typeof TABS)[number];

/** One saved form: its builder beside the embed snippets and preview, its submissions, its quarantine. */
function ExistingForm({ form }: { form: FormDto }) {
  const { t } = useTranslation();
  const mayManage = useMayManageForms();
  const update = useUpdateForm(form.id);
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.find((name) => name === asked) ?? 'form';

  const save = async (input: Required<CreateFormInput>) => {
    const saved = await update.mutateAsync(input);
    notifySuccess(t('forms.saved', { name: saved.name }));
    return saved;
  };
  const open = (next: string | null) =>
    setParams(next && next !== 'form' ? { tab: next } : {}, { replace: true });

  return (
    <>
      <BackToList />
      <PageHeader
        title={form.name}
        subtitle={t('forms.versionLine', { version: form.version, time: formatDateTime(form.updatedAt) })}
        actions={<FormStatusBadge status={form.status} />}
      />
      <Tabs value={tab} onChange={open} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="form" leftSection={<IconForms size={16} />} data-testid="form-tab-form">
            {t('forms.tabs.form')}
          </Tabs.Tab>
          <Tabs.Tab
            value="submissions"
            leftSection={<IconInbox size={16} />}
            data-testid="form-tab-submissions"
          >
            {t('forms.tabs.submissions')}
          </Tabs.Tab>
          <Tabs.Tab
            value="quarantine"
            leftSection={<IconShieldX size={16} />}
            data-testid="form-tab-quarantine"
          >
            {t('forms.tabs.quarantine', { count: form.counts.quarantined })}
          </Tabs.Tab>
        </Tabs.List>
        {/* why keepMounted: unsaved edits survive a look at the quarantine; the lists reload when opened. */}
        <Tabs.Panel value="form" keepMounted>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
                {mayManage ? null : (
                  <Alert color="gray" mb="md">
                    {t('forms.readOnly')}
                  </Alert>
                )}
                <FormBuilder key={form.id} form={form} readOnly={!mayManage} onSubmit={save} />
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <FormEmbedPanel form={form} />
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="submissions">
          <FormSubmissions form={form} />
        </Tabs.Panel>
        <Tabs.Panel value="quarantine">
          <QuarantineList form={form} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** `/forms/new` and `/forms/:id`: one builder for both, so creating and editing cannot drift apart. */
export function FormEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const form = useForm(id);
  if (id === undefined) return <NewForm />;
  if (form.isPending) return <Loader m="md" aria-label={t('app.loading')} />;
  if (isApiError(form.error, 404))
    return <MessagePage title={t('forms.notFound')} text={t('forms.notFoundText')} />;
  if (form.isError) return <Alert color="red">{problemMessage(form.error)}</Alert>;
  return <ExistingForm form={form.data} />;
}
