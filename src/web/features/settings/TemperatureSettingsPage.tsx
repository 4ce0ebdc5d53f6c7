import { Alert, Loader, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import type { TemperatureSettingsDto } from '../../lib/api';
import { notifySuccess, problemMessage } from '../../lib/problems';
import { TemperatureSettingsForm } from './TemperatureSettingsForm';
import { useTemperatureSettings, useUpdateTemperatureSettings } from './useSettings';

/** Administration: how far ahead a purchase date makes a lead hot, then warm. */
export function TemperatureSettingsPage() {
  const { t } = useTranslation();
  const settings = useTemperatureSettings();
  const update = useUpdateTemperatureSettings();

  const save = async (input: TemperatureSettingsDto) => {
    const saved = await update.mutateAsync(input);
    notifySuccess(t('temperatureSettings.saved', { hot: saved.hotWithinDays, warm: saved.warmWithinDays }));
  };

  return (
    <>
      <PageHeader title={t('temperatureSettings.title')} subtitle={t('temperatureSettings.subtitle')} />
      <Paper withBorder p="md" maw={720}>
        {settings.isPending ? <Loader aria-label={t('app.loading')} /> : null}
        {settings.isError ? <Alert color="red">{problemMessage(settings.error)}</Alert> : null}
        {settings.data ? <TemperatureSettingsForm settings={settings.data} onSubmit={save} /> : null}
      </Paper>
    </>
  );
}
