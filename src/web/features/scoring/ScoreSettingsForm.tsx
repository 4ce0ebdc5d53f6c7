import { Button, Group, NumberInput, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScoreInput, ScoreModelDto } from '../../lib/api';
import { useFormState } from '../../lib/useFormState';

interface ScoreValues extends Record<string, unknown> {
  nameLt: string;
  nameEn: string;
  mqlThreshold: number | string;
  sqlThreshold: number | string;
  totalCap: number | string;
  halfLifeDays: number | string;
  demoteOnDecay: boolean;
}

const FIELDS = [
  'nameLt',
  'nameEn',
  'mqlThreshold',
  'sqlThreshold',
  'totalCap',
  'halfLifeDays',
  'demoteOnDecay',
];
const num = (v: number | string): number | null => (typeof v === 'number' ? v : null);

interface ScoreSettingsFormProps {
  score: ScoreModelDto | null;
  readOnly: boolean;
  onSubmit: (input: ScoreInput) => Promise<unknown>;
}

/**
 * A score's names, MQL and SQL thresholds, total cap and the half-life of behaviour points. The
 * server refuses thresholds out of order or a cap below SQL, naming the field.
 */
export function ScoreSettingsForm({ score, readOnly, onSubmit }: ScoreSettingsFormProps) {
  const { t } = useTranslation();
  const form = useFormState<ScoreValues>(() => ({
    nameLt: score?.nameLt ?? '',
    nameEn: score?.nameEn ?? '',
    mqlThreshold: score?.mqlThreshold ?? 50,
    sqlThreshold: score?.sqlThreshold ?? 100,
    totalCap: score?.totalCap ?? '',
    halfLifeDays: score?.halfLifeDays ?? '',
    demoteOnDecay: score?.demoteOnDecay ?? false,
  }));
  const { values, errors, setField, submitting } = form;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await form.send(
      () =>
        onSubmit({
          nameLt: values.nameLt,
          nameEn: values.nameEn,
          mqlThreshold: num(values.mqlThreshold) ?? 0,
          sqlThreshold: num(values.sqlThreshold) ?? 0,
          totalCap: num(values.totalCap),
          groupCaps: score?.groupCaps ?? {},
          halfLifeDays: num(values.halfLifeDays),
          demoteOnDecay: values.demoteOnDecay,
        }),
      FIELDS,
    );
  };
  const testId = (name: string) => `score-${name}`;
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('scoring.score.nameLt')}
              value={values.nameLt}
              onChange={(e) => setField('nameLt', e.currentTarget.value)}
              error={errors.nameLt}
              data-testid={testId('name-lt')}
            />
            <TextInput
              label={t('scoring.score.nameEn')}
              value={values.nameEn}
              onChange={(e) => setField('nameEn', e.currentTarget.value)}
              error={errors.nameEn}
              data-testid={testId('name-en')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <NumberInput
              label={t('scoring.score.mql')}
              value={values.mqlThreshold}
              onChange={(v) => setField('mqlThreshold', v)}
              allowDecimal={false}
              error={errors.mqlThreshold}
              data-testid={testId('mql')}
            />
            <NumberInput
              label={t('scoring.score.sql')}
              value={values.sqlThreshold}
              onChange={(v) => setField('sqlThreshold', v)}
              allowDecimal={false}
              error={errors.sqlThreshold}
              data-testid={testId('sql')}
            />
            <NumberInput
              label={t('scoring.score.totalCap')}
              placeholder={t('scoring.score.noCap')}
              value={values.totalCap}
              onChange={(v) => setField('totalCap', v)}
              allowDecimal={false}
              error={errors.totalCap}
              data-testid={testId('cap')}
            />
            <NumberInput
              label={t('scoring.score.halfLife')}
              placeholder={t('scoring.score.noDecay')}
              value={values.halfLifeDays}
              onChange={(v) => setField('halfLifeDays', v)}
              error={errors.halfLifeDays}
              data-testid={testId('half-life')}
            />
          </SimpleGrid>
          <Switch
            label={t('scoring.score.demote')}
            checked={values.demoteOnDecay}
            onChange={(e) => setField('demoteOnDecay', e.currentTarget.checked)}
          />
          {readOnly ? null : (
            <Group justify="flex-end">
              <Button type="submit" loading={submitting} data-testid={testId('save')}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
