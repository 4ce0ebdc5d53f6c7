import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateTokenInput, UserDto } from '../../lib/api';
import { useFormState } from '../../lib/useFormState';

interface TokenFormProps {
  users: readonly UserDto[];
  /** The user the token acts for unless another is chosen: the admin creating it. */
  defaultUserId: string;
  onSubmit: (input: CreateTokenInput) => Promise<unknown>;
  onCancel: () => void;
}

export function TokenForm({ users, defaultUserId, onSubmit, onCancel }: TokenFormProps) {
  const { t } = useTranslation();
  const form = useFormState({ name: '', userId: defaultUserId });
  const { values, errors, setField, submitting } = form;
  const choices = users.filter((user) => user.active || user.id === defaultUserId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.name.trim()) return form.setErrors({ name: t('common.required') });
    await form.send(() => onSubmit({ name: values.name.trim(), userId: values.userId }), ['name', 'userId']);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('tokens.name')}
          required
          value={values.name}
          onChange={(e) => setField('name', e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <Select
          label={t('tokens.user')}
          data={choices.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }))}
          value={values.userId}
          onChange={(value) => value && setField('userId', value)}
          allowDeselect={false}
          searchable
          error={errors.userId}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
