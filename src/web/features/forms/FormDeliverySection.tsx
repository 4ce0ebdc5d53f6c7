import { NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChannelDeliverySection } from '../capture/ChannelDeliverySection';
import type { SectionProps } from './builder-props';

/** Where the leads go (source, campaign, owner) and how the form is guarded (sites, time trap, rate). */
export function FormDeliverySection({ values, errors, setField, readOnly }: SectionProps) {
  const { t } = useTranslation();
  return (
    <ChannelDeliverySection
      values={values}
      errors={errors}
      setField={setField}
      readOnly={readOnly}
      texts="forms"
      testId="form"
      protection={
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
      }
    />
  );
}
