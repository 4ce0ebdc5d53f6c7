import { Alert, Box, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import type { LeadListItem, LeadPage, SavedViewDto } from '../../lib/api';
import { fieldErrorsByPath, notifyProblem, notifySuccess, problemMessage } from '../../lib/problems';
import type { RowPaging } from '../../lib/useVirtualRows';
import { BulkBar } from './BulkBar';
import { ColumnsMenu } from './ColumnsMenu';
import { LeadFilterBar } from './LeadFilterBar';
import { LeadsTable, leadsTableMinHeight } from './LeadsTable';
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

/** How many rows are loaded (said again as pages come), and the button that loads more without scrolling. */
function LoadMore({ shown, paging }: { shown: number; paging: RowPaging }) {
  const { t } = useTranslation();
  return (
    <Group justify="center" gap="sm" mt="sm" style={{ flex: 'none' }}>
      <Text size="sm" c="dimmed" role="status" data-testid="leads-shown">
        {t('leads.shown', { count: shown })}
      </Text>
      {paging.hasNextPage ? (
        <Button
          variant="default"
          size="compact-sm"
          onClick={() => void paging.fetchNextPage()}
          loading={paging.isFetchingNextPage}
          data-testid="load-more"
        >
          {t('leads.loadMore')}
        </Button>
      ) : null}
    </Group>
  );
}

// why: the page fits the window and the table scrolls within it, so its sticky header and the
// "load more" below it stay in sight; a scrolling page around a scrolling table would hide its bottom.
const FIT_WINDOW = {
  display: 'flex',
  flexDirection: 'column',
  maxHeight: 'calc(100dvh - var(--app-shell-header-offset, 0rem) - 2 * var(--app-shell-padding, 0rem))',
} as const;

/**
 * The lead list: filters in the address, keyset pages loaded as one scrolls, a capped count, the columns
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
  const scope = JSON.stringify(query);
  const selection = useSelection(scope);
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const count = list.data?.pages[0]?.count;

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
    <Box style={FIT_WINDOW}>
      <Box style={{ flex: 'none' }}>
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
        <LeadFilterBar filters={filters} onChange={change} errors={fieldErrorsByPath(list.error)} />
        <Group justify="space-between" mb="sm" gap="xs">
          <ViewsMenu current={{ filters: query, columns }} onApply={applyView} />
          <ColumnsMenu columns={columns} onChange={setColumns} />
        </Group>
        {selection.ids.size > 0 && !filters.deleted ? (
          <BulkBar ids={[...selection.ids]} onDone={selection.clear} />
        ) : null}
      </Box>
      <Paper
        withBorder
        p={0}
        aria-busy={list.isFetching}
        // The table shrinks to the room left, but never below a few rows: then the page scrolls.
        style={{
          display: 'flex',
          flexDirection: 'column',
          minHeight: rows.length > 0 ? leadsTableMinHeight(rows.length) : undefined,
        }}
      >
        {list.isPending ? <Loader m="md" aria-label={t('app.loading')} /> : null}
        {list.isError ? (
          <Alert color="red" m="md" style={{ flex: 'none' }}>
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
            // A new list starts at its top, not where the old one was scrolled to.
            key={scope}
            leads={rows}
            total={count && !count.capped ? count.value : null}
            paging={list}
            columns={columns}
            binned={filters.deleted}
            onRestore={restoreLead}
            restoringId={restore.isPending ? (restore.variables ?? null) : null}
            selected={selection.ids}
            onSelect={selection.select}
          />
        ) : null}
      </Paper>
      {rows.length > 0 ? <LoadMore shown={rows.length} paging={list} /> : null}
    </Box>
  );
}
