import { Button, Center, Paper, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../components/QueryStatus';
import type { SubmissionDto, SubmissionStatus } from '../../lib/api';
import { useSubmissions } from './useForms';

interface SubmissionsTableProps {
  formId: string;
  status?: SubmissionStatus;
  emptyText: string;
  headers: string[];
  row: (submission: SubmissionDto) => ReactNode;
  testId: string;
}

/** A form's submissions in pages of the API's keyset cursor, newest first, with "Show more" at the end. */
export function SubmissionsTable({ formId, status, emptyText, headers, row, testId }: SubmissionsTableProps) {
  const { t } = useTranslation();
  const query = useSubmissions(formId, status);
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Paper withBorder p={0}>
      <QueryStatus query={query} empty={items.length === 0} emptyText={emptyText} />
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                {headers.map((header) => (
                  <Table.Th key={header}>{header}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{items.map(row)}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {query.hasNextPage ? (
        <Center p="sm">
          <Button
            variant="subtle"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
            data-testid={`${testId}-more`}
          >
            {t('forms.showMore')}
          </Button>
        </Center>
      ) : null}
    </Paper>
  );
}
