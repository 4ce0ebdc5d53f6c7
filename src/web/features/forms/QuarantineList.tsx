import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import type { FormDto, SubmissionDto } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { notifyProblem, notifySuccess } from '../../lib/problems';
import { useModalState } from '../../lib/useModalState';
import { ReasonBadge } from './FormBadges';
import { SubmissionsTable } from './SubmissionsTable';
import { SubmissionValues } from './SubmissionValues';
import { useMayManageForms, useReviewSubmission } from './useForms';

/**
 * Submissions held back as suspicious, with why. Nothing is lost to a false alarm: a person releases
 * one (it becomes a lead) or deletes it as spam.
 */
export function QuarantineList({ form }: { form: FormDto }) {
  const { t } = useTranslation();
  const mayManage = useMayManageForms();
  const review = useReviewSubmission(form.id);
  const confirm = useModalState<SubmissionDto>();
  const busy = (submission: SubmissionDto, verdict: 'release' | 'delete') =>
    review.isPending &&
    review.variables?.submissionId === submission.id &&
    review.variables.verdict === verdict;

  const decide = (submission: SubmissionDto, verdict: 'release' | 'delete') =>
    review.mutate(
      { submissionId: submission.id, verdict },
      {
        onSuccess: () => {
          notifySuccess(t(verdict === 'release' ? 'forms.quarantine.released' : 'forms.quarantine.deleted'));
          confirm.close();
        },
        onError: (error) => notifyProblem(error),
      },
    );

  const headers = [
    t('forms.submissions.received'),
    t('forms.quarantine.reasons'),
    t('forms.submissions.values'),
  ];
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {t('forms.quarantine.intro')}
      </Text>
      <SubmissionsTable
        formId={form.id}
        status="quarantined"
        emptyText={t('forms.quarantine.empty')}
        headers={mayManage ? [...headers, t('common.actions')] : headers}
        testId="quarantine"
        row={(submission) => (
          <Table.Tr key={submission.id} data-testid="quarantine-row">
            <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
              <Stack gap={2}>
                <Text size="sm">{formatDateTime(submission.receivedAt)}</Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {submission.origin ?? t('forms.quarantine.noOrigin')}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td style={{ verticalAlign: 'top' }}>
              <Group gap={4}>
                {submission.reasons.map((reason) => (
                  <ReasonBadge key={reason} reason={reason} />
                ))}
              </Group>
            </Table.Td>
            <Table.Td style={{ verticalAlign: 'top' }}>
              <SubmissionValues submission={submission} form={form} />
            </Table.Td>
            {mayManage ? (
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconCheck size={14} />}
                    loading={busy(submission, 'release')}
                    onClick={() => decide(submission, 'release')}
                    data-testid="quarantine-release"
                  >
                    {t('forms.quarantine.release')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} />}
                    onClick={() => confirm.open(submission)}
                    data-testid="quarantine-delete"
                  >
                    {t('forms.quarantine.delete')}
                  </Button>
                </Group>
              </Table.Td>
            ) : null}
          </Table.Tr>
        )}
      />
      <ConfirmModal
        opened={confirm.opened}
        title={t('forms.quarantine.deleteTitle')}
        message={t('forms.quarantine.deleteText')}
        confirmLabel={t('forms.quarantine.delete')}
        loading={review.isPending}
        onConfirm={() => confirm.value && decide(confirm.value, 'delete')}
        onClose={confirm.close}
      />
    </>
  );
}
