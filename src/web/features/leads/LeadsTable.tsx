import { Button, Checkbox, Table, VisuallyHidden } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import type { LeadListItem } from '../../lib/api';
import { COLUMN_LABELS, NOWRAP, renderCell } from './lead-cells';
import type { LeadColumn } from './lead-columns';
import { sourceName, useSources } from './useLeadOptions';

interface LeadsTableProps {
  leads: readonly LeadListItem[];
  columns: readonly LeadColumn[];
  /** The bin: rows cannot be opened (a binned lead answers 404) but can be restored; no bulk changes. */
  binned: boolean;
  onRestore: (lead: LeadListItem) => void;
  restoringId: string | null;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], selected: boolean) => void;
}

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

/** Leads in the chosen columns, with a checkbox per row for bulk changes; scrolls sideways on phones. */
export function LeadsTable({
  leads,
  columns,
  binned,
  onRestore,
  restoringId,
  selected,
  onSelect,
}: LeadsTableProps) {
  const { t } = useTranslation();
  const sources = useSources();
  const context = {
    t,
    binned,
    sourceName: (id: string) => {
      const source = sources.data?.find((s) => s.id === id);
      return source ? sourceName(source, currentLocale()) : undefined;
    },
  };
  return (
    <Table.ScrollContainer minWidth={Math.max(640, columns.length * 110)}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="leads-table">
        <Table.Thead>
          <Table.Tr>
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
          {leads.map((lead) => (
            <Table.Tr
              key={lead.id}
              data-testid="lead-row"
              data-lead-id={lead.id}
              bg={selected.has(lead.id) ? 'var(--mantine-primary-color-light)' : undefined}
            >
              {binned ? null : (
                <Table.Td>
                  <Checkbox
                    aria-label={t('bulk.selectRow', { title: lead.title })}
                    checked={selected.has(lead.id)}
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
                    loading={restoringId === lead.id}
                    onClick={() => onRestore(lead)}
                  >
                    {t('leads.restore')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
