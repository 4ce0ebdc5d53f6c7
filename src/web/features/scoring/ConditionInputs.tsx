import { MultiSelect, NumberInput, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EMAIL_KINDS, FIT_FIELDS, OPERATORS, type Operator, type Range } from '../../../domain/scoring/rules';
import { currentLocale } from '../../i18n';
import { api } from '../../lib/api';
import type { FieldErrors } from '../../lib/problems';
import { sourceName, useCampaigns, useProducts, useSources } from '../leads/useLeadOptions';
import { fieldLabel } from './rule-text';

/** A condition as the inputs hold it: the value split by operator ('' while a number is empty). */
export interface ConditionValues {
  field: string;
  operator: Operator;
  text: string;
  list: string[];
  min: number | string;
  max: number | string;
}

export type ConditionDto = { field: string; operator: Operator; value?: string | string[] | Range | null };

export function conditionValues(c: ConditionDto | null): ConditionValues {
  const v = c?.value;
  const range = v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  return {
    field: c?.field ?? 'person.jobTitle',
    operator: c?.operator ?? 'contains',
    text: typeof v === 'string' ? v : '',
    list: Array.isArray(v) ? v : [],
    min: range.min ?? '',
    max: range.max ?? '',
  };
}

const num = (value: number | string): number | undefined => (typeof value === 'number' ? value : undefined);

/** The request's condition: only the value its operator reads. */
export function conditionOf(values: ConditionValues): ConditionDto {
  const value =
    values.operator === 'empty'
      ? null
      : values.operator === 'in'
        ? values.list
        : values.operator === 'range'
          ? {
              ...(num(values.min) !== undefined ? { min: num(values.min) } : {}),
              ...(num(values.max) !== undefined ? { max: num(values.max) } : {}),
            }
          : values.text;
  return { field: values.field, operator: values.operator, value };
}

/** Choices for fields whose values come from a list (sources, products, campaigns, temperatures, e-mail kinds). */
function useValueOptions(field: string): { value: string; label: string }[] | null {
  const { t } = useTranslation();
  const sources = useSources();
  const products = useProducts();
  const campaigns = useCampaigns();
  switch (field) {
    case 'lead.source':
      return (sources.data ?? []).map((s) => ({ value: s.key, label: sourceName(s, currentLocale()) }));
    case 'lead.products':
      return (products.data ?? []).map((p) => ({ value: p.id, label: p.name }));
    case 'lead.campaign':
      return (campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }));
    case 'lead.temperature':
      return (['hot', 'warm', 'cold'] as const).map((v) => ({ value: v, label: t(`temperatures.${v}`) }));
    case 'email.kind':
      return EMAIL_KINDS.map((v) => ({ value: v, label: t(`scoring.emailKinds.${v}`) }));
    default:
      return null;
  }
}

interface ConditionInputsProps {
  values: ConditionValues;
  onChange: (patch: Partial<ConditionValues>) => void;
  errors: FieldErrors;
  /** Fields offered besides the fit fields and custom fields (routing adds `lead.score`). */
  extraFields?: readonly string[];
  /** Test ids' prefix: `rule` → rule-field, rule-operator, rule-value. */
  testId: string;
}

/** Field, condition and value of a fit rule or a routing condition, the value input following the operator. */
export function ConditionInputs({
  values,
  onChange,
  errors,
  extraFields = [],
  testId,
}: ConditionInputsProps) {
  const { t } = useTranslation();
  const customFields = useQuery({
    queryKey: ['custom-fields', 'all'],
    queryFn: () => api.customFields.list({ active: true }),
  });
  const options = useValueOptions(values.field);
  const fieldChoices = [
    ...[...extraFields, ...FIT_FIELDS].map((f) => ({ value: f, label: fieldLabel(f, t) })),
    ...(customFields.data?.items ?? []).map((f) => ({
      value: `custom.${f.entity}.${f.key}`,
      label: `${currentLocale() === 'lt' ? f.labelLt : f.labelEn} (${t(`scoring.entities.${f.entity}`)})`,
    })),
  ];
  const common = { label: t('scoring.rule.value'), error: errors.value, 'data-testid': `${testId}-value` };
  const valueInput = () => {
    switch (values.operator) {
      case 'empty':
        return null;
      case 'range':
        return (
          <SimpleGrid cols={2}>
            <NumberInput
              label={t('scoring.rule.min')}
              value={values.min}
              onChange={(v) => onChange({ min: v })}
              error={errors.value}
              data-testid={`${testId}-min`}
            />
            <NumberInput
              label={t('scoring.rule.max')}
              value={values.max}
              onChange={(v) => onChange({ max: v })}
              data-testid={`${testId}-max`}
            />
          </SimpleGrid>
        );
      case 'in':
        return options ? (
          <MultiSelect
            {...common}
            data={options}
            value={values.list}
            onChange={(v) => onChange({ list: v })}
            searchable
          />
        ) : (
          <TagsInput
            {...common}
            description={t('scoring.rule.listHint')}
            value={values.list}
            onChange={(v) => onChange({ list: v })}
          />
        );
      default:
        return options && values.operator === 'equals' ? (
          <Select
            {...common}
            data={options}
            value={values.text || null}
            onChange={(v) => onChange({ text: v ?? '' })}
            searchable
          />
        ) : (
          <TextInput
            {...common}
            value={values.text}
            onChange={(e) => onChange({ text: e.currentTarget.value })}
          />
        );
    }
  };
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <Select
          label={t('scoring.rule.field')}
          data={fieldChoices}
          value={values.field}
          onChange={(v) => onChange({ field: v ?? 'person.jobTitle', text: '', list: [] })}
          searchable
          allowDeselect={false}
          error={errors.field}
          data-testid={`${testId}-field`}
        />
        <Select
          label={t('scoring.rule.operator')}
          data={OPERATORS.map((o) => ({ value: o, label: t(`scoring.operators.${o}`) }))}
          value={values.operator}
          onChange={(v) => onChange({ operator: (v ?? 'equals') as Operator })}
          allowDeselect={false}
          error={errors.operator}
          data-testid={`${testId}-operator`}
        />
      </SimpleGrid>
      {valueInput()}
    </>
  );
}
