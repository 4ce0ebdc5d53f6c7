import { Fieldset, NumberInput, Select, SimpleGrid, Stack, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { sourceName, useAssignableOwners, useCampaigns, useSources } from '../leads/useLeadOptions';
import type { SectionProps } from './builder-props';
import { originInput } from './form-values';

/** Keeps the saved choice pickable even when the list no longer offers it (inactive, past, not assignable). */
function keeping(options: { value: string; label: string }[], current: string | null, label: string) {
  return current && !options.some((o) => o.value === current)
    ? [...options, { value: current, label }]
    : options;
}

/** Where the leads go (source, campaign, owner) and how the form is guarded (sites, time trap, rate). */
export function FormDeliverySection({ values, errors, setField, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const sources = useSources();
  const campaigns = useCampaigns();
  const owners = useAssignableOwners();

  const sourceOptions = [...(sources.data ?? [])]
    .filter((s) => s.active || s.id === values.sourceId)
    .sort((a, b) => a.position - b.position)
    .map((s) => ({ value: s.id, label: sourceName(s, locale) }));
  const campaignOptions = (campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  const ownerOptions = (owners.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  const noOwners = owners.isSuccess && ownerOptions.length === 0;

  return (
    <>
      <Fieldset legend={t('forms.sections.delivery')} disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('forms.source')}
            data={sourceOptions}
            value={values.sourceId}
            onChange={(sourceId) => setField('sourceId', sourceId)}
            searchable
            clearable
            error={errors.sourceId}
            data-testid="form-source"
          />
          <Select
            label={t('forms.campaign')}
            data={keeping(campaignOptions, values.campaignId, t('forms.otherCampaign'))}
            value={values.campaignId}
            onChange={(campaignId) => setField('campaignId', campaignId)}
            searchable
            clearable
            error={errors.campaignId}
            data-testid="form-campaign"
          />
          <Select
            label={t('forms.owner')}
            description={noOwners ? t('forms.ownerNone') : undefined}
            placeholder={t('forms.unassigned')}
            data={keeping(ownerOptions, values.ownerId, t('forms.otherOwner'))}
            value={values.ownerId}
            onChange={(ownerId) => setField('ownerId', ownerId)}
            searchable
            clearable
            error={errors.ownerId}
            data-testid="form-owner"
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('forms.sections.protection')} disabled={readOnly}>
        <Stack gap="sm">
          <TagsInput
            label={t('forms.allowedOrigins')}
            description={t('forms.allowedOriginsHint')}
            placeholder={values.allowedOrigins.length ? undefined : t('forms.anySite')}
            value={values.allowedOrigins}
            onChange={(origins) => setField('allowedOrigins', [...new Set(origins.map(originInput))])}
            maxTags={20}
            clearable
            error={errors.allowedOrigins}
            data-testid="form-origins"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput
              label={t('forms.minFillSeconds')}
              description={t('forms.minFillHint')}
              min={0}
              max={600}
              allowDecimal={false}
              allowNegative={false}
              value={values.minFillSeconds}
              onChange={(value) => setField('minFillSeconds', value)}
              error={errors.minFillSeconds}
              data-testid="form-min-fill"
            />
            <NumberInput
              label={t('forms.maxPerMinute')}
              description={t('forms.maxPerMinuteHint')}
              min={1}
              max={100_000}
              allowDecimal={false}
              allowNegative={false}
              value={values.maxPerMinute}
              onChange={(value) => setField('maxPerMinute', value)}
              error={errors.maxPerMinute}
              data-testid="form-max-per-minute"
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
    </>
  );
}
