import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { ActionModal, type QuickActionProps, saveShowingErrors } from './ActionModal';
import { useAddActivity } from './useTimeline';

export function NoteModal({ leadId, opened, onClose }: QuickActionProps) {
  const { t } = useTranslation();
  const addActivity = useAddActivity(leadId);
  const form = useFormState({ body: '' });

  const save = async () => {
    if (!form.values.body.trim()) return form.setErrors({ body: t('common.required') });
    const input = { type: 'note' as const, body: form.values.body };
    if (await saveShowingErrors(() => addActivity.mutateAsync(input), form.setErrors, ['body'])) {
      notifySuccess(t('activities.noteAdded'));
      onClose();
    }
  };

  return (
    <ActionModal
      opened={opened}
      onClose={onClose}
      title={t('activities.addNote')}
      submitLabel={t('activities.addNote')}
      onSubmit={save}
    >
      <Textarea
        label={t('activities.note')}
        autosize
        minRows={4}
        maxRows={14}
        value={form.values.body}
        onChange={(e) => form.setField('body', e.currentTarget.value)}
        error={form.errors.body}
        data-autofocus
      />
    </ActionModal>
  );
}
