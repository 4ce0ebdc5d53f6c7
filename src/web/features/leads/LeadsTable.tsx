import { Box, Checkbox, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import type { LeadListItem } from '../../lib/api';
import { type RowPaging, useVirtualRows } from '../../lib/useVirtualRows';
import { LeadRow } from './LeadRow';
import { type CellContext, COLUMN_LABELS } from './lead-cells';
import type { LeadColumn } from './lead-columns';
import { sourceName, useSources } from './useLeadOptions';

/** A row with badges at `verticalSpacing="xs"`; rows are measured once shown, this only seeds the scrollbar. */
const ROW_HEIGHT = 42;
/** However little room the page leaves, this many rows stay in sight (the page scrolls instead). */
const MIN_ROWS_IN_SIGHT = 6;

/** The least height of a table of `count` rows: all of a short list, else a few rows. */
export function leadsTableMinHeight(count: number): number {
  return Math.min(count + 1, MIN_ROWS_IN_SIGHT) * ROW_HEIGHT;
}

interface LeadsTableProps {
  leads: readonly LeadListItem[];
  /** Leads in the whole list when known (not capped), for assistive technology: `null` if unknown. */
  total: number | null;
  paging: RowPaging;
  columns: readonly LeadColumn[];
  /** The bin: rows cannot be opened (a binned lead answers 404) but can be restored; no bulk changes. */
  binned: boolean;
  onRestore: (lead: LeadListItem) => void;
  restoringId: string | null;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], selected: boolean) => void;
}

/** Ticks every loaded lead, also those scrolled out of sight. */
function SelectAll({ leads, selected, onSelect }: Pick<LeadsTableProps, 'leads' | 'selected' | 'onSelect'>) {
  const { t } = useTranslation();
  const chosen = leads.filter((lead) => selected.has(lead.id)).length;
  return (
    <Checkbox
      aria-label={t('bulk.selectPage')}
      checked={chosen > 0 && chosen === leads.length}
      indeterminate={chosen > 0 && chosen < leads.length}
      onChange={(e) =>
        onSelect(
          leads.map((lead) => lead.id),
          e.currentTarget.checked,
        )
      }
      data-testid="select-page"
    />
  );
}

/** Stands in for the rows out of sight above or below, so the scrollbar tells the loaded length. */
function SpacerRow({ height, span }: { height: number; span: number }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a row of a plain table takes no focus; this one is only room
    <tr aria-hidden="true">
      <td colSpan={span} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

/**
 * Leads in the chosen columns, with a checkbox per row for bulk changes. It scrolls within itself, both
 * ways on phones, under a sticky header; only the rows in sight are rendered, and nearing the last loaded
 * row fetches the next page.
 */
export function LeadsTable({
  leads,
  total,
  paging,
  columns,
  binned,
  onRestore,
  restoringId,
  selected,
  onSelect,
}: LeadsTableProps) {
  const { t } = useTranslation();
  const sources = useSources();
  const rows = useVirtualRows<HTMLDivElement, HTMLTableRowElement>({
    count: leads.length,
    paging,
    estimateSize: ROW_HEIGHT,
    getKey: (index) => leads[index]?.id ?? index,
  });
  const context: CellContext = {
    t,
    binned,
    sourceName: (id: string) => {
      const source = sources.data?.find((s) => s.id === id);
      return source ? sourceName(source, currentLocale()) : undefined;
    },
  };
  const span = columns.length + 1;
  const firstIndex = rows.items[0]?.index ?? 0;
  return (
    <Box ref={rows.scrollRef} data-testid="leads-scroll" style={{ overflow: 'auto' }}>
      <Table
        stickyHeader
        // why: stripes go by the row's index, not by its place among the rendered rows; the spacer row
        // above the first one rendered shifts that place by one.
        striped={firstIndex % 2 === 0 ? 'even' : 'odd'}
        highlightOnHover
        verticalSpacing="xs"
        miw={Math.max(640, columns.length * 110)}
        aria-rowcount={total === null ? -1 : total + 1}
        data-testid="leads-table"
      >
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            {binned ? null : (
              <Table.Th w={40}>
                <SelectAll leads={leads} selected={selected} onSelect={onSelect} />
              </Table.Th>
            )}
            {columns.map((column) => (
              <Table.Th key={column}>{t(COLUMN_LABELS[column])}</Table.Th>
            ))}
            {binned ? (
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <SpacerRow height={rows.paddingTop} span={span} />
          {rows.items.map((item) => {
            const lead = leads[item.index];
            if (!lead) return null;
            return (
              <LeadRow
                key={lead.id}
                ref={rows.measure}
                index={item.index}
                lead={lead}
                columns={columns}
                context={context}
                selected={selected.has(lead.id)}
                onSelect={onSelect}
                onRestore={onRestore}
                restoring={restoringId === lead.id}
              />
            );
          })}
          {rows.paddingBottom > 0 ? <SpacerRow height={rows.paddingBottom} span={span} /> : null}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
