import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDto } from '../../lib/api';
import { fieldErrorsByPath, notifyProblem, notifySuccess } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { ContactInputs } from '../leads/ContactInputs';
import {
  isShownIn,
  type PersonFormValues,
  personErrorsOf,
  personFormValues,
  toPersonInput,
} from './person-form.values';
import { useUpdatePerson } from './usePeople';

/**
 * The person's own fields. The parent keys it by `updatedAt`, so a save (which returns the
 * normalised person, phones in E.164) or a merge shows the stored values again.
 */
export function PersonForm({ person }: { person: PersonDto }) {
  const { t } = useTranslation();
  const form = useFormState<PersonFormValues>(() => personFormValues(person));
  const { values, errors, setField } = form;
  const update = useUpdatePerson(person.id);
  const [submitting, setSubmitting] = useState(false);

  const setList = (field: 'emails' | 'phones', list: string[]) => {
    setField(field, list);
    form.setErrors((old) =>
      Object.fromEntries(Object.entries(old).filter(([key]) => !key.startsWith(`${field}.`))),
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    try {
      await update.mutateAsync(toPersonInput(values));
      notifySuccess(t('people.saved'));
    } catch (error) {
      form.setErrors(personErrorsOf(fieldErrorsByPath(error), values));
      notifyProblem(error, isShownIn(values));
    } finally {
      setSubmitting(false);
    }
  };

  const text = (field: 'firstName' | 'lastName' | 'jobTitle' | 'city' | 'country') => ({
    value: values[field],
    onChange: (e: ChangeEvent<HTMLInputElement>) => setField(field, e.currentTarget.value),
    error: errors[field],
  });

  return (
    <form onSubmit={submit} noValidate data-testid="person-form">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('leads.form.firstName')} {...text('firstName')} />
          <TextInput label={t('leads.form.lastName')} {...text('lastName')} />
        </SimpleGrid>
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
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('people.city')} {...text('city')} />
          <TextInput
            label={t('people.country')}
            description={t('people.countryHint')}
            maxLength={2}
            {...text('country')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
