import { Input, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** When the lead means to buy, as the form holds it: `date` is YYYY-MM-DD when kind is `date`. */
export interface TimeframeValue {
  kind: 'now' | 'date' | 'none';
  date: string;
}

const KINDS = ['now', 'date', 'none'] as const;

export function timeframeValueOf(timeframe: string | null): TimeframeValue {
  if (timeframe === null) return { kind: 'none', date: '' };
  return timeframe === 'now' ? { kind: 'now', date: '' } : { kind: 'date', date: timeframe };
}

export function timeframeOfValue(value: TimeframeValue): string | null {
  if (value.kind === 'none') return null;
  return value.kind === 'now' ? 'now' : value.date;
}

interface TimeframeInputProps {
  value: TimeframeValue;
  onChange: (value: TimeframeValue) => void;
  error?: string | undefined;
}

/** Purchase timeframe: now, by a date, or not known — the lead's temperature follows from it. */
export function TimeframeInput({ value, onChange, error }: TimeframeInputProps) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Input.Wrapper
      label={t('timeframe.label')}
      description={t('timeframe.hint')}
      id={labelId}
      labelElement="div"
      error={value.kind === 'date' ? undefined : error}
    >
      <Stack gap="xs" mt={4}>
        <SegmentedControl
          aria-labelledby={`${labelId}-label`}
          data={KINDS.map((kind) => ({ value: kind, label: t(`timeframe.${kind}`) }))}
          value={value.kind}
          onChange={(kind) => onChange({ ...value, kind: kind as TimeframeValue['kind'] })}
          data-testid="timeframe-kind"
        />
        {value.kind === 'date' ? (
          <TextInput
            type="date"
            aria-label={t('timeframe.date')}
            value={value.date}
            onChange={(e) => onChange({ ...value, date: e.currentTarget.value })}
            error={error}
            data-testid="timeframe-date"
          />
        ) : null}
      </Stack>
    </Input.Wrapper>
  );
}
