import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale, ROLES, type Role } from '../../../domain/accounts/user';
import { PasswordField } from '../../components/PasswordField';
import { currentLocale } from '../../i18n';
import type { TeamDto, UserDto } from '../../lib/api';
import { useFormState } from '../../lib/useFormState';
import { initialUserValues, type UserFormValues, validateUserValues } from './user-form.values';

interface UserFormProps {
  /** The user being edited, or null to create one. */
  user: UserDto | null;
  teams: readonly TeamDto[];
  /** Saves; a rejected promise carrying an ApiError puts its messages under the fields. */
  onSubmit: (values: UserFormValues) => Promise<unknown>;
  onCancel: () => void;
}

const FIELDS = Object.keys(initialUserValues(null, 'en'));

function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

export function UserForm({ user, teams, onSubmit, onCancel }: UserFormProps) {
  const { t } = useTranslation();
  const form = useFormState<UserFormValues>(() => initialUserValues(user, currentLocale()));
  const { values, errors, setField, submitting } = form;
  const zones = useMemo(() => timeZones(values.timeZone), [values.timeZone]);
  const editing = user !== null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = validateUserValues(values, t);
    if (Object.keys(problems).length > 0) return form.setErrors(problems);
    // The grants error belongs under the "may see deal amounts" checkbox.
    await form.send(
      () => onSubmit(values),
      FIELDS,
      (e) => (e.grants ? { ...e, dealAmounts: e.grants } : e),
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('users.name')}
          required
          value={values.name}
          onChange={(e) => setField('name', e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <TextInput
          label={t('users.email')}
          type="email"
          required
          value={values.email}
          onChange={(e) => setField('email', e.currentTarget.value)}
          error={errors.email}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label={t('users.role')}
            data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            value={values.role}
            onChange={(value) => value && setField('role', value as Role)}
            allowDeselect={false}
            error={errors.role}
          />
          <Select
            label={t('users.team')}
            placeholder={t('users.noTeam')}
            data={teams.map((team) => ({ value: team.id, label: team.name }))}
            value={values.teamId}
            onChange={(value) => setField('teamId', value)}
            clearable
            error={errors.teamId}
          />
          <Select
            label={t('users.language')}
            data={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
            value={values.locale}
            onChange={(value) => value && setField('locale', value as Locale)}
            allowDeselect={false}
            error={errors.locale}
          />
          <Select
            label={t('users.timeZone')}
            data={zones}
            value={values.timeZone}
            onChange={(value) => value && setField('timeZone', value)}
            searchable
            allowDeselect={false}
            error={errors.timeZone}
          />
        </SimpleGrid>
        <PasswordField
          label={editing ? t('users.newPassword') : t('users.password')}
          description={editing ? t('users.newPasswordHint') : t('users.passwordHint')}
          autoComplete="new-password"
          value={values.password}
          onChange={(e) => setField('password', e.currentTarget.value)}
          error={errors.password}
        />
        {editing ? (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                type="date"
                label={t('users.outOfOfficeFrom')}
                value={values.outOfOfficeFrom}
                onChange={(e) => setField('outOfOfficeFrom', e.currentTarget.value)}
                error={errors.outOfOfficeFrom}
              />
              <TextInput
                type="date"
                label={t('users.outOfOfficeUntil')}
                value={values.outOfOfficeUntil}
                onChange={(e) => setField('outOfOfficeUntil', e.currentTarget.value)}
                error={errors.outOfOfficeUntil}
              />
            </SimpleGrid>
            <NumberInput
              label={t('users.capacity')}
              description={t('users.capacityHint')}
              placeholder={t('users.noCapacityLimit')}
              value={values.capacity}
              onChange={(value) => setField('capacity', value)}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              error={errors.capacity}
              data-testid="user-capacity"
            />
            <Switch
              label={t('users.activeSwitch')}
              checked={values.active}
              onChange={(e) => setField('active', e.currentTarget.checked)}
              error={errors.active}
            />
          </>
        ) : null}
        <Checkbox
          label={t('users.grantDealAmounts')}
          checked={values.dealAmounts}
          onChange={(e) => setField('dealAmounts', e.currentTarget.checked)}
          error={errors.dealAmounts}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {editing ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
