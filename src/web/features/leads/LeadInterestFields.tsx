import { MultiSelect, Select, SimpleGrid, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import type { FieldErrors } from '../../lib/problems';
import { sourceOptions, useActiveCampaigns, useProducts, useSources } from './useLeadOptions';

export interface InterestValues {
  sourceId: string | null;
  campaignId: string | null;
  productIds: string[];
  tags: string[];
}

interface LeadInterestFieldsProps<T extends InterestValues> {
  values: T;
  errors: FieldErrors;
  onChange: <K extends keyof T & string>(field: K, value: T[K]) => void;
  /** Editing: the lead's own choices stay choosable even when no longer active. */
  keep?: { campaignId: string | null; campaignName: string | null; productIds: readonly string[] };
}

/** Where a lead came from and what it wants: source, campaign, products and tags (create and edit). */
export function LeadInterestFields<T extends InterestValues>({
  values,
  errors,
  onChange,
  keep,
}: LeadInterestFieldsProps<T>) {
  const { t } = useTranslation();
  const sources = useSources();
  const products = useProducts();
  const campaigns = useActiveCampaigns();

  const campaignOptions = (campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (keep?.campaignId && !campaignOptions.some((o) => o.value === keep.campaignId)) {
    campaignOptions.push({ value: keep.campaignId, label: keep.campaignName ?? keep.campaignId });
  }
  const productOptions = (products.data ?? [])
    .filter((p) => p.active || keep?.productIds.includes(p.id))
    .map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }));

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label={t('leads.source')}
        data={sourceOptions(sources.data ?? [], currentLocale(), keep !== undefined)}
        value={values.sourceId}
        onChange={(sourceId) => onChange('sourceId', sourceId as T['sourceId'])}
        searchable
        clearable
        error={errors.sourceId}
      />
      <Select
        label={t('leads.campaign')}
        data={campaignOptions}
        value={values.campaignId}
        onChange={(campaignId) => onChange('campaignId', campaignId as T['campaignId'])}
        searchable
        clearable
        error={errors.campaignId}
      />
      <MultiSelect
        label={t('leads.products')}
        data={productOptions}
        value={values.productIds}
        onChange={(productIds) => onChange('productIds', productIds as T['productIds'])}
        searchable
        clearable
        error={errors.productIds}
      />
      <TagsInput
        label={t('leads.tags')}
        description={t('leads.form.tagsHint')}
        value={values.tags}
        onChange={(tags) => onChange('tags', tags as T['tags'])}
        maxTags={30}
        error={errors.tags}
      />
    </SimpleGrid>
  );
}
