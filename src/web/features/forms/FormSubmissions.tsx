import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FormDto, SubmissionDto } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { ReasonBadge, SubmissionStatusBadge } from './FormBadges';
import { SubmissionsTable } from './SubmissionsTable';
import { SubmissionValues } from './SubmissionValues';

/** What became of a submission: its lead, the error that stopped it, or why it was held back. */
function Outcome({ submission }: { submission: SubmissionDto }) {
  const { t } = useTranslation();
  if (submission.leadId) {
    return (
      <Anchor component={Link} to={`/leads/${submission.leadId}`} size="sm" data-testid="submission-lead">
        {t('forms.openLead')}
      </Anchor>
    );
  }
  if (submission.status === 'failed' && submission.error) {
    return (
      <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }}>
        {submission.error}
      </Text>
    );
  }
  return submission.reasons.length > 0 ? (
    <Group gap={4}>
      {submission.reasons.map((reason) => (
        <ReasonBadge key={reason} reason={reason} />
      ))}
    </Group>
  ) : null;
}

/** Every submission of a form, newest first: its status, what was sent, and the lead it became. */
export function FormSubmissions({ form }: { form: FormDto }) {
  const { t } = useTranslation();
  return (
    <SubmissionsTable
      formId={form.id}
      emptyText={t('forms.submissions.empty')}
      headers={[
        t('forms.submissions.received'),
        t('forms.statusLabel'),
        t('forms.submissions.values'),
        t('forms.submissions.outcome'),
      ]}
      testId="submissions"
      row={(submission) => (
        <Table.Tr key={submission.id} data-testid="submission-row">
          <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
            <Stack gap={2}>
              <Text size="sm">{formatDateTime(submission.receivedAt)}</Text>
              {submission.origin ? (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {submission.origin}
                </Text>
              ) : null}
            </Stack>
          </Table.Td>
          <Table.Td style={{ verticalAlign: 'top' }}>
            <SubmissionStatusBadge status={submission.status} />
          </Table.Td>
          <Table.Td style={{ verticalAlign: 'top' }}>
            <SubmissionValues submission={submission} form={form} />
          </Table.Td>
          <Table.Td style={{ verticalAlign: 'top' }}>
            <Outcome submission={submission} />
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}
