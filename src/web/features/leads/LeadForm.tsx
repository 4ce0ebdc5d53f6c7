import { Button, Fieldset, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateLeadInput } from '../../lib/api';
import { fieldErrorsByPath, notifyProblem } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { ContactInputs } from './ContactInputs';
import { LeadInterestFields } from './LeadInterestFields';
import {
  formErrorsOf,
  initialLeadValues,
  isPlacedIn,
  type LeadFormValues,
  toCreateLeadInput,
  validateLeadValues,
} from './lead-form.values';
import { TimeframeInput } from './TimeframeInput';

interface LeadFormProps {
  /** Saves; a rejected promise carrying an ApiError puts its messages under the inputs. */
  onSubmit: (input: CreateLeadInput) => Promise<unknown>;
  onCancel: () => void;
}

/** A new lead with its person and, optionally, organisation — one request, as the API takes it. */
export function LeadForm({ onSubmit, onCancel }: LeadFormProps) {
  const { t } = useTranslation();
  const form = useFormState<LeadFormValues>(initialLeadValues);
  const { values, errors, setField } = form;
  const [submitting, setSubmitting] = useState(false);

  const setList = (field: 'emails' | 'phones', list: string[]) => {
    setField(field, list);
    form.setErrors((old) =>
      Object.fromEntries(Object.entries(old).filter(([key]) => !key.startsWith(`${field}.`))),
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = validateLeadValues(values, t('common.required'));
    if (Object.keys(problems).length > 0) return form.setErrors(problems);
    setSubmitting(true);
    try {
      await onSubmit(toCreateLeadInput(values));
    } catch (error) {
      form.setErrors(formErrorsOf(fieldErrorsByPath(error), values).errors);
      notifyProblem(error, isPlacedIn(values));
    } finally {
      setSubmitting(false);
    }
  };

  const text = (
    field: 'firstName' | 'lastName' | 'jobTitle' | 'organisationName' | 'companyCode' | 'website',
  ) => ({
    value: values[field],
    onChange: (e: ChangeEvent<HTMLInputElement>) => setField(field, e.currentTarget.value),
    error: errors[field],
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Fieldset legend={t('leads.form.person')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('leads.form.firstName')} {...text('firstName')} data-autofocus />
            <TextInput label={t('leads.form.lastName')} {...text('lastName')} />
            <ContactInputs
              field="emails"
              label={t('leads.email')}
              addLabel={t('leads.form.addEmail')}
              values={values.emails}
              errors={errors}
              onChange={(list) => setList('emails', list)}
            />
            <ContactInputs
              field="phones"
              label={t('leads.phone')}
              addLabel={t('leads.form.addPhone')}
              values={values.phones}
              errors={errors}
              onChange={(list) => setList('phones', list)}
            />
            <TextInput label={t('leads.form.jobTitle')} {...text('jobTitle')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('leads.form.organisationOptional')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('leads.form.organisationName')} {...text('organisationName')} />
            <TextInput label={t('leads.form.companyCode')} {...text('companyCode')} />
            <TextInput label={t('leads.form.website')} {...text('website')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('leads.form.interest')}>
          <Stack>
            <TimeframeInput
              value={values.timeframe}
              onChange={(timeframe) => setField('timeframe', timeframe)}
              error={errors.timeframe}
            />
            <LeadInterestFields values={values} errors={errors} onChange={setField} />
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {t('leads.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
