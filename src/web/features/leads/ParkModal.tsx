import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../domain/leads/temperature';
import type { StageInput } from '../../lib/api';
import { notifySuccess } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { todayLocal } from '../../lib/zoned-time';
import { ActionModal, type QuickActionProps, saveShowingErrors } from './ActionModal';
import { useChangeStage } from './useLeads';

const FIELDS = ['revisitOn', 'competitor', 'stage'];

/** Parking needs the date to come back to the lead; the competitor who won is optional. */
export function ParkModal({ leadId, opened, onClose }: QuickActionProps) {
  const { t } = useTranslation();
  const changeStage = useChangeStage(leadId);
  const form = useFormState({ revisitOn: '', competitor: '' });
  const { values, errors, setField } = form;

  const save = async () => {
    if (!values.revisitOn) return form.setErrors({ revisitOn: t('common.required') });
    const input: StageInput = { stage: 'parked', revisitOn: values.revisitOn };
    if (values.competitor.trim()) input.competitor = values.competitor.trim();
    if (await saveShowingErrors(() => changeStage.mutateAsync(input), form.setErrors, FIELDS)) {
      notifySuccess(t('leads.stageChanged', { stage: t('stages.parked') }));
      onClose();
    }
  };

  return (
    <ActionModal
      opened={opened}
      onClose={onClose}
      title={t('leads.parkTitle')}
      submitLabel={t('leads.park')}
      onSubmit={save}
    >
      <TextInput
        type="date"
        label={t('leads.revisitOn')}
        required
        min={addDays(todayLocal(), 1)}
        value={values.revisitOn}
        onChange={(e) => setField('revisitOn', e.currentTarget.value)}
        error={errors.revisitOn ?? errors.stage}
        data-autofocus
      />
      <TextInput
        label={t('leads.competitor')}
        description={t('leads.competitorHint')}
        value={values.competitor}
        onChange={(e) => setField('competitor', e.currentTarget.value)}
        error={errors.competitor}
      />
    </ActionModal>
  );
}
