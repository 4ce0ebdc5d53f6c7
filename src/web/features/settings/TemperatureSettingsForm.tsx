import { Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TEMPERATURE_DAYS } from '../../../domain/leads/temperature';
import type { TemperatureSettingsDto } from '../../lib/api';
import type { FieldErrors } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';

interface TemperatureValues extends Record<string, unknown> {
  /** Whole days as typed; '' while an input is empty. */
  hotWithinDays: number | string;
  warmWithinDays: number | string;
}

interface TemperatureSettingsFormProps {
  settings: TemperatureSettingsDto;
  /** Saves; a rejected promise carrying an ApiError puts its messages under the fields. */
  onSubmit: (input: TemperatureSettingsDto) => Promise<unknown>;
}

const FIELDS = ['hotWithinDays', 'warmWithinDays'];

const days = (value: number | string): number | null => (typeof value === 'number' ? value : null);

/**
 * The two temperature thresholds with a sentence that reads them back. The server checks the rules
 * (whole days 0–730, warm not below hot) and names the field it refuses.
 */
export function TemperatureSettingsForm({ settings, onSubmit }: TemperatureSettingsFormProps) {
  const { t } = useTranslation();
  const form = useFormState<TemperatureValues>({ ...settings });
  const { values, errors, setField, submitting } = form;
  const hot = days(values.hotWithinDays);
  const warm = days(values.warmWithinDays);

  // The server says only "out of range"; when warm is below hot, say so.
  const explain = (e: FieldErrors): FieldErrors =>
    e.warmWithinDays && hot !== null && warm !== null && warm < hot
      ? { ...e, warmWithinDays: t('temperatureSettings.warmBelowHot', { hot }) }
      : e;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (hot === null || warm === null) {
      const required = t('common.required');
      return form.setErrors({
        ...(hot === null ? { hotWithinDays: required } : {}),
        ...(warm === null ? { warmWithinDays: required } : {}),
      });
    }
    await form.send(() => onSubmit({ hotWithinDays: hot, warmWithinDays: warm }), FIELDS, explain);
  };

  const input = {
    min: 0,
    max: MAX_TEMPERATURE_DAYS,
    allowDecimal: false,
    allowNegative: false,
    required: true,
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberInput
            {...input}
            label={t('temperatureSettings.hotWithinDays')}
            description={t('temperatureSettings.hotHint')}
            value={values.hotWithinDays}
            onChange={(value) => setField('hotWithinDays', value)}
            error={errors.hotWithinDays}
            data-testid="hot-within-days"
          />
          <NumberInput
            {...input}
            label={t('temperatureSettings.warmWithinDays')}
            description={t('temperatureSettings.warmHint')}
            value={values.warmWithinDays}
            onChange={(value) => setField('warmWithinDays', value)}
            error={errors.warmWithinDays}
            data-testid="warm-within-days"
          />
        </SimpleGrid>
        <Text size="sm" data-testid="temperature-explanation">
          {hot !== null && warm !== null
            ? t('temperatureSettings.explanation', { hot, warm })
            : t('temperatureSettings.explanationIncomplete')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('temperatureSettings.effect')}
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
