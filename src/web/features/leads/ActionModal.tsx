import { Button, Group, Modal, Stack } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldErrors, fieldErrorsOf, notifyProblem } from '../../lib/problems';

interface ActionModalProps {
  opened: boolean;
  title: string;
  submitLabel: string;
  submitColor?: string;
  onClose: () => void;
  /** Saves; the modal shows the button busy meanwhile. */
  onSubmit: () => Promise<void>;
  children: ReactNode;
}

/** A quick action's small form in a modal: fields, Cancel, and one submit button. */
export function ActionModal({
  opened,
  title,
  submitLabel,
  submitColor,
  onClose,
  onSubmit,
  children,
}: ActionModalProps) {
  const { t } = useTranslation();
  const [submitting, setSubmitting] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    try {
      await onSubmit();
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submitting} color={submitColor}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Runs a modal's save. On failure the server's field messages go under the inputs (`fields` names
 * those the modal shows) and anything else becomes a notification. Resolves true when saved.
 */
export async function saveShowingErrors(
  save: () => Promise<unknown>,
  setErrors: (errors: FieldErrors) => void,
  fields: readonly string[],
): Promise<boolean> {
  try {
    await save();
    return true;
  } catch (error) {
    setErrors(fieldErrorsOf(error));
    notifyProblem(error, fields);
    return false;
  }
}

/** Props every quick-action modal takes. */
export interface QuickActionProps {
  leadId: string;
  opened: boolean;
  onClose: () => void;
}
