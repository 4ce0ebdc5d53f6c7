import { NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreateActivityInput } from '../../lib/api';
import { notifySuccess } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { ActionModal, type QuickActionProps, saveShowingErrors } from './ActionModal';
import { useAddActivity } from './useTimeline';

type Direction = NonNullable<CreateActivityInput['direction']>;
type Outcome = NonNullable<CreateActivityInput['outcome']>;
const DIRECTIONS = ['outbound', 'inbound'] as const satisfies readonly Direction[];
export const CALL_OUTCOMES = [
  'connected',
  'no_answer',
  'voicemail',
  'busy',
  'wrong_number',
] as const satisfies readonly Outcome[];

interface CallValues extends Record<string, unknown> {
  direction: Direction;
  outcome: Outcome;
  minutes: number | string;
  body: string;
}

const FIELDS = ['direction', 'outcome', 'durationSeconds', 'body'];

export function LogCallModal({ leadId, opened, onClose }: QuickActionProps) {
  const { t } = useTranslation();
  const addActivity = useAddActivity(leadId);
  const form = useFormState<CallValues>({
    direction: 'outbound',
    outcome: 'connected',
    minutes: '',
    body: '',
  });
  const { values, errors, setField } = form;

  const save = async () => {
    const minutes = typeof values.minutes === 'number' ? values.minutes : null;
    const input: CreateActivityInput = { type: 'call', direction: values.direction, outcome: values.outcome };
    if (minutes !== null) input.durationSeconds = Math.round(minutes * 60);
    if (values.body.trim()) input.body = values.body;
    const saved = await saveShowingErrors(() => addActivity.mutateAsync(input), form.setErrors, FIELDS);
    if (saved) {
      notifySuccess(t('activities.callLogged'));
      onClose();
    }
  };

  return (
    <ActionModal
      opened={opened}
      onClose={onClose}
      title={t('activities.logCall')}
      submitLabel={t('activities.logCall')}
      onSubmit={save}
    >
      <Stack gap={4}>
        <Text size="sm" fw={500} id="call-direction-label">
          {t('activities.direction')}
        </Text>
        <SegmentedControl
          aria-labelledby="call-direction-label"
          data={DIRECTIONS.map((direction) => ({
            value: direction,
            label: t(`callDirections.${direction}`),
          }))}
          value={values.direction}
          onChange={(direction) => setField('direction', direction as Direction)}
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <Select
          label={t('activities.outcome')}
          data={CALL_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`callOutcomes.${outcome}`) }))}
          value={values.outcome}
          onChange={(outcome) => outcome && setField('outcome', outcome as Outcome)}
          allowDeselect={false}
          error={errors.outcome}
        />
        <NumberInput
          label={t('activities.durationMinutes')}
          min={0}
          max={1440}
          allowDecimal={false}
          value={values.minutes}
          onChange={(minutes) => setField('minutes', minutes)}
          error={errors.durationSeconds}
        />
      </SimpleGrid>
      <Textarea
        label={t('activities.note')}
        autosize
        minRows={3}
        maxRows={10}
        value={values.body}
        onChange={(e) => setField('body', e.currentTarget.value)}
        error={errors.body}
      />
    </ActionModal>
  );
}
