import { Divider, MultiSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import type { CustomFieldDto } from '../../lib/api';
import { RangeInputs } from './RangeInputs';
import { useDebouncedText } from './useDebouncedText';
import { useLeadCustomFields } from './useLeadOptions';

/** `10..50` → ['10', '50'], `10..` → ['10', ''], one value `7` → ['7', '7']. */
function rangeParts(value: string): [string, string] {
  if (!value) return ['', ''];
  // why the last `..`: a "from" still being typed ends in a dot (`1.` + `..` → `1...`)
  const cut = value.lastIndexOf('..');
  if (cut < 0) return [value, value];
  return [value.slice(0, cut), value.slice(cut + 2)];
}

/** ['10', ''] → `10..`; both ends open → '' (no condition). */
const rangeValue = (from: string, to: string) => (from || to ? `${from}..${to}` : '');

function isBackwards(type: 'number' | 'date', from: string, to: string): boolean {
  if (!from || !to) return false;
  return type === 'number' ? Number(from) > Number(to) : from > to;
}

interface FieldFilterProps {
  field: CustomFieldDto;
  /** The condition as the list's `cf` takes it after `key:`; empty for none. */
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

function TextFieldFilter({
  label,
  value,
  onChange,
  error,
}: Omit<FieldFilterProps, 'field'> & { label: string }) {
  const [text, setText] = useDebouncedText(value, onChange);
  return (
    <TextInput label={label} value={text} onChange={(e) => setText(e.currentTarget.value)} error={error} />
  );
}

function BooleanFieldFilter({
  label,
  value,
  onChange,
}: Omit<FieldFilterProps, 'field' | 'error'> & { label: string }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <SegmentedControl
        role="radiogroup"
        aria-labelledby={labelId}
        data={[
          { value: 'any', label: t('leads.any') },
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]}
        value={value || 'any'}
        onChange={(next) => onChange(next === 'any' ? '' : next)}
      />
    </Stack>
  );
}

/** One custom field's condition, by its type: contains, a range, any of the options, or yes/no. */
function FieldFilter({ field, value, onChange, error }: FieldFilterProps) {
  const { t } = useTranslation();
  const lt = currentLocale() === 'lt';
  const label = lt ? field.labelLt : field.labelEn;
  switch (field.type) {
    case 'text':
      return <TextFieldFilter label={label} value={value} onChange={onChange} error={error} />;
    case 'number':
    case 'date': {
      const [from, to] = rangeParts(value);
      const backwards = isBackwards(field.type, from, to);
      return (
        <RangeInputs
          kind={field.type}
          fromLabel={t('leads.moreFilters.rangeFrom', { label })}
          toLabel={t('leads.moreFilters.rangeTo', { label })}
          from={from}
          to={to}
          onChange={(nextFrom, nextTo) => onChange(rangeValue(nextFrom, nextTo))}
          toError={
            backwards
              ? t(field.type === 'date' ? 'fieldErrors.date_order' : 'fieldErrors.out_of_range')
              : error
          }
        />
      );
    }
    case 'select':
    case 'multiselect':
      return (
        <MultiSelect
          label={label}
          placeholder={value ? undefined : t('leads.any')}
          data={field.options.map((option) => ({
            value: option.value,
            label: lt ? option.labelLt : option.labelEn,
          }))}
          value={value ? value.split('|') : []}
          onChange={(next) => onChange(next.join('|'))}
          searchable
          clearable
          error={error}
        />
      );
    case 'boolean':
      return <BooleanFieldFilter label={label} value={value} onChange={onChange} />;
  }
}

interface CustomFieldFiltersProps {
  custom: Record<string, string>;
  onChange: (custom: Record<string, string>) => void;
  /** Messages by field key (the server names a condition by its place in `cf`; the caller maps it). */
  errors: Record<string, string>;
}

/** A filter for each active lead custom field (and any inactive one a saved filter still names). */
export function CustomFieldFilters({ custom, onChange, errors }: CustomFieldFiltersProps) {
  const { t } = useTranslation();
  const fields = useLeadCustomFields();
  const shown = (fields.data ?? []).filter((field) => field.active || custom[field.key] !== undefined);
  if (shown.length === 0) return null;

  const setValue = (key: string, value: string) => {
    const { [key]: _old, ...rest } = custom;
    // Spreading `custom` keeps a changed condition in its place (the server names conditions by place).
    onChange(value.trim() ? { ...custom, [key]: value } : rest);
  };
  return (
    <>
      <Divider label={t('leads.moreFilters.customFields')} labelPosition="left" />
      {shown.map((field) => (
        <FieldFilter
          key={field.id}
          field={field}
          value={custom[field.key] ?? ''}
          onChange={(value) => setValue(field.key, value)}
          error={errors[field.key]}
        />
      ))}
    </>
  );
}
