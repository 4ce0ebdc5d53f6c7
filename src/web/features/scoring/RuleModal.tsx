import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BEHAVIOURS, EMAIL_KINDS, FIT_FIELDS, OPERATORS, type Operator } from '../../../domain/scoring/rules';
import { currentLocale } from '../../i18n';
import { api, type RuleInput, type ScoringRuleDto } from '../../lib/api';
import { useFormState } from '../../lib/useFormState';
import { sourceName, useCampaigns, useProducts, useSources } from '../leads/useLeadOptions';
import { fieldLabel } from './rule-text';

interface RuleValues extends Record<string, unknown> {
  kind: 'fit' | 'behaviour';
  field: string;
  operator: Operator;
  text: string;
  list: string[];
  min: number | string;
  max: number | string;
  behaviour: string;
  points: number | string;
  group: string;
}

const FIELDS = ['kind', 'field', 'operator', 'value', 'behaviour', 'points', 'group'];

function initialValues(rule: ScoringRuleDto | null): RuleValues {
  const v = rule?.value;
  const range = v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  return {
    kind: rule?.kind ?? 'fit',
    field: rule?.field ?? 'person.jobTitle',
    operator: rule?.operator ?? 'contains',
    text: typeof v === 'string' ? v : '',
    list: Array.isArray(v) ? v : [],
    min: range.min ?? '',
    max: range.max ?? '',
    behaviour: rule?.behaviour ?? 'form_submitted',
    points: rule?.points ?? 10,
    group: rule?.group ?? '',
  };
}

const num = (value: number | string): number | undefined => (typeof value === 'number' ? value : undefined);

/** The request a form's values make: only what the chosen kind and operator read. */
export function ruleInput(values: RuleValues, scoreId: string): RuleInput {
  const base = {
    scoreId,
    points: typeof values.points === 'number' ? values.points : 0,
    group: values.group.trim() || null,
  };
  if (values.kind === 'behaviour')
    return { ...base, kind: 'behaviour', behaviour: values.behaviour as never };
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
  return { ...base, kind: 'fit', field: values.field, operator: values.operator, value };
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

interface RuleModalProps {
  opened: boolean;
  scoreId: string;
  /** The rule to change; null adds one. */
  rule: ScoringRuleDto | null;
  onClose: () => void;
  onSave: (input: RuleInput) => Promise<unknown>;
}

/** Adds or changes a fit rule (field, operator, value) or a behaviour rule, with its points and cap group. */
export function RuleModal({ opened, scoreId, rule, onClose, onSave }: RuleModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(rule ? 'scoring.editRule' : 'scoring.addRule')}
      size="lg"
    >
      {opened ? (
        <RuleForm key={rule?.id ?? 'new'} scoreId={scoreId} rule={rule} onClose={onClose} onSave={onSave} />
      ) : null}
    </Modal>
  );
}

function RuleForm({ scoreId, rule, onClose, onSave }: Omit<RuleModalProps, 'opened'>) {
  const { t } = useTranslation();
  const form = useFormState<RuleValues>(() => initialValues(rule));
  const { values, errors, setField, submitting } = form;
  const customFields = useQuery({
    queryKey: ['custom-fields', 'all'],
    queryFn: () => api.customFields.list({ active: true }),
  });
  const options = useValueOptions(values.field);
  const fieldChoices = [
    ...FIT_FIELDS.map((f) => ({ value: f, label: fieldLabel(f, t) })),
    ...(customFields.data?.items ?? []).map((f) => {
      const value = `custom.${f.entity}.${f.key}`;
      return {
        value,
        label: `${currentLocale() === 'lt' ? f.labelLt : f.labelEn} (${t(`scoring.entities.${f.entity}`)})`,
      };
    }),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await form.send(async () => {
      await onSave(ruleInput(values, scoreId));
      onClose();
    }, FIELDS);
  };

  const valueInput = () => {
    const common = { label: t('scoring.rule.value'), error: errors.value, 'data-testid': 'rule-value' };
    switch (values.operator) {
      case 'empty':
        return null;
      case 'range':
        return (
          <SimpleGrid cols={2}>
            <NumberInput
              label={t('scoring.rule.min')}
              value={values.min}
              onChange={(v) => setField('min', v)}
              error={errors.value}
              data-testid="rule-min"
            />
            <NumberInput
              label={t('scoring.rule.max')}
              value={values.max}
              onChange={(v) => setField('max', v)}
              data-testid="rule-max"
            />
          </SimpleGrid>
        );
      case 'in':
        return options ? (
          <MultiSelect
            {...common}
            data={options}
            value={values.list}
            onChange={(v) => setField('list', v)}
            searchable
          />
        ) : (
          <TagsInput
            {...common}
            description={t('scoring.rule.listHint')}
            value={values.list}
            onChange={(v) => setField('list', v)}
          />
        );
      default:
        return options && values.operator === 'equals' ? (
          <Select
            {...common}
            data={options}
            value={values.text || null}
            onChange={(v) => setField('text', v ?? '')}
            searchable
          />
        ) : (
          <TextInput
            {...common}
            value={values.text}
            onChange={(e) => setField('text', e.currentTarget.value)}
          />
        );
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SegmentedControl
          value={values.kind}
          onChange={(v) => setField('kind', v as RuleValues['kind'])}
          data={[
            { value: 'fit', label: t('scoring.kinds.fit') },
            { value: 'behaviour', label: t('scoring.kinds.behaviour') },
          ]}
          data-testid="rule-kind"
        />
        {values.kind === 'fit' ? (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <Select
                label={t('scoring.rule.field')}
                data={fieldChoices}
                value={values.field}
                onChange={(v) => {
                  setField('field', v ?? 'person.jobTitle');
                  setField('text', '');
                  setField('list', []);
                }}
                searchable
                allowDeselect={false}
                error={errors.field}
                data-testid="rule-field"
              />
              <Select
                label={t('scoring.rule.operator')}
                data={OPERATORS.map((o) => ({ value: o, label: t(`scoring.operators.${o}`) }))}
                value={values.operator}
                onChange={(v) => setField('operator', (v ?? 'equals') as Operator)}
                allowDeselect={false}
                error={errors.operator}
                data-testid="rule-operator"
              />
            </SimpleGrid>
            {valueInput()}
          </>
        ) : (
          <Select
            label={t('scoring.rule.behaviour')}
            description={t('scoring.rule.behaviourHint')}
            data={BEHAVIOURS.map((b) => ({ value: b, label: t(`scoring.behaviours.${b}`) }))}
            value={values.behaviour}
            onChange={(v) => setField('behaviour', v ?? 'form_submitted')}
            allowDeselect={false}
            error={errors.behaviour}
            data-testid="rule-behaviour"
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberInput
            label={t('scoring.rule.points')}
            description={t('scoring.rule.pointsHint')}
            value={values.points}
            onChange={(v) => setField('points', v)}
            allowDecimal={false}
            min={-1000}
            max={1000}
            error={errors.points}
            data-testid="rule-points"
          />
          <TextInput
            label={t('scoring.rule.group')}
            description={t('scoring.rule.groupHint')}
            value={values.group}
            onChange={(e) => setField('group', e.currentTarget.value)}
            error={errors.group}
            data-testid="rule-group"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting} data-testid="rule-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
