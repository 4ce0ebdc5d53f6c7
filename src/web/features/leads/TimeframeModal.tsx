import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { ActionModal, type QuickActionProps, saveShowingErrors } from './ActionModal';
import { TimeframeInput, type TimeframeValue, timeframeOfValue, timeframeValueOf } from './TimeframeInput';
import { useUpdateLead } from './useLeads';

interface TimeframeModalProps extends QuickActionProps {
  timeframe: string | null;
}

/** Changes when the lead means to buy; the server answers with the new temperature. */
export function TimeframeModal({ leadId, opened, onClose, timeframe }: TimeframeModalProps) {
  const { t } = useTranslation();
  const updateLead = useUpdateLead(leadId);
  const form = useFormState<{ timeframe: TimeframeValue }>(() => ({
    timeframe: timeframeValueOf(timeframe),
  }));

  const save = async () => {
    const value = form.values.timeframe;
    if (value.kind === 'date' && !value.date) return form.setErrors({ timeframe: t('common.required') });
    const input = { timeframe: timeframeOfValue(value) };
    if (await saveShowingErrors(() => updateLead.mutateAsync(input), form.setErrors, ['timeframe'])) {
      notifySuccess(t('leads.timeframeSaved'));
      onClose();
    }
  };

  return (
    <ActionModal
      opened={opened}
      onClose={onClose}
      title={t('leads.setTimeframe')}
      submitLabel={t('common.save')}
      onSubmit={save}
    >
      <TimeframeInput
        value={form.values.timeframe}
        onChange={(value) => form.setField('timeframe', value)}
        error={form.errors.timeframe}
      />
    </ActionModal>
  );
}
