import { Button, Paper, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { QueryStatus } from './QueryStatus';

export interface ListColumn {
  label: ReactNode;
  /** Numbers line up on the right. */
  right?: boolean;
}

interface ListTableProps {
  query: { isPending: boolean; isError: boolean; error: unknown; data?: unknown };
  /** How many rows the query gave (none: the empty text shows instead of the table). */
  count: number;
  emptyText: string;
  columns: readonly ListColumn[];
  /** Below this width the table scrolls sideways. */
  minWidth: number;
  /** `data-testid` of the table; each row sets its own. */
  testId?: string;
  /** The rows (`Table.Tr`). */
  children: ReactNode;
}

/** A list page's table: loading, failure and empty states, the header row, and the rows given. */
export function ListTable({ query, count, emptyText, columns, minWidth, testId, children }: ListTableProps) {
  return (
    <Paper withBorder p={0}>
      <QueryStatus query={query} empty={count === 0} emptyText={emptyText} />
      {count > 0 ? (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed per page
                  <Table.Th key={i} ta={c.right ? 'right' : undefined}>
                    {c.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{children}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Paper>
  );
}

/** A list page's "new …" button, for its header. */
export function NewButton({ to, testId, children }: { to: string; testId: string; children: ReactNode }) {
  return (
    <Button component={Link} to={to} leftSection={<IconPlus size={16} />} data-testid={testId}>
      {children}
    </Button>
  );
}
