import {
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BEHAVIOURS } from '../../../domain/scoring/rules';
import type { RuleInput, ScoringRuleDto } from '../../lib/api';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { problemMessage } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { ConditionInputs, type ConditionValues, conditionOf, conditionValues } from './ConditionInputs';

interface RuleValues extends ConditionValues, Record<string, unknown> {
  kind: 'fit' | 'behaviour';
  behaviour: string;
  points: number | string;
  group: string;
}

const FIELDS = ['kind', 'field', 'operator', 'value', 'behaviour', 'points', 'group'];

function initialValues(rule: ScoringRuleDto | null): RuleValues {
  return {
    ...conditionValues(
      rule?.kind === 'fit'
        ? { field: rule.field ?? '', operator: rule.operator ?? 'equals', value: rule.value ?? null }
        : null,
    ),
    kind: rule?.kind ?? 'fit',
    behaviour: rule?.behaviour ?? 'form_submitted',
    points: rule?.points ?? 10,
    group: rule?.group ?? '',
  };
}

/** The request a form's values make: only what the chosen kind and operator read. */
export function ruleInput(values: RuleValues, scoreId: string): RuleInput {
  const base = {
    scoreId,
    points: typeof values.points === 'number' ? values.points : 0,
    group: values.group.trim() || null,
  };
  if (values.kind === 'behaviour')
    return { ...base, kind: 'behaviour', behaviour: values.behaviour as never };
  return { ...base, kind: 'fit', ...conditionOf(values) };
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await form.send(async () => {
      await onSave(ruleInput(values, scoreId));
      onClose();
    }, FIELDS);
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
          <ConditionInputs
            values={values}
            onChange={(patch) => {
              for (const [k, v] of Object.entries(patch)) setField(k as keyof ConditionValues, v as never);
            }}
            errors={errors}
            testId="rule"
          />
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
        <RulePreview
          input={() => ({ ...ruleInput(values, scoreId), ...(rule ? { replaceRuleId: rule.id } : {}) })}
          scoreId={scoreId}
        />
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

/** "Would move 120 leads to MQL …": the change's effect on stages before it is saved. */
function RulePreview({
  input,
  scoreId,
}: {
  input: () => RuleInput & { replaceRuleId?: string };
  scoreId: string;
}) {
  const { t } = useTranslation();
  const preview = useMutation({
    mutationFn: () => {
      const { replaceRuleId, scoreId: _, ...rule } = input();
      return api.scoring.preview({ scoreId, rule, ...(replaceRuleId ? { replaceRuleId } : {}) });
    },
  });
  const m = preview.data?.moves;
  return (
    <Group gap="sm" align="center">
      <Button
        variant="subtle"
        size="compact-sm"
        loading={preview.isPending}
        onClick={() => preview.mutate()}
        data-testid="rule-preview"
      >
        {t('scoring.preview.run')}
      </Button>
      {preview.isError ? (
        <Text size="sm" c="red">
          {problemMessage(preview.error)}
        </Text>
      ) : null}
      {m ? (
        <Text size="sm" data-testid="rule-preview-result">
          {t(preview.data?.exact ? 'scoring.preview.exact' : 'scoring.preview.estimate', {
            mql: formatNumber(m.toMql),
            sql: formatNumber(m.toSql),
            suspect: formatNumber(m.toSuspect),
          })}
        </Text>
      ) : null}
    </Group>
  );
}
