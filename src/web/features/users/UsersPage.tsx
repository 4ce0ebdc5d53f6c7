import { Button, Modal, Paper } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { SecretOnceModal } from '../../components/SecretOnceModal';
import type { UserDto } from '../../lib/api';
import { notifySuccess } from '../../lib/problems';
import { useModalState } from '../../lib/useModalState';
import { useTeams } from '../teams/useTeams';
import { UserForm } from './UserForm';
import { UsersTable } from './UsersTable';
import { toCreateInput, toUpdateInput, type UserFormValues } from './user-form.values';
import { useCreateUser, useUpdateUser, useUsers } from './useUsers';

export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const teams = useTeams();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  // null: a new user; otherwise the user being edited.
  const editor = useModalState<UserDto | null>();
  const editing = editor.value;
  const [generated, setGenerated] = useState<{ name: string; password: string } | null>(null);

  const save = async (values: UserFormValues) => {
    if (editing) {
      const { user } = await updateUser.mutateAsync({ id: editing.id, input: toUpdateInput(values) });
      notifySuccess(t('users.updated', { name: user.name }));
    } else {
      const { user, generatedPassword } = await createUser.mutateAsync(toCreateInput(values));
      notifySuccess(t('users.created', { name: user.name }));
      if (generatedPassword) setGenerated({ name: user.name, password: generatedPassword });
    }
    editor.close();
  };

  const list = users.data ?? [];
  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={users.data ? t('users.count', { count: list.length }) : undefined}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => editor.open(null)}>
            {t('users.new')}
          </Button>
        }
      />
      <Paper withBorder p={0}>
        <QueryStatus query={users} empty={list.length === 0} emptyText={t('users.empty')} />
        {list.length > 0 ? <UsersTable users={list} teams={teams.data ?? []} onEdit={editor.open} /> : null}
      </Paper>
      <Modal
        opened={editor.opened}
        onClose={editor.close}
        title={editing ? t('users.editTitle', { name: editing.name }) : t('users.new')}
        size="lg"
      >
        <UserForm
          key={editing?.id ?? 'new'}
          user={editing}
          teams={teams.data ?? []}
          onSubmit={save}
          onCancel={editor.close}
        />
      </Modal>
      <SecretOnceModal
        secret={generated?.password ?? null}
        title={t('users.generatedTitle')}
        warning={t('users.generatedText', { name: generated?.name ?? '' })}
        label={t('users.password')}
        onClose={() => setGenerated(null)}
      />
    </>
  );
}
