import { ActionIcon, Button, Group, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FieldSelect, GeneralProblems, type ProblemText } from './FieldSelect';
import { type ManualRow, type MappingProblems, suggestForTyped } from './mapping';

interface ManualMappingProps {
  rows: readonly ManualRow[];
  problems: MappingProblems;
  text: ProblemText;
  onChange: (rows: ManualRow[]) => void;
}

/** Step 2 for a workbook: column names typed in, each with what it goes to (suggested once a name is typed). */
export function ManualMapping({ rows, problems, text, onChange }: ManualMappingProps) {
  const { t } = useTranslation();
  const update = (index: number, row: ManualRow) => onChange(rows.map((old, i) => (i === index ? row : old)));
  const suggest = (index: number) => {
    const row = rows[index];
    if (row) update(index, suggestForTyped(row));
  };
  return (
    <Stack gap="sm">
      <GeneralProblems codes={problems.general} text={text} />
      {rows.map((row, index) => {
        const problem = problems.columns[row.column.trim()];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              aria-label={t('imports.wizard.columnName')}
              placeholder={t('imports.wizard.columnName')}
              value={row.column}
              onChange={(e) => update(index, { ...row, column: e.currentTarget.value })}
              onBlur={() => suggest(index)}
              error={problem ? text(problem) : undefined}
              data-testid={`import-xlsx-column-${index}`}
              maxLength={200}
              style={{ flex: 1 }}
            />
            <FieldSelect
              label={row.column || t('imports.wizard.field')}
              value={row.field}
              error={undefined}
              testId={`import-xlsx-field-${index}`}
              onChange={(field) => update(index, { ...row, field, suggested: false })}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={t('imports.wizard.removeColumn')}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button
          variant="default"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...rows, { column: '', field: null }])}
          data-testid="import-xlsx-add"
        >
          {t('imports.wizard.addColumn')}
        </Button>
      </Group>
    </Stack>
  );
}
