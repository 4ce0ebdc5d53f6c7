import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormStatus, QuarantineReason, SubmissionStatus } from '../../lib/api';

const FORM_COLORS: Record<FormStatus, string> = { draft: 'gray', active: 'green', archived: 'dark' };

const SUBMISSION_COLORS: Record<SubmissionStatus, string> = {
  pending: 'blue',
  processing: 'blue',
  processed: 'green',
  quarantined: 'orange',
  failed: 'red',
  deleted: 'gray',
};

// why: a status badge may shrink to "KARANT…" in a table column; it must stay readable.
const NO_TRUNCATION = { label: { overflow: 'visible' } } as const;

export function FormStatusBadge({ status }: { status: FormStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={FORM_COLORS[status]} variant="light" styles={NO_TRUNCATION} data-status={status}>
      {t(`forms.status.${status}`)}
    </Badge>
  );
}

export function SubmissionStatusBadge({ status }: { status: SubmissionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={SUBMISSION_COLORS[status]} variant="light" styles={NO_TRUNCATION} data-status={status}>
      {t(`forms.submissionStatus.${status}`)}
    </Badge>
  );
}

/** Why a submission was held back, one badge per reason; the title explains the reason in a sentence. */
export function ReasonBadge({ reason }: { reason: QuarantineReason }) {
  const { t } = useTranslation();
  return (
    <Badge
      color="orange"
      variant="outline"
      styles={NO_TRUNCATION}
      title={t(`forms.reasonHints.${reason}`)}
      data-reason={reason}
    >
      {t(`forms.reasons.${reason}`)}
    </Badge>
  );
}
