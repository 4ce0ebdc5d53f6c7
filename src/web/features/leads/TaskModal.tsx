import { Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreateActivityInput } from '../../lib/api';
import type { FieldErrors } from '../../lib/problems';
import { notifySuccess } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { localDateTimeFromToday, localDateTimeToIso } from '../../lib/zoned-time';
import { ActionModal, type QuickActionProps, saveShowingErrors } from './ActionModal';
import { useAddActivity } from './useTimeline';

const FIELDS = ['subject', 'dueAt', 'body'];

/** A task with a due time typed in the user's own time zone (tomorrow 09:00 to start with). */
export function TaskModal({ leadId, opened, onClose }: QuickActionProps) {
  const { t } = useTranslation();
  const addActivity = useAddActivity(leadId);
  const form = useFormState(() => ({ subject: '', dueAt: localDateTimeFromToday(1, '09:00'), body: '' }));
  const { values, errors, setField } = form;

  const save = async () => {
    const dueAt = localDateTimeToIso(values.dueAt);
    const problems: FieldErrors = {};
    if (!values.subject.trim()) problems.subject = t('common.required');
    if (!dueAt) problems.dueAt = t('common.required');
    if (!dueAt || problems.subject) return form.setErrors(problems);
    const input: CreateActivityInput = { type: 'task', subject: values.subject.trim(), dueAt };
    if (values.body.trim()) input.body = values.body;
    if (await saveShowingErrors(() => addActivity.mutateAsync(input), form.setErrors, FIELDS)) {
      notifySuccess(t('activities.taskScheduled'));
      onClose();
    }
  };

  return (
    <ActionModal
      opened={opened}
      onClose={onClose}
      title={t('activities.scheduleTask')}
      submitLabel={t('activities.scheduleTask')}
      onSubmit={save}
    >
      <TextInput
        label={t('activities.subject')}
        required
        value={values.subject}
        onChange={(e) => setField('subject', e.currentTarget.value)}
        error={errors.subject}
        data-autofocus
      />
      <TextInput
        type="datetime-local"
        label={t('activities.dueAt')}
        required
        value={values.dueAt}
        onChange={(e) => setField('dueAt', e.currentTarget.value)}
        error={errors.dueAt}
      />
      <Textarea
        label={t('activities.note')}
        autosize
        minRows={2}
        maxRows={8}
        value={values.body}
        onChange={(e) => setField('body', e.currentTarget.value)}
        error={errors.body}
      />
    </ActionModal>
  );
}
