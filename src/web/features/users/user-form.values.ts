import type { TFunction } from 'i18next';
import { MIN_PASSWORD_LENGTH } from '../../../domain/accounts/password-policy';
import { DEFAULT_TIME_ZONE, type Locale, type Role } from '../../../domain/accounts/user';
import type { CreateUserInput, UpdateUserInput, UserDto } from '../../lib/api';
import type { FieldErrors } from '../../lib/problems';

/** What the user form edits, as plain input values ('' for an empty date or password). */
export interface UserFormValues extends Record<string, unknown> {
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  locale: Locale;
  timeZone: string;
  password: string;
  active: boolean;
  outOfOfficeFrom: string;
  outOfOfficeUntil: string;
  /** Most open leads routing gives them; '' for no limit. */
  capacity: number | string;
  dealAmounts: boolean;
}

export function initialUserValues(user: UserDto | null, locale: Locale): UserFormValues {
  return {
    email: user?.email ?? '',
    name: user?.name ?? '',
    role: user?.role ?? 'rep',
    teamId: user?.teamId ?? null,
    locale: user?.locale ?? locale,
    timeZone: user?.timeZone ?? DEFAULT_TIME_ZONE,
    password: '',
    active: user?.active ?? true,
    outOfOfficeFrom: user?.outOfOfficeFrom ?? '',
    outOfOfficeUntil: user?.outOfOfficeUntil ?? '',
    capacity: user?.capacity ?? '',
    dealAmounts: user?.grants.includes('deal_amounts') ?? false,
  };
}

/** Checks what the browser can check; the server validates everything again. */
export function validateUserValues(values: UserFormValues, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = t('common.required');
  if (!values.email.trim()) errors.email = t('common.required');
  if (values.password && [...values.password].length < MIN_PASSWORD_LENGTH) {
    errors.password = t('password.tooShort', { min: MIN_PASSWORD_LENGTH });
  }
  if (values.outOfOfficeFrom && values.outOfOfficeUntil && values.outOfOfficeUntil < values.outOfOfficeFrom) {
    errors.outOfOfficeUntil = t('users.untilBeforeFrom');
  }
  return errors;
}

function common(values: UserFormValues) {
  return {
    email: values.email.trim(),
    name: values.name.trim(),
    role: values.role,
    teamId: values.teamId,
    locale: values.locale,
    timeZone: values.timeZone,
    grants: values.dealAmounts ? ['deal_amounts' as const] : [],
  };
}

export function toCreateInput(values: UserFormValues): CreateUserInput {
  return { ...common(values), ...(values.password ? { password: values.password } : {}) };
}

export function toUpdateInput(values: UserFormValues): UpdateUserInput {
  return {
    ...common(values),
    active: values.active,
    outOfOfficeFrom: values.outOfOfficeFrom || null,
    outOfOfficeUntil: values.outOfOfficeUntil || null,
    capacity: typeof values.capacity === 'number' ? values.capacity : null,
    ...(values.password ? { password: values.password } : {}),
  };
}
