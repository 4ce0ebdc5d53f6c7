import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRESETS } from '../../../domain/imports/presets';
import { formatDate } from '../../lib/format';
import { FieldSelect, GeneralProblems, type ProblemText } from './FieldSelect';
import { exampleOf } from './header';
import type { Mapping, MappingProblems } from './mapping';
import type { MappingOrigin } from './useImportDraft';

interface MappingTableProps {
  header: readonly string[];
  examples: readonly (readonly string[])[];
  mapping: Mapping;
  origin: MappingOrigin;
  problems: MappingProblems;
  text: ProblemText;
  onChange: (column: string, field: string | null) => void;
  onUseSuggestion: () => void;
}

/** Step 2 for a CSV: one row per header column with what it goes to, pre-filled from the suggestion. */
export function MappingTable(props: MappingTableProps) {
  const { header, examples, mapping, origin, problems, text, onChange, onUseSuggestion } = props;
  const { t } = useTranslation();
  const preset = PRESETS.find((p) => p.id === origin.preset);
  return (
    <Stack gap="sm">
      {preset ? (
        <Alert color="blue" data-testid="import-preset" data-preset={preset.id}>
          {t('imports.wizard.preset', { name: preset.name })}
        </Alert>
      ) : null}
      {origin.saved ? (
        <Alert color="gray" data-testid="import-saved-mapping">
          <Group justify="space-between" gap="xs">
            <Text size="sm">
              {t('imports.wizard.saved', {
                fileName: origin.saved.fileName,
                date: formatDate(origin.saved.usedAt),
              })}
            </Text>
            <Button size="compact-sm" variant="default" onClick={onUseSuggestion}>
              {t('imports.wizard.useSuggested')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <GeneralProblems codes={problems.general} text={text} />
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.wizard.column')}</Table.Th>
              <Table.Th>{t('imports.wizard.example')}</Table.Th>
              <Table.Th>{t('imports.wizard.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {header.map((column, index) => {
              const problem = problems.columns[column];
              return (
                // why the index: a header may repeat a name (the server then refuses to guess which is meant)
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed for the file on screen
                <Table.Tr key={index}>
                  <Table.Td fw={500} style={{ wordBreak: 'break-word' }}>
                    {column}
                  </Table.Td>
                  <Table.Td c="dimmed" style={{ wordBreak: 'break-word' }}>
                    {exampleOf(examples, index)}
                  </Table.Td>
                  <Table.Td>
                    <FieldSelect
                      label={column}
                      value={Object.hasOwn(mapping, column) ? (mapping[column] ?? null) : null}
                      error={problem ? text(problem) : undefined}
                      testId={`import-map-${column}`}
                      onChange={(field) => onChange(column, field)}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
