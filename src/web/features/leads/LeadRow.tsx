import { Button, Checkbox, Table } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import type { Ref } from 'react';
import type { LeadListItem } from '../../lib/api';
import { type CellContext, NOWRAP, renderCell } from './lead-cells';
import type { LeadColumn } from './lead-columns';

interface LeadRowProps {
  lead: LeadListItem;
  /** The row's place among all loaded rows (the virtualiser measures the row by it). */
  index: number;
  columns: readonly LeadColumn[];
  context: CellContext;
  selected: boolean;
  onSelect: (ids: string[], selected: boolean) => void;
  onRestore: (lead: LeadListItem) => void;
  restoring: boolean;
  ref: Ref<HTMLTableRowElement>;
}

/** One lead in the table: a checkbox for bulk changes (a restore button in the bin) and the chosen cells. */
export function LeadRow({
  lead,
  index,
  columns,
  context,
  selected,
  onSelect,
  onRestore,
  restoring,
  ref,
}: LeadRowProps) {
  const { t, binned } = context;
  return (
    <Table.Tr
      ref={ref}
      data-index={index}
      // The header is row 1; rows out of sight are not in the DOM, so each says where it stands.
      aria-rowindex={index + 2}
      data-testid="lead-row"
      data-lead-id={lead.id}
      bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
    >
      {binned ? null : (
        <Table.Td>
          <Checkbox
            aria-label={t('bulk.selectRow', { title: lead.title })}
            checked={selected}
            onChange={(e) => onSelect([lead.id], e.currentTarget.checked)}
            data-testid="select-row"
          />
        </Table.Td>
      )}
      {columns.map((column) => (
        <Table.Td key={column} style={NOWRAP.has(column) ? { whiteSpace: 'nowrap' } : undefined}>
          {renderCell(column, lead, context)}
        </Table.Td>
      ))}
      {binned ? (
        <Table.Td>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconRestore size={14} />}
            loading={restoring}
            onClick={() => onRestore(lead)}
          >
            {t('leads.restore')}
          </Button>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
