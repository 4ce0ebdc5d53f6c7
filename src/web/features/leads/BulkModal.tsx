import { Select, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DISQUALIFY_REASONS, type DisqualifyReason } from '../../../domain/leads/stages';
import { addDays } from '../../../domain/leads/temperature';
import type { BulkInput, StageInput } from '../../lib/api';
import { useFormState } from '../../lib/useFormState';
import { todayLocal } from '../../lib/zoned-time';
import { ActionModal } from './ActionModal';
import { useAssignableUsers } from './useBulkLeads';

export type BulkFormAction = 'assign' | 'stage' | 'tag' | 'untag';
/** What a bulk change asks for besides the leads. */
export type BulkParams = Omit<BulkInput, 'ids'>;

const BULK_STAGES = ['suspect', 'mql', 'sql', 'disqualified', 'parked'] as const;
type BulkStage = (typeof BULK_STAGES)[number];
/** "Nobody" in the owner select (Select values are strings). */
const NOBODY = '-';

interface Values extends Record<string, unknown> {
  ownerId: string | null;
  stage: BulkStage | null;
  reason: DisqualifyReason | null;
  reasonText: string;
  revisitOn: string;
  competitor: string;
  tag: string;
}

/** Checks what the form can check and builds the request; the server checks each lead again. */
function paramsOf(action: BulkFormAction, v: Values): BulkParams | { missing: string } {
  if (action === 'assign') {
    if (!v.ownerId) return { missing: 'ownerId' };
    return { action, ownerId: v.ownerId === NOBODY ? null : v.ownerId };
  }
  if (action === 'tag' || action === 'untag')
    return v.tag.trim() ? { action, tag: v.tag.trim() } : { missing: 'tag' };
  if (!v.stage) return { missing: 'stage' };
  const stage: StageInput = { stage: v.stage };
  if (v.stage === 'disqualified') {
    if (!v.reason) return { missing: 'reason' };
    if (v.reason === 'other' && !v.reasonText.trim()) return { missing: 'reasonText' };
    stage.reason = v.reason;
    if (v.reasonText.trim()) stage.reasonText = v.reasonText.trim();
  }
  if (v.stage === 'parked') {
    if (!v.revisitOn) return { missing: 'revisitOn' };
    stage.revisitOn = v.revisitOn;
    if (v.competitor.trim()) stage.competitor = v.competitor.trim();
  }
  return { action, stage };
}

interface BulkModalProps {
  action: BulkFormAction;
  count: number;
  opened: boolean;
  onClose: () => void;
  /** Resolves true when the change was made (the modal then closes). */
  onApply: (params: BulkParams) => Promise<boolean>;
}

/** The one question a bulk change needs: whom to assign, which stage (with its reason or date), which tag. */
export function BulkModal({ action, count, opened, onClose, onApply }: BulkModalProps) {
  const { t } = useTranslation();
  const users = useAssignableUsers();
  const form = useFormState<Values>({
    ownerId: null,
    stage: null,
    reason: null,
    reasonText: '',
    revisitOn: '',
    competitor: '',
    tag: '',
  });
  const { values, errors, setField } = form;

  const save = async () => {
    const params = paramsOf(action, values);
    if ('missing' in params) return form.setErrors({ [params.missing]: t('common.required') });
    if (await onApply(params)) onClose();
  };

  return (
    <ActionModal
      opened={opened}
      onClose={onClose}
      title={t(`bulk.titles.${action}`, { count })}
      submitLabel={t('bulk.apply', { count })}
      onSubmit={save}
    >
      {action === 'assign' ? (
        <Select
          label={t('leads.columns.owner')}
          data={[
            { value: NOBODY, label: t('bulk.nobody') },
            ...users.map((user) => ({ value: user.id, label: user.name })),
          ]}
          value={values.ownerId}
          onChange={(ownerId) => setField('ownerId', ownerId)}
          searchable
          error={errors.ownerId}
          data-autofocus
        />
      ) : null}
      {action === 'tag' || action === 'untag' ? (
        <TextInput
          label={t('leads.tag')}
          value={values.tag}
          maxLength={40}
          onChange={(e) => setField('tag', e.currentTarget.value)}
          error={errors.tag}
          data-autofocus
        />
      ) : null}
      {action === 'stage' ? (
        <Select
          label={t('leads.stage')}
          data={BULK_STAGES.map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))}
          value={values.stage}
          onChange={(stage) => setField('stage', stage as BulkStage | null)}
          error={errors.stage}
        />
      ) : null}
      {action === 'stage' && values.stage === 'disqualified' ? (
        <>
          <Select
            label={t('leads.reason')}
            required
            data={DISQUALIFY_REASONS.map((reason) => ({
              value: reason,
              label: t(`disqualifyReasons.${reason}`),
            }))}
            value={values.reason}
            onChange={(reason) => setField('reason', reason as DisqualifyReason | null)}
            error={errors.reason}
          />
          <Textarea
            label={t('leads.reasonText')}
            required={values.reason === 'other'}
            autosize
            minRows={2}
            value={values.reasonText}
            onChange={(e) => setField('reasonText', e.currentTarget.value)}
            error={errors.reasonText}
          />
        </>
      ) : null}
      {action === 'stage' && values.stage === 'parked' ? (
        <>
          <TextInput
            type="date"
            label={t('leads.revisitOn')}
            required
            min={addDays(todayLocal(), 1)}
            value={values.revisitOn}
            onChange={(e) => setField('revisitOn', e.currentTarget.value)}
            error={errors.revisitOn}
          />
          <TextInput
            label={t('leads.competitor')}
            value={values.competitor}
            onChange={(e) => setField('competitor', e.currentTarget.value)}
          />
        </>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('bulk.eachChecked')}
      </Text>
    </ActionModal>
  );
}
