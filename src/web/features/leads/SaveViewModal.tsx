import { Checkbox, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreateViewInput } from '../../lib/api';
import { notifySuccess } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { useCurrentUser } from '../auth/useSession';
import { ActionModal, saveShowingErrors } from './ActionModal';
import { useCreateView } from './useViews';

interface SaveViewModalProps {
  opened: boolean;
  onClose: () => void;
  /** The list as it is now: its filters and columns. */
  view: Omit<CreateViewInput, 'name' | 'shared'>;
}

/** Keeps the list's filters and columns under a name; managers and admins may share it with everyone. */
export function SaveViewModal({ opened, onClose, view }: SaveViewModalProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const create = useCreateView();
  const form = useFormState({ name: '', shared: false });
  const { values, errors, setField } = form;
  const mayShare = user.role !== 'rep';

  const save = async () => {
    if (!values.name.trim()) return form.setErrors({ name: t('common.required') });
    const input: CreateViewInput = { ...view, name: values.name.trim() };
    if (mayShare && values.shared) input.shared = true;
    if (await saveShowingErrors(() => create.mutateAsync(input), form.setErrors, ['name', 'shared'])) {
      notifySuccess(t('views.saved', { name: input.name }));
      onClose();
    }
  };

  return (
    <ActionModal
      opened={opened}
      onClose={onClose}
      title={t('views.save')}
      submitLabel={t('common.save')}
      onSubmit={save}
    >
      <TextInput
        label={t('views.name')}
        required
        maxLength={100}
        value={values.name}
        onChange={(e) => setField('name', e.currentTarget.value)}
        error={errors.name}
        data-autofocus
      />
      {mayShare ? (
        <Checkbox
          label={t('views.shareWithEveryone')}
          checked={values.shared}
          onChange={(e) => setField('shared', e.currentTarget.checked)}
        />
      ) : null}
    </ActionModal>
  );
}
