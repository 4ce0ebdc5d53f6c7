import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowMerge, IconInfoCircle } from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifyProblem, problemMessage } from '../../lib/problems';
import { ConfirmModal } from '../ConfirmModal';
import { PageHeader } from '../PageHeader';
import { MergeFieldChoice } from './MergeFieldChoice';
import {
  initialChoices,
  type MergeChoices,
  type MergeRecord,
  type MergeRequest,
  mergeRequest,
} from './merge-choices';

/** What tells one kind of merge from another: its fields, its words and what happens after. */
export interface MergeKind<F extends string, R extends MergeRecord<F>> {
  fields: readonly F[];
  /** The i18n key of each field's label. */
  labels: Record<F, ParseKeys>;
  renderValue: (field: F, record: R) => ReactNode;
  /** i18n keys of the screen's words; `explain` and `confirmText` get `{survivor}` and `{other}`. */
  texts: Record<'title' | 'back' | 'explain' | 'confirmTitle' | 'confirmText', ParseKeys>;
  backTo: string;
  /** Shown under the choices: what is united rather than chosen (a person's e-mails and phones). */
  united?: (survivor: R, other: R) => ReactNode;
  merging: boolean;
  /** Sends the merge; a rejection is reported here and the confirmation closes. */
  onMerge: (request: MergeRequest<F>) => Promise<unknown>;
}

function MergeForm<F extends string, R extends MergeRecord<F>>({
  kind,
  survivor,
  other,
}: {
  kind: MergeKind<F, R>;
  survivor: R;
  other: R;
}) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<MergeChoices<F>>(() => initialChoices(kind.fields, survivor, other));
  const [confirming, setConfirming] = useState(false);
  const names = { survivor: survivor.name, other: other.name };

  const confirm = () =>
    kind.onMerge(mergeRequest(kind.fields, survivor, other, choices)).catch((error: unknown) => {
      setConfirming(false);
      notifyProblem(error);
    });

  return (
    <Stack>
      <Alert color="blue" icon={<IconInfoCircle size={18} />}>
        {t(kind.texts.explain, names)}
      </Alert>
      <Paper withBorder p="md">
        <Stack gap="md">
          {kind.fields.map((field) => (
            <MergeFieldChoice
              key={field}
              field={field}
              // why the cast: over ~1,200 keys TypeScript stops resolving t() of the whole key union to a string
              label={t(kind.labels[field] as 'app.name')}
              survivor={survivor}
              other={other}
              chosenId={choices[field]}
              onChoose={(id) => setChoices((old) => ({ ...old, [field]: id }))}
              renderValue={kind.renderValue}
            />
          ))}
          {kind.united?.(survivor, other)}
        </Stack>
      </Paper>
      <Group justify="flex-end">
        <Button variant="default" component={Link} to={kind.backTo}>
          {t('common.cancel')}
        </Button>
        <Button leftSection={<IconArrowMerge size={16} />} onClick={() => setConfirming(true)}>
          {t('merge.submit')}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title={t(kind.texts.confirmTitle)}
        message={t(kind.texts.confirmText, names)}
        confirmLabel={t('merge.submit')}
        loading={kind.merging}
        onConfirm={() => void confirm()}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}

/** Compares two records field by field and merges the second into the first (people or organisations). */
export function MergeScreen<F extends string, R extends MergeRecord<F>>({
  kind,
  survivor,
  other,
  pending,
  error,
}: {
  kind: MergeKind<F, R>;
  survivor: R | undefined;
  other: R | undefined;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Anchor component={Link} to={kind.backTo} size="sm" mb="xs" style={{ display: 'inline-flex', gap: 4 }}>
        <IconArrowLeft size={16} />
        {t(kind.texts.back)}
      </Anchor>
      <PageHeader title={t(kind.texts.title)} />
      {error ? <Alert color="red">{problemMessage(error)}</Alert> : null}
      {pending ? <Loader aria-label={t('app.loading')} /> : null}
      {survivor && other ? (
        <>
          <Title order={3} size="h5" mb="xs" c="dimmed">
            {t('merge.people', { survivor: survivor.name, other: other.name })}
          </Title>
          <MergeForm kind={kind} survivor={survivor} other={other} />
        </>
      ) : null}
    </>
  );
}
