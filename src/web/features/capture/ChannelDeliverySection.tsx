import { Fieldset, NumberInput, Select, SimpleGrid, Stack, TagsInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import type { FieldErrors } from '../../lib/problems';
import { originInput } from '../forms/form-values';
import { sourceOptions, useAssignableOwners, useCampaigns, useSources } from '../leads/useLeadOptions';

/** The settings every capture channel has (web forms, chat widgets), as their editors hold them. */
export interface DeliveryValues {
  sourceId: string | null;
  campaignId: string | null;
  ownerId: string | null;
  allowedOrigins: string[];
  /** A whole number as typed; '' while the input is empty. */
  maxPerMinute: number | string;
}

type SetDelivery = <K extends keyof DeliveryValues>(field: K, value: DeliveryValues[K]) => void;

interface ChannelDeliverySectionProps<V extends DeliveryValues> {
  values: V;
  errors: FieldErrors;
  /** The editor's own setter (useFormState's). */
  setField: <K extends keyof V & string>(field: K, value: V[K]) => void;
  readOnly: boolean;
  /** Whose wording: the forms' or the chat's (the same keys under each). */
  texts: 'forms' | 'chat';
  /** The inputs' test ids start with it: `form` → `form-source`, `form-origins` … */
  testId: string;
  /** Shown under the owner when there are owners to choose from. */
  ownerHint?: string;
  /** More inputs of the protection section, before the rate (the forms' time trap). */
  protection?: ReactNode;
}

type Option = { value: string; label: string };

/**
 * What a channel's source and campaign pickers offer: the active sources (and the saved one, while
 * it is saved, even if it is no longer active) and the campaigns — forms, chat, integrations and
 * content pick them alike.
 */
export function useSourceCampaignOptions(savedSourceId: string | null): {
  sources: Option[];
  campaigns: Option[];
} {
  const sources = useSources();
  const campaigns = useCampaigns();
  return {
    sources: sourceOptions(
      (sources.data ?? []).filter((s) => s.active || s.id === savedSourceId),
      currentLocale(),
      true,
    ),
    campaigns: (campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name })),
  };
}

/** Keeps the saved choice pickable even when the list no longer offers it (past, not assignable). */
export function keeping(options: { value: string; label: string }[], current: string | null, label: string) {
  return current && !options.some((o) => o.value === current)
    ? [...options, { value: current, label }]
    : options;
}

/** Where a channel's leads go (source, campaign, owner) and how it is guarded (sites, rate). */
export function ChannelDeliverySection<V extends DeliveryValues>({
  values,
  errors,
  setField: setEditorField,
  readOnly,
  texts,
  testId,
  ownerHint,
  protection,
}: ChannelDeliverySectionProps<V>) {
  const { t } = useTranslation();
  // why the cast: these fields have exactly DeliveryValues' types in V; TypeScript cannot see it through V[K].
  const setField = setEditorField as unknown as SetDelivery;
  const options = useSourceCampaignOptions(values.sourceId);
  const owners = useAssignableOwners();
  const ownerOptions = (owners.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  const noOwners = owners.isSuccess && ownerOptions.length === 0;

  return (
    <>
      <Fieldset legend={t(`${texts}.sections.delivery`)} disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t(`${texts}.source`)}
            data={options.sources}
            value={values.sourceId}
            onChange={(sourceId) => setField('sourceId', sourceId)}
            searchable
            clearable
            error={errors.sourceId}
            data-testid={`${testId}-source`}
          />
          <Select
            label={t(`${texts}.campaign`)}
            data={keeping(options.campaigns, values.campaignId, t(`${texts}.otherCampaign`))}
            value={values.campaignId}
            onChange={(campaignId) => setField('campaignId', campaignId)}
            searchable
            clearable
            error={errors.campaignId}
            data-testid={`${testId}-campaign`}
          />
          <Select
            label={t(`${texts}.owner`)}
            description={noOwners ? t(`${texts}.ownerNone`) : ownerHint}
            placeholder={t(`${texts}.unassigned`)}
            data={keeping(ownerOptions, values.ownerId, t(`${texts}.otherOwner`))}
            value={values.ownerId}
            onChange={(ownerId) => setField('ownerId', ownerId)}
            searchable
            clearable
            error={errors.ownerId}
            data-testid={`${testId}-owner`}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t(`${texts}.sections.protection`)} disabled={readOnly}>
        <Stack gap="sm">
          <TagsInput
            label={t(`${texts}.allowedOrigins`)}
            description={t(`${texts}.allowedOriginsHint`)}
            placeholder={values.allowedOrigins.length ? undefined : t(`${texts}.anySite`)}
            value={values.allowedOrigins}
            onChange={(origins) => setField('allowedOrigins', [...new Set(origins.map(originInput))])}
            maxTags={20}
            clearable
            error={errors.allowedOrigins}
            data-testid={`${testId}-origins`}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {protection}
            <NumberInput
              label={t(`${texts}.maxPerMinute`)}
              description={t(`${texts}.maxPerMinuteHint`)}
              min={1}
              max={100_000}
              allowDecimal={false}
              allowNegative={false}
              value={values.maxPerMinute}
              onChange={(value) => setField('maxPerMinute', value)}
              error={errors.maxPerMinute}
              data-testid={`${testId}-max-per-minute`}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
    </>
  );
}
