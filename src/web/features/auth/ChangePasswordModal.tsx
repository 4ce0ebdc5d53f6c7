import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../../domain/accounts/password-policy';
import { PasswordField } from '../../components/PasswordField';
import { fieldErrorsOf, notifyProblem, notifySuccess } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { useChangePassword } from './useSession';

const EMPTY = { currentPassword: '', newPassword: '', repeatPassword: '' };

/** Lets the signed-in user change their own password (the server checks the current one). */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useFormState(EMPTY);
  const { values, errors } = form;

  const close = () => {
    form.reset(EMPTY);
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if ([...values.newPassword].length < MIN_PASSWORD_LENGTH) {
      form.setErrors({ newPassword: t('password.tooShort', { min: MIN_PASSWORD_LENGTH }) });
      return;
    }
    if (values.newPassword !== values.repeatPassword) {
      form.setErrors({ repeatPassword: t('password.mismatch') });
      return;
    }
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          notifySuccess(t('password.changed'));
          close();
        },
        onError: (error) => {
          form.setErrors(fieldErrorsOf(error));
          notifyProblem(error, ['currentPassword', 'newPassword']);
        },
      },
    );
  };

  // Every field is required, so no asterisks: the labels stay exactly the words people (and tests) look for.
  return (
    <Modal opened={opened} onClose={close} title={t('password.change')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <PasswordField
            label={t('password.current')}
            autoComplete="current-password"
            required
            withAsterisk={false}
            value={values.currentPassword}
            onChange={(e) => form.setField('currentPassword', e.currentTarget.value)}
            error={errors.currentPassword}
            data-autofocus
          />
          <PasswordField
            label={t('password.new')}
            description={t('password.tooShort', { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            required
            withAsterisk={false}
            value={values.newPassword}
            onChange={(e) => form.setField('newPassword', e.currentTarget.value)}
            error={errors.newPassword}
          />
          <PasswordField
            label={t('password.repeat')}
            autoComplete="new-password"
            required
            withAsterisk={false}
            value={values.repeatPassword}
            onChange={(e) => form.setField('repeatPassword', e.currentTarget.value)}
            error={errors.repeatPassword}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
