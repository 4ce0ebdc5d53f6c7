import { Alert, Anchor, Group, Loader, Paper, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { type ImportDto, isApiError } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { problemMessage } from '../../lib/problems';
import { MessagePage } from '../home/MessagePage';
import { ImportActions } from './ImportActions';
import { DryRunBadge, ImportStatusBadge } from './ImportBadges';
import { ImportCounts, ImportProgress } from './ImportCounts';
import { ImportSamples } from './ImportSamples';
import { ImportSettingsSummary } from './ImportSettingsSummary';
import { failureReason } from './import-view';
import { useImport } from './useImports';

/** What the status means for the person looking: nothing saved yet, stopped, undone. */
function StatusNote({ imp }: { imp: ImportDto }) {
  const { t } = useTranslation();
  if (imp.status === 'previewed') return <Alert color="cyan">{t('imports.detail.previewed')}</Alert>;
  if (imp.status === 'failed') {
    const reason = failureReason(imp.error);
    const error =
      reason.key === 'outOfMemory'
        ? t('imports.detail.outOfMemory', { megabytes: formatNumber(reason.megabytes) })
        : reason.text;
    return (
      <Alert color="red" data-testid="import-failed">
        {t('imports.detail.failed', { error })}
      </Alert>
    );
  }
  if (imp.status === 'cancelled') return <Alert color="orange">{t('imports.detail.cancelledText')}</Alert>;
  if (imp.status === 'undone')
    return (
      <Alert color="gray">{t('imports.detail.undoneText', { time: formatDateTime(imp.undoneAt) })}</Alert>
    );
  return null;
}

function ImportView({ imp }: { imp: ImportDto }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={imp.fileName}
        subtitle={t('imports.detail.startedBy', { time: formatDateTime(imp.createdAt) })}
        actions={
          <Group gap={4}>
            <ImportStatusBadge status={imp.status} testId="import-status" />
            {imp.dryRun ? <DryRunBadge /> : null}
          </Group>
        }
      />
      <Stack gap="md">
        <StatusNote imp={imp} />
        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="md">
            <ImportProgress imp={imp} />
            <ImportCounts imp={imp} />
            <ImportActions imp={imp} />
          </Stack>
        </Paper>
        <ImportSamples imp={imp} />
        <ImportSettingsSummary imp={imp} />
      </Stack>
    </>
  );
}

/** `/imports/:id`: one import, followed every second while the server works on it. */
export function ImportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const imp = useImport(id);
  return (
    <>
      <Anchor component={Link} to="/imports" size="sm" mb="xs" style={{ display: 'inline-flex', gap: 4 }}>
        <IconArrowLeft size={16} />
        {t('imports.backToList')}
      </Anchor>
      {imp.isPending ? <Loader m="md" aria-label={t('app.loading')} /> : null}
      {isApiError(imp.error, 404) ? (
        <MessagePage title={t('imports.detail.notFound')} text={t('imports.detail.notFoundText')} />
      ) : imp.isError ? (
        <Alert color="red">{problemMessage(imp.error)}</Alert>
      ) : null}
      {imp.data ? <ImportView imp={imp.data} /> : null}
    </>
  );
}
