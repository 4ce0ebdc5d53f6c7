import { Button, Modal, Table, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import type { TeamDto, UserDto } from '../../lib/api';
import { notifySuccess } from '../../lib/problems';
import { useModalState } from '../../lib/useModalState';
import { useUsers } from '../users/useUsers';
import { TeamForm, type TeamFormValues } from './TeamForm';
import { useCreateTeam, useTeams, useUpdateTeam } from './useTeams';

/** Who may lead a team: active managers and admins, plus whoever leads it now. */
function managerChoices(users: readonly UserDto[], currentId: string | null): UserDto[] {
  return users.filter(
    (user) => user.id === currentId || (user.active && (user.role === 'manager' || user.role === 'admin')),
  );
}

export function TeamsPage() {
  const { t } = useTranslation();
  const teams = useTeams();
  const users = useUsers();
  const createTeam = useCreateTeam();
  const updateTeam = useUpdateTeam();
  // null: a new team; otherwise the team being edited.
  const editor = useModalState<TeamDto | null>();
  const userName = new Map((users.data ?? []).map((user) => [user.id, user.name]));
  const current = editor.value;

  const save = async (values: TeamFormValues) => {
    if (current) {
      const team = await updateTeam.mutateAsync({ id: current.id, input: values });
      notifySuccess(t('teams.updated', { name: team.name }));
    } else {
      const team = await createTeam.mutateAsync(values);
      notifySuccess(t('teams.created', { name: team.name }));
    }
    editor.close();
  };

  const list = teams.data ?? [];
  return (
    <>
      <PageHeader
        title={t('teams.title')}
        subtitle={teams.data ? t('teams.count', { count: list.length }) : undefined}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => editor.open(null)}>
            {t('teams.new')}
          </Button>
        }
      />
      <ListTable
        query={teams}
        count={list.length}
        emptyText={t('teams.empty')}
        minWidth={520}
        columns={[
          { label: t('teams.name') },
          { label: t('teams.manager') },
          { label: t('teams.members') },
          { label: <VisuallyHidden>{t('common.actions')}</VisuallyHidden> },
        ]}
      >
        {list.map((team) => (
          <Table.Tr key={team.id}>
            <Table.Td fw={500}>{team.name}</Table.Td>
            <Table.Td>{(team.managerId && userName.get(team.managerId)) || t('common.none')}</Table.Td>
            <Table.Td>{t('teams.memberCount', { count: team.memberCount })}</Table.Td>
            <Table.Td>
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconPencil size={14} />}
                onClick={() => editor.open(team)}
              >
                {t('common.edit')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <Modal
        opened={editor.opened}
        onClose={editor.close}
        title={current ? t('teams.editTitle', { name: current.name }) : t('teams.new')}
      >
        <TeamForm
          key={current?.id ?? 'new'}
          team={current}
          managers={managerChoices(users.data ?? [], current?.managerId ?? null)}
          onSubmit={save}
          onCancel={editor.close}
        />
      </Modal>
    </>
  );
}
