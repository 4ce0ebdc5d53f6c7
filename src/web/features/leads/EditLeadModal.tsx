import { MultiSelect, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import type { Lead } from '../../lib/api';
import { notifySuccess } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { ActionModal, saveShowingErrors } from './ActionModal';
import { type LeadEditValues, leadChanges, leadEditValues } from './lead-edit.values';
import { sourceOptions, useActiveCampaigns, useProducts, useSources } from './useLeadOptions';
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
  const sources = useSources();
  const products = useProducts();
  const campaigns = useActiveCampaigns();
  const form = useFormState<LeadEditValues>(() => leadEditValues(lead));
  const { values, errors, setField } = form;

  // The lead's own campaign and products stay choosable even when no longer active.
  const campaignOptions = (campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (lead.campaignId && !campaignOptions.some((o) => o.value === lead.campaignId))
    campaignOptions.push({ value: lead.campaignId, label: lead.campaignName ?? lead.campaignId });
  const productOptions = (products.data ?? [])
    .filter((p) => p.active || lead.productIds.includes(p.id))
    .map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }));

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
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('leads.source')}
          data={sourceOptions(sources.data ?? [], currentLocale(), true)}
          value={values.sourceId}
          onChange={(sourceId) => setField('sourceId', sourceId)}
          searchable
          clearable
          error={errors.sourceId}
        />
        <Select
          label={t('leads.campaign')}
          data={campaignOptions}
          value={values.campaignId}
          onChange={(campaignId) => setField('campaignId', campaignId)}
          searchable
          clearable
          error={errors.campaignId}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('leads.products')}
        data={productOptions}
        value={values.productIds}
        onChange={(productIds) => setField('productIds', productIds)}
        searchable
        clearable
        error={errors.productIds}
      />
      <TagsInput
        label={t('leads.tags')}
        description={t('leads.form.tagsHint')}
        value={values.tags}
        onChange={(tags) => setField('tags', tags)}
        maxTags={30}
        error={errors.tags}
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
