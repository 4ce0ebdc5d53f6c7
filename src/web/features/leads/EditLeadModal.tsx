import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../lib/api';
import { notifySuccess } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { ActionModal, saveShowingErrors } from './ActionModal';
import { LeadInterestFields } from './LeadInterestFields';
import { type LeadEditValues, leadChanges, leadEditValues } from './lead-edit.values';
import { useUpdateLead } from './useLeads';

const FIELDS = ['title', 'sourceId', 'campaignId', 'productIds', 'tags', 'nextFollowUpAt'];

interface EditLeadModalProps {
  lead: Lead;
  opened: boolean;
  onClose: () => void;
}

/** The lead's own fields: title, where it came from, what it wants, tags and the next follow-up. */
export function EditLeadModal({ lead, opened, onClose }: EditLeadModalProps) {
  const { t } = useTranslation();
  const update = useUpdateLead(lead.id);
  const form = useFormState<LeadEditValues>(() => leadEditValues(lead));
  const { values, errors, setField } = form;

  const save = async () => {
    const changes = leadChanges(lead, values);
    if (changes === null) return onClose();
    if ('error' in changes) return form.setErrors({ [changes.error]: t('common.required') });
    if (await saveShowingErrors(() => update.mutateAsync(changes), form.setErrors, FIELDS)) {
      notifySuccess(t('leads.edit.saved'));
      onClose();
    }
  };

  return (
    <ActionModal
      opened={opened}
      onClose={onClose}
      title={t('leads.edit.title')}
      submitLabel={t('common.save')}
      onSubmit={save}
    >
      <TextInput
        label={t('leads.edit.leadTitle')}
        required
        maxLength={200}
        value={values.title}
        onChange={(e) => setField('title', e.currentTarget.value)}
        error={errors.title}
        data-autofocus
      />
      <LeadInterestFields
        values={values}
        errors={errors}
        onChange={setField}
        keep={{ campaignId: lead.campaignId, campaignName: lead.campaignName, productIds: lead.productIds }}
      />
      <TextInput
        type="datetime-local"
        label={t('leads.columns.nextFollowUp')}
        value={values.nextFollowUp}
        onChange={(e) => setField('nextFollowUp', e.currentTarget.value)}
        error={errors.nextFollowUp ?? errors.nextFollowUpAt}
      />
    </ActionModal>
  );
}
