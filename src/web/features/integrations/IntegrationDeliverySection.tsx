import { Fieldset, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../lib/problems';
import { keeping, useSourceCampaignOptions } from '../capture/ChannelDeliverySection';
import { useAssignableOwners } from '../leads/useLeadOptions';

type Choice = 'sourceId' | 'campaignId' | 'ownerId';

interface DeliveryProps {
  values: Record<Choice, string | null>;
  errors: FieldErrors;
  setField: (field: Choice, value: string | null) => void;
}

/**
 * Where the integration's leads go: their source, campaign and owner, picked as web forms and chat
 * pick them. Not ChannelDeliverySection itself: a webhook has no sites or browser rate to guard.
 */
export function IntegrationDeliverySection({ values, errors, setField }: DeliveryProps) {
  const { t } = useTranslation();
  const options = useSourceCampaignOptions(values.sourceId);
  const owners = useAssignableOwners();
  const other = t('integrations.savedChoice');
  const pickers: { field: Choice; label: string; data: { value: string; label: string }[] }[] = [
    {
      field: 'sourceId',
      label: t('integrations.source'),
      data: options.sources,
    },
    {
      field: 'campaignId',
      label: t('integrations.campaign'),
      data: options.campaigns,
    },
    {
      field: 'ownerId',
      label: t('integrations.owner'),
      data: (owners.data ?? []).map((u) => ({ value: u.id, label: u.name })),
    },
  ];

  return (
    <Fieldset legend={t('integrations.sections.delivery')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {pickers.map(({ field, label, data }) => (
          <Select
            key={field}
            label={label}
            placeholder={field === 'ownerId' ? t('integrations.unassigned') : undefined}
            data={keeping(data, values[field], other)}
            value={values[field]}
            onChange={(value) => setField(field, value)}
            searchable
            clearable
            error={errors[field]}
            data-testid={`integration-${field.replace('Id', '')}`}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}
