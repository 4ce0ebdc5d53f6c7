import { Alert, Anchor, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowMerge, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageHeader } from '../../components/PageHeader';
import { showUndoNotification } from '../../components/UndoNotification';
import type { PersonDto } from '../../lib/api';
import { notifyProblem, problemMessage } from '../../lib/problems';
import { MergeFieldChoice } from './MergeFieldChoice';
import { initialChoices, MERGE_FIELDS, type MergeChoices, mergeInput, unitedContacts } from './merge-fields';
import { useMergePeople, usePerson, useUndoMergeAction } from './usePeople';

const LABELS = {
  firstName: 'leads.form.firstName',
  lastName: 'leads.form.lastName',
  jobTitle: 'leads.form.jobTitle',
  organisationId: 'leads.organisation',
  preferredLanguage: 'people.preferredLanguage',
  address: 'people.address',
  city: 'people.city',
  country: 'people.country',
} as const;

function MergeForm({ survivor, other }: { survivor: PersonDto; other: PersonDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const merge = useMergePeople();
  const undo = useUndoMergeAction();
  const [choices, setChoices] = useState<MergeChoices>(() => initialChoices(survivor, other));
  const [confirming, setConfirming] = useState(false);
  const contacts = unitedContacts(survivor, other);

  const confirm = () =>
    merge.mutate(mergeInput(survivor, other, choices), {
      onSuccess: ({ mergeId, person, movedLeads }) => {
        navigate(`/people/${person.id}?merge=${encodeURIComponent(mergeId)}`);
        showUndoNotification({
          message: t('merge.done', { name: person.name, count: movedLeads }),
          onUndo: () => undo(mergeId),
        });
      },
      onError: (error) => {
        setConfirming(false);
        notifyProblem(error);
      },
    });

  return (
    <Stack>
      <Alert color="blue" icon={<IconInfoCircle size={18} />}>
        {t('merge.explain', { survivor: survivor.name, other: other.name })}
      </Alert>
      <Paper withBorder p="md">
        <Stack gap="md">
          {MERGE_FIELDS.map((field) => (
            <MergeFieldChoice
              key={field}
              field={field}
              label={t(LABELS[field])}
              survivor={survivor}
              other={other}
              chosenId={choices[field]}
              onChoose={(personId) => setChoices((old) => ({ ...old, [field]: personId }))}
            />
          ))}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <div data-testid="merge-emails">
              <Text size="sm" fw={500}>
                {t('leads.email')}
              </Text>
              <Text size="sm">{contacts.emails.join(', ') || t('common.none')}</Text>
            </div>
            <div data-testid="merge-phones">
              <Text size="sm" fw={500}>
                {t('leads.phone')}
              </Text>
              <Text size="sm">{contacts.phones.join(', ') || t('common.none')}</Text>
            </div>
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('merge.contactsUnited')}
          </Text>
        </Stack>
      </Paper>
      <Group justify="flex-end">
        <Button variant="default" component={Link} to={`/people/${survivor.id}`}>
          {t('common.cancel')}
        </Button>
        <Button leftSection={<IconArrowMerge size={16} />} onClick={() => setConfirming(true)}>
          {t('merge.submit')}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title={t('merge.confirmTitle')}
        message={t('merge.confirmText', { survivor: survivor.name, other: other.name })}
        confirmLabel={t('merge.submit')}
        loading={merge.isPending}
        onConfirm={confirm}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}

/** Compares two people field by field and merges the second into the first. */
export function MergePage() {
  const { t } = useTranslation();
  const { id = '', otherId = '' } = useParams();
  const survivor = usePerson(id);
  const other = usePerson(otherId);
  const failed = survivor.error ?? other.error;

  return (
    <>
      <Anchor
        component={Link}
        to={`/people/${id}`}
        size="sm"
        mb="xs"
        style={{ display: 'inline-flex', gap: 4 }}
      >
        <IconArrowLeft size={16} />
        {t('merge.back')}
      </Anchor>
      <PageHeader title={t('merge.title')} />
      {failed ? <Alert color="red">{problemMessage(failed)}</Alert> : null}
      {survivor.isPending || other.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {survivor.data && other.data ? (
        <>
          <Title order={3} size="h5" mb="xs" c="dimmed">
            {t('merge.people', { survivor: survivor.data.person.name, other: other.data.person.name })}
          </Title>
          <MergeForm survivor={survivor.data.person} other={other.data.person} />
        </>
      ) : null}
    </>
  );
}
