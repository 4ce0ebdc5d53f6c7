import { Button, Group, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconDownload, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { api, type ImportDto } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { notifyProblem, notifySuccess } from '../../lib/problems';
import { importActions } from './import-view';
import { type ImportAction, useImportAction } from './useImports';

/** Run a previewed import, cancel one at work, undo a finished one (after asking), and the row report. */
export function ImportActions({ imp }: { imp: ImportDto }) {
  const { t } = useTranslation();
  const action = useImportAction(imp.id);
  const [confirmUndo, setConfirmUndo] = useState(false);
  const allowed = importActions(imp, new Date());
  const busy = (name: ImportAction) => action.isPending && action.variables === name;

  const perform = async (name: ImportAction) => {
    try {
      await action.mutateAsync(name);
      const said = { run: 'runStarted', undo: 'undoStarted', cancel: 'cancelledNote' } as const;
      notifySuccess(t(`imports.detail.${said[name]}`));
    } catch (error) {
      notifyProblem(error);
    } finally {
      setConfirmUndo(false);
    }
  };

  return (
    <Group gap="xs" justify="space-between">
      <Group gap="xs">
        {allowed.run ? (
          <Button
            leftSection={<IconPlayerPlay size={16} />}
            loading={busy('run')}
            onClick={() => void perform('run')}
            data-testid="import-run"
          >
            {t('imports.detail.run')}
          </Button>
        ) : null}
        {allowed.cancel ? (
          <Button
            variant="default"
            leftSection={<IconPlayerStop size={16} />}
            loading={busy('cancel')}
            onClick={() => void perform('cancel')}
            data-testid="import-cancel"
          >
            {t('imports.detail.cancel')}
          </Button>
        ) : null}
        {allowed.undo ? (
          <Button
            variant="light"
            color="red"
            leftSection={<IconArrowBackUp size={16} />}
            onClick={() => setConfirmUndo(true)}
            data-testid="import-undo"
          >
            {t('imports.detail.undo')}
          </Button>
        ) : null}
        {allowed.undo && imp.undoUntil ? (
          <Text size="sm" c="dimmed">
            {t('imports.detail.undoUntil', { time: formatDateTime(imp.undoUntil) })}
          </Text>
        ) : null}
      </Group>
      {imp.status === 'queued' ? null : (
        <Tooltip label={t('imports.detail.reportHint')} multiline w={260}>
          <Button
            component="a"
            href={api.imports.reportUrl(imp.id)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
            data-testid="import-report"
          >
            {t('imports.detail.report')}
          </Button>
        </Tooltip>
      )}
      <ConfirmModal
        opened={confirmUndo}
        title={t('imports.detail.undoTitle')}
        message={t('imports.detail.undoText')}
        confirmLabel={t('imports.detail.undoConfirm')}
        loading={busy('undo')}
        onConfirm={() => void perform('undo')}
        onClose={() => setConfirmUndo(false)}
      />
    </Group>
  );
}
