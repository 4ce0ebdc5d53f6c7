import {
  ActionIcon,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STRATEGIES, type Strategy } from '../../../domain/routing/rules';
import type { RoutingPersonDto, RoutingRuleDto, RoutingRuleInput } from '../../lib/api';
import { fieldErrorsByPath, notifyProblem } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import {
  ConditionInputs,
  type ConditionValues,
  conditionOf,
  conditionValues,
} from '../scoring/ConditionInputs';

interface RoutingValues extends Record<string, unknown> {
  name: string;
  active: boolean;
  conditions: ConditionValues[];
  target: 'team' | 'people';
  teamId: string | null;
  userIds: string[];
  strategy: Strategy;
  weights: Record<string, number | string>;
}

const FIELDS = ['name', 'active', 'conditions', 'teamId', 'userIds', 'strategy', 'weights'];

function initialValues(rule: RoutingRuleDto | null): RoutingValues {
  return {
    name: rule?.name ?? '',
    active: rule?.active ?? true,
    conditions: (rule?.conditions ?? []).map((c) => conditionValues(c)),
    target: rule?.teamId ? 'team' : 'people',
    teamId: rule?.teamId ?? null,
    userIds: rule?.userIds ?? [],
    strategy: rule?.strategy ?? 'round_robin',
    weights: rule?.weights ?? {},
  };
}

export function routingInput(values: RoutingValues): RoutingRuleInput {
  const team = values.target === 'team';
  return {
    name: values.name,
    active: values.active,
    conditions: values.conditions.map(conditionOf),
    teamId: team ? values.teamId : null,
    userIds: team ? [] : values.userIds,
    strategy: values.strategy,
    weights: Object.fromEntries(
      Object.entries(values.weights).flatMap(([id, w]) =>
        typeof w === 'number' && !team && values.userIds.includes(id) ? [[id, w]] : [],
      ),
    ),
  };
}

interface RoutingRuleModalProps {
  opened: boolean;
  rule: RoutingRuleDto | null;
  people: readonly RoutingPersonDto[];
  onClose: () => void;
  onSave: (input: RoutingRuleInput) => Promise<unknown>;
}

/** A routing rule: its conditions (all must hold), a team or people, and how leads are dealt among them. */
export function RoutingRuleModal({ opened, rule, people, onClose, onSave }: RoutingRuleModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(rule ? 'routing.editRule' : 'routing.addRule')}
      size="xl"
    >
      {opened ? (
        <RoutingRuleForm
          key={rule?.id ?? 'new'}
          rule={rule}
          people={people}
          onClose={onClose}
          onSave={onSave}
        />
      ) : null}
    </Modal>
  );
}

function RoutingRuleForm({ rule, people, onClose, onSave }: Omit<RoutingRuleModalProps, 'opened'>) {
  const { t } = useTranslation();
  const form = useFormState<RoutingValues>(() => initialValues(rule));
  const { values, errors, setField, setErrors } = form;
  const teams = [
    ...new Map(
      people.flatMap((p) => (p.teamId ? [[p.teamId, p.teamName ?? p.teamId] as const] : [])),
    ).entries(),
  ].map(([value, label]) => ({ value, label }));
  const personChoices = people.map((p) => ({ value: p.id, label: p.name }));
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  // Errors of nested conditions (`conditions.0.value`) go under that condition's inputs.
  const conditionErrors = (i: number) => {
    const prefix = `conditions.${i}.`;
    return Object.fromEntries(
      Object.entries(errors)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), v]),
    );
  };

  const [submitting, setSubmitting] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    try {
      await onSave(routingInput(values));
      onClose();
    } catch (error) {
      // nested problems (`conditions.0.value`) keep their whole path, to sit under that condition
      setErrors(fieldErrorsByPath(error));
      notifyProblem(error, FIELDS);
    } finally {
      setSubmitting(false);
    }
  };

  const setCondition = (i: number, patch: Partial<ConditionValues>) =>
    setField(
      'conditions',
      values.conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group grow align="flex-end">
          <TextInput
            label={t('routing.name')}
            value={values.name}
            onChange={(e) => setField('name', e.currentTarget.value)}
            error={errors.name}
            data-testid="routing-name"
          />
          <Switch
            label={t('routing.active')}
            checked={values.active}
            onChange={(e) => setField('active', e.currentTarget.checked)}
          />
        </Group>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('routing.conditions')}
          </Text>
          {values.conditions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('routing.everyLead')}
            </Text>
          ) : null}
          {values.conditions.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no ids; their place is who they are
            <Paper key={i} withBorder p="xs">
              <Group align="flex-start" wrap="nowrap">
                <Stack gap="xs" style={{ flex: 1 }}>
                  <ConditionInputs
                    values={c}
                    onChange={(patch) => setCondition(i, patch)}
                    errors={conditionErrors(i)}
                    extraFields={['lead.score']}
                    testId={`condition-${i}`}
                  />
                </Stack>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={24}
                  aria-label={t('routing.removeCondition')}
                  onClick={() =>
                    setField(
                      'conditions',
                      values.conditions.filter((_, j) => j !== i),
                    )
                  }
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Paper>
          ))}
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() =>
              setField('conditions', [
                ...values.conditions,
                conditionValues({ field: 'lead.source', operator: 'equals', value: '' }),
              ])
            }
            data-testid="routing-add-condition"
            style={{ alignSelf: 'flex-start' }}
          >
            {t('routing.addCondition')}
          </Button>
        </Stack>
        <SegmentedControl
          value={values.target}
          onChange={(v) => setField('target', v as RoutingValues['target'])}
          data={[
            { value: 'people', label: t('routing.toPeople') },
            { value: 'team', label: t('routing.toTeam') },
          ]}
          data-testid="routing-target"
        />
        {values.target === 'team' ? (
          <Select
            label={t('routing.team')}
            description={t('routing.teamHint')}
            data={teams}
            value={values.teamId}
            onChange={(v) => setField('teamId', v)}
            error={errors.teamId}
            data-testid="routing-team"
          />
        ) : (
          <MultiSelect
            label={t('routing.people')}
            data={personChoices}
            value={values.userIds}
            onChange={(v) => setField('userIds', v)}
            searchable
            error={errors.userIds ?? errors.teamId}
            data-testid="routing-people"
          />
        )}
        <Select
          label={t('routing.strategy')}
          data={STRATEGIES.map((s) => ({ value: s, label: t(`assignment.strategies.${s}`) }))}
          description={t(`routing.strategyHints.${values.strategy}`)}
          value={values.strategy}
          onChange={(v) => setField('strategy', (v ?? 'round_robin') as Strategy)}
          allowDeselect={false}
          error={errors.strategy}
          data-testid="routing-strategy"
        />
        {values.strategy === 'weighted' && values.target === 'people' && values.userIds.length ? (
          <Stack gap={4}>
            <Text size="sm">{t('routing.weights')}</Text>
            {errors.weights ? (
              <Text size="xs" c="red">
                {errors.weights}
              </Text>
            ) : null}
            {values.userIds.map((id) => (
              <NumberInput
                key={id}
                label={nameOf(id)}
                value={values.weights[id] ?? 1}
                min={0}
                max={1000}
                allowDecimal={false}
                onChange={(v) => setField('weights', { ...values.weights, [id]: v })}
                data-testid={`routing-weight-${id}`}
              />
            ))}
          </Stack>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting} data-testid="routing-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
