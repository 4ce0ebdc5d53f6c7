import { Badge, Button, Code, Table, VisuallyHidden } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TokenDto } from '../../lib/api';
import { formatDateTime } from '../../lib/format';

interface TokensTableProps {
  tokens: readonly TokenDto[];
  onRevoke: (token: TokenDto) => void;
}

export function TokensTable({ tokens, onRevoke }: TokensTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tokens.name')}</Table.Th>
            <Table.Th>{t('tokens.user')}</Table.Th>
            <Table.Th>{t('tokens.prefix')}</Table.Th>
            <Table.Th>{t('tokens.createdAt')}</Table.Th>
            <Table.Th>{t('tokens.lastUsed')}</Table.Th>
            <Table.Th>{t('tokens.status')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td fw={500}>{token.name}</Table.Td>
              <Table.Td>{token.userName}</Table.Td>
              <Table.Td>
                <Code>{token.prefix}…</Code>
              </Table.Td>
              <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
              <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('common.never')}</Table.Td>
              <Table.Td>
                {token.revokedAt ? (
                  <Badge color="gray" variant="light" title={formatDateTime(token.revokedAt)}>
                    {t('tokens.revoked')}
                  </Badge>
                ) : (
                  <Badge color="green" variant="light">
                    {t('tokens.active')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {token.revokedAt ? null : (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    leftSection={<IconBan size={14} />}
                    onClick={() => onRevoke(token)}
                  >
                    {t('tokens.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
