import { Button, Group, Paper, Text } from '@mantine/core';
import { IconStairs, IconTag, IconTagOff, IconTrash, IconUserCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { type BulkFormAction, BulkModal, type BulkParams } from './BulkModal';
import { useBulkAction } from './useBulkLeads';

/** The server's limit of one bulk change. */
export const MAX_BULK = 500;

interface BulkBarProps {
  ids: readonly string[];
  /** After a change: the selection is cleared. */
  onDone: () => void;
}

const ACTIONS = [
  { action: 'assign', icon: IconUserCheck },
  { action: 'stage', icon: IconStairs },
  { action: 'tag', icon: IconTag },
  { action: 'untag', icon: IconTagOff },
] as const;

/** What can be done to the selected leads at once; each change can be undone from its notification. */
export function BulkBar({ ids, onDone }: BulkBarProps) {
  const { t } = useTranslation();
  const run = useBulkAction();
  // `round` gives each opening fresh form state; the last action stays rendered while the modal fades.
  const [form, setForm] = useState<{ action: BulkFormAction; opened: boolean; round: number }>({
    action: 'assign',
    opened: false,
    round: 0,
  });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const closeForm = () => setForm((old) => ({ ...old, opened: false }));
  const tooMany = ids.length > MAX_BULK;

  const apply = async (params: BulkParams) => {
    const done = await run({ ...params, ids: [...ids] });
    if (done) onDone();
    return done;
  };
  const remove = async () => {
    setDeleting(true);
    if (await apply({ action: 'delete' })) setConfirmDelete(false);
    setDeleting(false);
  };

  return (
    <Paper withBorder p="xs" mb="sm" bg="var(--mantine-primary-color-light)" data-testid="bulk-bar">
      <Group gap="xs" justify="space-between">
        <Text size="sm" fw={500}>
          {tooMany ? t('bulk.tooMany', { max: MAX_BULK }) : t('bulk.selected', { count: ids.length })}
        </Text>
        <Group gap="xs">
          {ACTIONS.map(({ action, icon: Icon }) => (
            <Button
              key={action}
              size="compact-sm"
              variant="default"
              leftSection={<Icon size={14} />}
              disabled={tooMany}
              onClick={() => setForm((old) => ({ action, opened: true, round: old.round + 1 }))}
            >
              {t(`bulk.actions.${action}`)}
            </Button>
          ))}
          <Button
            size="compact-sm"
            variant="default"
            color="red"
            leftSection={<IconTrash size={14} />}
            disabled={tooMany}
            onClick={() => setConfirmDelete(true)}
          >
            {t('leads.moveToBin')}
          </Button>
          <Button size="compact-sm" variant="subtle" leftSection={<IconX size={14} />} onClick={onDone}>
            {t('bulk.clear')}
          </Button>
        </Group>
      </Group>
      <BulkModal
        key={form.round}
        action={form.action}
        count={ids.length}
        opened={form.opened}
        onClose={closeForm}
        onApply={apply}
      />
      <ConfirmModal
        opened={confirmDelete}
        title={t('bulk.deleteTitle', { count: ids.length })}
        message={t('bulk.deleteText')}
        confirmLabel={t('leads.moveToBin')}
        loading={deleting}
        onConfirm={() => void remove()}
        onClose={() => setConfirmDelete(false)}
      />
    </Paper>
  );
}
