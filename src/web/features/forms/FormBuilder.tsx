import { Button, Fieldset, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../domain/errors/app-error';
import { FORM_KINDS, FORM_STATUSES, LANGS } from '../../../domain/forms/form-fields';
import type { CreateFormInput, FormDto } from '../../lib/api';
import { isApiError } from '../../lib/api';
import { type FieldErrors, notifyProblem } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { useLeadCustomFields } from '../leads/useLeadOptions';
import { FormDeliverySection } from './FormDeliverySection';
import { FormFieldsEditor } from './FormFieldsEditor';
import { FormTextsSection } from './FormTextsSection';
import {
  type FieldRow,
  type FormValues,
  formValuesOf,
  localProblems,
  messageKeyOf,
  newFormValues,
  placeProblems,
  toFormBody,
} from './form-values';

interface FormBuilderProps {
  /** The form being edited; none for a new one. */
  form: FormDto | null;
  readOnly: boolean;
  /** Saves everything the builder edits; a rejected ApiError puts its messages under the inputs. */
  onSubmit: (input: Required<CreateFormInput>) => Promise<FormDto>;
}

/** Creates or edits a web form: what it asks, what it says, where its leads go and how it is guarded. */
export function FormBuilder({ form, readOnly, onSubmit }: FormBuilderProps) {
  const { t } = useTranslation();
  const state = useFormState<FormValues>(() => (form ? formValuesOf(form) : newFormValues()));
  const { values, errors, setField, setErrors } = state;
  const custom = useLeadCustomFields();
  const [submitting, setSubmitting] = useState(false);

  const show = (problems: readonly FieldError[], rows: readonly FieldRow[]) => {
    const { placed } = placeProblems(problems, rows);
    const messages: FieldErrors = {};
    for (const [key, problem] of Object.entries(placed)) {
      const defaultValue = problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
      messages[key] = t(messageKeyOf(problem) as 'fieldErrors.invalid', { defaultValue });
    }
    setErrors(messages);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const rows = values.fields;
    const local = localProblems(values, custom.data);
    if (local.length > 0) {
      show(local, rows);
      notifications.show({ color: 'red', title: t('app.error'), message: t('problems.validation') });
      return;
    }
    setSubmitting(true);
    try {
      const saved = await onSubmit(toFormBody(values));
      state.reset(formValuesOf(saved));
    } catch (error) {
      const sent = isApiError(error) ? (error.problem.errors ?? []) : [];
      show(
        sent.map((e) => ({ ...e, field: e.field.replace(/^body\./, '') })),
        rows,
      );
      // why always: the builder is long, and a message under a field far above the button goes unseen.
      notifyProblem(error);
    } finally {
      setSubmitting(false);
    }
  };

  const setRows = (rows: FieldRow[], cleared: string[]) => {
    setField('fields', rows);
    setErrors((old) => Object.fromEntries(Object.entries(old).filter(([key]) => !cleared.includes(key))));
  };
  const section = { values, errors, setField, readOnly };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Fieldset legend={t('forms.sections.general')} disabled={readOnly}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('forms.name')}
              description={t('forms.nameHint')}
              required
              maxLength={200}
              value={values.name}
              onChange={(e) => setField('name', e.currentTarget.value)}
              error={errors.name}
              data-testid="form-name"
              data-autofocus
            />
            <Select
              label={t('forms.statusLabel')}
              description={t('forms.statusHint')}
              data={FORM_STATUSES.map((status) => ({ value: status, label: t(`forms.status.${status}`) }))}
              value={values.status}
              onChange={(status) => status && setField('status', status as FormValues['status'])}
              allowDeselect={false}
              error={errors.status}
              data-testid="form-status"
            />
            <Select
              label={t('forms.defaultLanguage')}
              description={t('forms.defaultLanguageHint')}
              data={LANGS.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))}
              value={values.defaultLanguage}
              onChange={(lang) => lang && setField('defaultLanguage', lang as FormValues['defaultLanguage'])}
              allowDeselect={false}
              error={errors.defaultLanguage}
              data-testid="form-language"
            />
            <Select
              label={t('forms.kindLabel')}
              description={t('forms.kindHint')}
              data={FORM_KINDS.map((kind) => ({ value: kind, label: t(`forms.kind.${kind}`) }))}
              value={values.kind}
              onChange={(kind) => kind && setField('kind', kind as FormValues['kind'])}
              allowDeselect={false}
              error={errors.kind}
              data-testid="form-kind"
            />
          </SimpleGrid>
        </Fieldset>
        <FormFieldsEditor
          rows={values.fields}
          custom={custom.data}
          errors={errors}
          readOnly={readOnly}
          onChange={setRows}
        />
        <FormTextsSection {...section} />
        <FormDeliverySection {...section} />
        {readOnly ? null : (
          <Group justify="flex-end">
            <Button type="submit" loading={submitting} data-testid="form-save">
              {form ? t('common.save') : t('forms.create')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
