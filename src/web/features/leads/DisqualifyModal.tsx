import { Select, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DISQUALIFY_REASONS, type DisqualifyReason } from '../../../domain/leads/stages';
import type { StageInput } from '../../lib/api';
import { notifySuccess } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { ActionModal, type QuickActionProps, saveShowingErrors } from './ActionModal';
import { useChangeStage } from './useLeads';

const FIELDS = ['reason', 'reasonText', 'stage'];

/** Disqualifying needs a reason, and words when the reason is "other". */
export function DisqualifyModal({ leadId, opened, onClose }: QuickActionProps) {
  const { t } = useTranslation();
  const changeStage = useChangeStage(leadId);
  const form = useFormState<{ reason: DisqualifyReason | null; reasonText: string }>({
    reason: null,
    reasonText: '',
  });
  const { values, errors, setField } = form;

  const save = async () => {
    if (!values.reason) return form.setErrors({ reason: t('common.required') });
    if (values.reason === 'other' && !values.reasonText.trim())
      return form.setErrors({ reasonText: t('common.required') });
    const input: StageInput = { stage: 'disqualified', reason: values.reason };
    if (values.reasonText.trim()) input.reasonText = values.reasonText.trim();
    if (await saveShowingErrors(() => changeStage.mutateAsync(input), form.setErrors, FIELDS)) {
      notifySuccess(t('leads.stageChanged', { stage: t('stages.disqualified') }));
      onClose();
    }
  };

  return (
    <ActionModal
      opened={opened}
      onClose={onClose}
      title={t('leads.disqualifyTitle')}
      submitLabel={t('leads.disqualify')}
      submitColor="red"
      onSubmit={save}
    >
      <Select
        label={t('leads.reason')}
        required
        data={DISQUALIFY_REASONS.map((reason) => ({
          value: reason,
          label: t(`disqualifyReasons.${reason}`),
        }))}
        value={values.reason}
        onChange={(reason) => setField('reason', reason as DisqualifyReason | null)}
        error={errors.reason ?? errors.stage}
      />
      <Textarea
        label={t('leads.reasonText')}
        required={values.reason === 'other'}
        autosize
        minRows={2}
        maxRows={8}
        value={values.reasonText}
        onChange={(e) => setField('reasonText', e.currentTarget.value)}
        error={errors.reasonText}
      />
    </ActionModal>
  );
}
