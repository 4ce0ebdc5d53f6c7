import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { COLUMN_LABELS } from './lead-cells';
import { DEFAULT_COLUMNS, FIXED_COLUMN, LEAD_COLUMNS, type LeadColumn } from './lead-columns';

interface ColumnsMenuProps {
  columns: readonly LeadColumn[];
  onChange: (columns: LeadColumn[]) => void;
}

/** Which columns the lead table shows (kept on this device; a saved view brings its own). */
export function ColumnsMenu({ columns, onChange }: ColumnsMenuProps) {
  const { t } = useTranslation();
  const toggle = (column: LeadColumn, on: boolean) =>
    onChange(on ? [...columns, column] : columns.filter((shown) => shown !== column));
  return (
    <Popover position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />} data-testid="columns-menu">
          {t('leads.columns.menu')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={8} role="group" aria-label={t('leads.columns.menu')}>
          {LEAD_COLUMNS.map((column) => (
            <Checkbox
              key={column}
              label={t(COLUMN_LABELS[column])}
              checked={columns.includes(column)}
              disabled={column === FIXED_COLUMN}
              onChange={(e) => toggle(column, e.currentTarget.checked)}
            />
          ))}
          <Button variant="subtle" size="compact-sm" onClick={() => onChange([...DEFAULT_COLUMNS])}>
            {t('leads.columns.reset')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
