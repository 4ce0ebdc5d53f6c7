import { Alert, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../lib/problems';

interface QueryStatusProps {
  query: { isPending: boolean; isError: boolean; error: unknown; data?: unknown };
  /** True when the query answered with nothing to show. */
  empty: boolean;
  emptyText: string;
}

/** What a list shows while loading, on failure, and when there is nothing yet. */
export function QueryStatus({ query, empty, emptyText }: QueryStatusProps) {
  const { t } = useTranslation();
  if (query.isPending) return <Loader m="md" aria-label={t('app.loading')} />;
  if (query.isError) {
    return (
      <Alert color="red" m="md">
        {problemMessage(query.error)}
      </Alert>
    );
  }
  return query.data !== undefined && empty ? (
    <Text c="dimmed" p="md">
      {emptyText}
    </Text>
  ) : null;
}
