import { ActionIcon, Badge, Button, Divider, Group, Loader, Popover, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBookmark, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import type { CreateViewInput, SavedViewDto } from '../../lib/api';
import { notifyProblem, notifySuccess } from '../../lib/problems';
import { useModalState } from '../../lib/useModalState';
import { useCurrentUser } from '../auth/useSession';
import { SaveViewModal } from './SaveViewModal';
import { useDeleteView, useViews } from './useViews';

interface ViewsMenuProps {
  /** The list as it is now, for "Save view". */
  current: Omit<CreateViewInput, 'name' | 'shared'>;
  onApply: (view: SavedViewDto) => void;
}

/** Saved views: apply one, save the current list as one, delete one's own (admins: any). */
export function ViewsMenu({ current, onApply }: ViewsMenuProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const views = useViews();
  const remove = useDeleteView();
  const [opened, { toggle, close }] = useDisclosure(false);
  const [saveRound, setSaveRound] = useState(0);
  const [saving, saveModal] = useDisclosure(false);
  const deleting = useModalState<SavedViewDto>();

  const confirmDelete = (view: SavedViewDto) =>
    remove.mutate(view.id, {
      onSuccess: () => {
        notifySuccess(t('views.deleted', { name: view.name }));
        deleting.close();
      },
      onError: (error) => notifyProblem(error),
    });

  return (
    <>
      <Popover opened={opened} onDismiss={close} position="bottom-start" shadow="md" width={300}>
        <Popover.Target>
          <Button
            variant="default"
            leftSection={<IconBookmark size={16} />}
            onClick={toggle}
            data-testid="views-menu"
          >
            {t('views.title')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown data-testid="views-list">
          <Stack gap={4}>
            {views.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
            {views.isSuccess && views.data.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('views.empty')}
              </Text>
            ) : null}
            {views.data?.map((view) => (
              <Group key={view.id} gap={4} wrap="nowrap">
                <Button
                  variant="subtle"
                  size="compact-sm"
                  style={{ flex: 1, minWidth: 0 }}
                  styles={{ inner: { justifyContent: 'flex-start' } }}
                  onClick={() => {
                    onApply(view);
                    close();
                  }}
                >
                  <Text span size="sm" truncate>
                    {view.name}
                  </Text>
                </Button>
                {view.shared ? (
                  <Badge size="xs" variant="light">
                    {t('views.shared')}
                  </Badge>
                ) : null}
                {view.ownerId === user.id || user.role === 'admin' ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="sm"
                    aria-label={t('views.delete', { name: view.name })}
                    onClick={() => deleting.open(view)}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                ) : null}
              </Group>
            ))}
            <Divider my={4} />
            <Button
              variant="light"
              size="compact-sm"
              leftSection={<IconDeviceFloppy size={14} />}
              onClick={() => {
                close();
                setSaveRound((round) => round + 1);
                saveModal.open();
              }}
            >
              {t('views.save')}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <SaveViewModal key={saveRound} opened={saving} onClose={saveModal.close} view={current} />
      <ConfirmModal
        opened={deleting.opened}
        title={t('views.deleteTitle')}
        message={t('views.deleteText', { name: deleting.value?.name ?? '' })}
        confirmLabel={t('views.deleteConfirm')}
        loading={remove.isPending}
        onConfirm={() => deleting.value && confirmDelete(deleting.value)}
        onClose={deleting.close}
      />
    </>
  );
}
