import { Badge, Button, Table, VisuallyHidden } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TeamDto, UserDto } from '../../lib/api';
import { formatDateTime } from '../../lib/format';

interface UsersTableProps {
  users: readonly UserDto[];
  teams: readonly TeamDto[];
  onEdit: (user: UserDto) => void;
}

/** Every account with its role, team and status; scrolls sideways on phones. */
export function UsersTable({ users, teams, onEdit }: UsersTableProps) {
  const { t } = useTranslation();
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.name')}</Table.Th>
            <Table.Th>{t('users.email')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('users.team')}</Table.Th>
            <Table.Th>{t('users.language')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            <Table.Th>{t('users.lastLogin')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-user-id={user.id}>
              <Table.Td fw={500}>{user.name}</Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>{(user.teamId && teamName.get(user.teamId)) || t('common.none')}</Table.Td>
              <Table.Td>{user.locale ? t(`language.${user.locale}`) : t('language.notChosen')}</Table.Td>
              <Table.Td>
                <Badge color={user.active ? 'green' : 'gray'} variant="light">
                  {user.active ? t('users.active') : t('users.disabled')}
                </Badge>
              </Table.Td>
              <Table.Td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('common.never')}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  leftSection={<IconPencil size={14} />}
                  onClick={() => onEdit(user)}
                >
                  {t('common.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
