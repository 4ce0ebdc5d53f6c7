import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_PRESET_KINDS, type WebhookPresetKind } from '../../../domain/integrations/presets';
import { type CreateIntegrationInput, type IntegrationDto, isApiError } from '../../lib/api';
import { type FieldErrors, notifyProblem } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { IntegrationDeliverySection } from './IntegrationDeliverySection';
import {
  type IntegrationValues,
  integrationValuesOf,
  newIntegrationValues,
  placeServerProblems,
  presetRows,
  toIntegrationBody,
} from './integration-values';
import { MappingEditor } from './MappingEditor';
import type { MappingRow, RowProblem } from './mapping-rows';

/** The editor's own problem codes; the rest are the server's field error codes. */
const OWN_CODES = new Set(['no_target', 'duplicate_target', 'invalid_json']);

interface IntegrationFormProps {
  /** The integration being edited; none for a new one (then its preset can be chosen). */
  integration: IntegrationDto | null;
  /** Saves everything the form edits; a rejected ApiError puts its messages under the inputs and rows. */
  onSubmit: (input: Required<CreateIntegrationInput>) => Promise<IntegrationDto>;
}

/** Creates or edits an inbound webhook: its name and preset, its field mapping, and where its leads go. */
export function IntegrationForm({ integration, onSubmit }: IntegrationFormProps) {
  const { t } = useTranslation();
  const state = useFormState<IntegrationValues>(() =>
    integration ? integrationValuesOf(integration) : newIntegrationValues(),
  );
  const { values, errors, setField, setErrors } = state;
  const [submitting, setSubmitting] = useState(false);

  const show = (problems: Record<string, RowProblem>) => {
    const messages: FieldErrors = {};
    for (const [key, code] of Object.entries(problems)) {
      messages[key] = OWN_CODES.has(code)
        ? t(`integrations.mappingErrors.${code}` as 'integrations.mappingErrors.no_target')
        : t(`fieldErrors.${code}` as 'fieldErrors.invalid', { defaultValue: t('fieldErrors.invalid') });
    }
    setErrors(messages);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = toIntegrationBody(values);
    if (!checked.ok) {
      show(checked.problems);
      notifications.show({ color: 'red', title: t('app.error'), message: t('problems.validation') });
      return;
    }
    setSubmitting(true);
    try {
      state.reset(integrationValuesOf(await onSubmit(checked.body)));
    } catch (error) {
      if (isApiError(error)) show(placeServerProblems(error.problem.errors ?? [], values.rows));
      // why always: the mapping is long, and a message under a row far above the button goes unseen.
      notifyProblem(error);
    } finally {
      setSubmitting(false);
    }
  };

  const pickKind = (kind: WebhookPresetKind) => {
    setField('kind', kind);
    setField('rows', presetRows(kind));
    setErrors({});
  };
  const setRows = (rows: MappingRow[], cleared: string[]) => {
    setField('rows', rows);
    setErrors((old) => Object.fromEntries(Object.entries(old).filter(([key]) => !cleared.includes(key))));
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <Fieldset legend={t('integrations.sections.general')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('integrations.name')}
              description={t('integrations.nameHint')}
              required
              maxLength={200}
              value={values.name}
              onChange={(e) => setField('name', e.currentTarget.value)}
              error={errors.name}
              data-testid="integration-name"
              data-autofocus
            />
            <Select
              label={t('integrations.kind')}
              description={integration ? t('integrations.kindFixed') : t('integrations.kindHint')}
              data={WEBHOOK_PRESET_KINDS.map((kind) => ({
                value: kind,
                label: t(`integrations.kinds.${kind}`),
              }))}
              value={values.kind}
              onChange={(kind) => kind && pickKind(kind as WebhookPresetKind)}
              allowDeselect={false}
              disabled={integration !== null}
              error={errors.kind}
              data-testid="integration-kind"
            />
            <Switch
              label={t('integrations.activeLabel')}
              description={t('integrations.activeHint')}
              checked={values.active}
              onChange={(e) => setField('active', e.currentTarget.checked)}
              error={errors.active}
              mt={{ sm: 'lg' }}
              data-testid="integration-active-switch"
            />
          </SimpleGrid>
        </Fieldset>
        <MappingEditor
          rows={values.rows}
          errors={errors}
          onChange={setRows}
          onResetPreset={() => setRows(presetRows(values.kind), Object.keys(errors))}
        />
        <IntegrationDeliverySection values={values} errors={errors} setField={setField} />
        <Group justify="flex-end">
          <Button type="submit" loading={submitting} data-testid="integration-save">
            {integration ? t('common.save') : t('integrations.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
