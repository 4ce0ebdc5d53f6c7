import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamDto, UserDto } from '../../lib/api';
import { useFormState } from '../../lib/useFormState';

export interface TeamFormValues extends Record<string, unknown> {
  name: string;
  managerId: string | null;
}

interface TeamFormProps {
  team: TeamDto | null;
  /** Who may lead a team: managers and admins. */
  managers: readonly UserDto[];
  onSubmit: (values: TeamFormValues) => Promise<unknown>;
  onCancel: () => void;
}

export function TeamForm({ team, managers, onSubmit, onCancel }: TeamFormProps) {
  const { t } = useTranslation();
  const form = useFormState<TeamFormValues>({ name: team?.name ?? '', managerId: team?.managerId ?? null });
  const { values, errors, setField, submitting } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.name.trim()) return form.setErrors({ name: t('common.required') });
    await form.send(
      () => onSubmit({ name: values.name.trim(), managerId: values.managerId }),
      ['name', 'managerId'],
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('teams.name')}
          required
          value={values.name}
          onChange={(e) => setField('name', e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <Select
          label={t('teams.manager')}
          placeholder={t('teams.noManager')}
          data={managers.map((user) => ({ value: user.id, label: user.name }))}
          value={values.managerId}
          onChange={(value) => setField('managerId', value)}
          clearable
          searchable
          error={errors.managerId}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {team ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
