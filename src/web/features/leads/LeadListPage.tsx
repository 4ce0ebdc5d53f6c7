import { Alert, Button, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import type { LeadListItem, LeadPage, SavedViewDto } from '../../lib/api';
import { notifyProblem, notifySuccess, problemMessage } from '../../lib/problems';
import { BulkBar } from './BulkBar';
import { ColumnsMenu } from './ColumnsMenu';
import { LeadFilterBar } from './LeadFilterBar';
import { LeadsTable } from './LeadsTable';
import { LeadsViewSwitch } from './LeadsViewSwitch';
import { useLeadColumns } from './lead-columns';
import {
  filtersFromParams,
  filtersFromQuery,
  filtersToParams,
  isFiltered,
  type LeadFilters,
  toListQuery,
} from './lead-filters';
import { useLeadList, useRestoreLead } from './useLeads';
import { useSelection } from './useSelection';
import { ViewsMenu } from './ViewsMenu';

function CountText({ page }: { page: LeadPage | undefined }) {
  const { t } = useTranslation();
  const count = page?.count;
  if (!count) return null;
  return (
    <span data-testid="lead-count">
      {count.capped
        ? t('leads.countCapped', { count: count.value })
        : t('leads.count', { count: count.value })}
    </span>
  );
}

/**
 * The lead list: filters in the address, keyset pages loaded on request, a capped count, the columns
 * one chose, saved views, and bulk changes of the ticked rows.
 */
export function LeadListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const query = toListQuery(filters);
  const list = useLeadList(query);
  const restore = useRestoreLead();
  const [columns, setColumns] = useLeadColumns();
  const selection = useSelection(JSON.stringify(query));
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];

  const change = (next: LeadFilters) => setParams(filtersToParams(next), { replace: true });
  const applyView = (view: SavedViewDto) => {
    setParams(filtersToParams(filtersFromQuery(view.filters)));
    setColumns(view.columns);
  };
  const restoreLead = (lead: LeadListItem) =>
    restore.mutate(lead.id, {
      onSuccess: () => notifySuccess(t('leads.restored', { title: lead.title })),
      onError: (error) => notifyProblem(error),
    });

  return (
    <>
      <PageHeader
        title={t('leads.title')}
        subtitle={<CountText page={list.data?.pages[0]} />}
        actions={
          <>
            <LeadsViewSwitch current="list" />
            <Button component={Link} to="/leads/new" leftSection={<IconPlus size={16} />}>
              {t('leads.new')}
            </Button>
          </>
        }
      />
      <LeadFilterBar filters={filters} onChange={change} />
      <Group justify="space-between" mb="sm" gap="xs">
        <ViewsMenu current={{ filters: query, columns }} onApply={applyView} />
        <ColumnsMenu columns={columns} onChange={setColumns} />
      </Group>
      {selection.ids.size > 0 && !filters.deleted ? (
        <BulkBar ids={[...selection.ids]} onDone={selection.clear} />
      ) : null}
      <Paper withBorder p={0} aria-busy={list.isFetching}>
        {list.isPending ? <Loader m="md" aria-label={t('app.loading')} /> : null}
        {list.isError ? (
          <Alert color="red" m="md">
            {problemMessage(list.error)}
          </Alert>
        ) : null}
        {list.isSuccess && rows.length === 0 ? (
          <Stack align="center" p="xl" gap="xs" data-testid="leads-empty">
            <Text fw={600}>{isFiltered(filters) ? t('leads.noMatch') : t('leads.empty')}</Text>
            <Text c="dimmed" size="sm">
              {isFiltered(filters) ? t('leads.noMatchText') : t('leads.emptyText')}
            </Text>
          </Stack>
        ) : null}
        {rows.length > 0 ? (
          <LeadsTable
            leads={rows}
            columns={columns}
            binned={filters.deleted}
            onRestore={restoreLead}
            restoringId={restore.isPending ? (restore.variables ?? null) : null}
            selected={selection.ids}
            onSelect={selection.select}
          />
        ) : null}
      </Paper>
      {list.hasNextPage ? (
        <Center mt="md">
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
            data-testid="load-more"
          >
            {t('leads.loadMore')}
          </Button>
        </Center>
      ) : null}
    </>
  );
}
