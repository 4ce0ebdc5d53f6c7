import { Alert, Button, Grid, Loader, Paper, Stack, Title } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { isApiError } from '../../lib/api';
import { problemMessage } from '../../lib/problems';
import { MessagePage } from '../home/MessagePage';
import { PersonDuplicates } from './PersonDuplicates';
import { PersonForm } from './PersonForm';
import { PersonLeads } from './PersonLeads';
import { PersonReferral } from './PersonReferral';
import { useMergeUndone, usePerson, useUndoMergeAction } from './usePeople';

/** `?merge=<id>`: the merge just made on this page, which can be undone from here. */
function UndoMergeButton({ mergeId, onDone }: { mergeId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const undo = useUndoMergeAction();
  const [busy, setBusy] = useState(false);
  const click = async () => {
    setBusy(true);
    await undo(mergeId);
    setBusy(false);
    onDone();
  };
  return (
    <Button
      variant="default"
      leftSection={<IconArrowBackUp size={16} />}
      loading={busy}
      onClick={() => void click()}
      data-testid="undo-merge"
    >
      {t('people.undoMerge')}
    </Button>
  );
}

/** One person: their details (editable), their leads, and people who may be the same person. */
export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const person = usePerson(id);
  const mergeId = params.get('merge');
  const undone = useMergeUndone(mergeId);
  const forgetMerge = () => setParams({}, { replace: true });

  // An Undo in the notification takes the merge back too; the button then has nothing left to do.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the undo itself should clear the address
  useEffect(() => {
    if (undone) forgetMerge();
  }, [undone]);

  if (person.isPending) return <Loader m="md" aria-label={t('app.loading')} />;
  if (isApiError(person.error, 404))
    return <MessagePage title={t('people.notFound')} text={t('people.notFoundText')} />;
  if (person.isError) return <Alert color="red">{problemMessage(person.error)}</Alert>;
  const { person: data, leads, duplicates } = person.data;

  return (
    <>
      <PageHeader
        title={data.name}
        subtitle={data.jobTitle}
        actions={mergeId && !undone ? <UndoMergeButton mergeId={mergeId} onDone={forgetMerge} /> : null}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="sm">
              {t('people.details')}
            </Title>
            <PersonForm key={data.updatedAt} person={data} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <PersonDuplicates personId={data.id} duplicates={duplicates} />
            <PersonLeads leads={leads} />
            <PersonReferral key={data.id} personId={data.id} name={data.name} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
