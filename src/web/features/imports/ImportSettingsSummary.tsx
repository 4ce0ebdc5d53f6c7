import { Code, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportDto } from '../../lib/api';
import { MATCH_CHOICES } from './import-options';
import { useFieldLabel } from './useFieldOptions';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** How the file was read and what was asked of it: encoding, separator, matching, and each column's target. */
export function ImportSettingsSummary({ imp }: { imp: ImportDto }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const matchKeys = imp.match.filter((key): key is (typeof MATCH_CHOICES)[number] =>
    (MATCH_CHOICES as readonly string[]).includes(key),
  );
  const modeKey = `imports.wizard.modes.${imp.mode}` as 'imports.wizard.modes.create_only';
  const columns = imp.header ?? Object.keys(imp.mapping);
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Title order={3} size="h4" mb="sm">
        {t('imports.detail.settings')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm" mb="md">
        {imp.encoding ? (
          <Fact label={t('imports.wizard.encoding')}>
            <Code>{imp.encoding}</Code>
          </Fact>
        ) : null}
        {imp.delimiter ? (
          <Fact label={t('imports.wizard.delimiter')}>
            <Code>{imp.delimiter === '\t' ? '\\t' : imp.delimiter}</Code>
          </Fact>
        ) : null}
        <Fact label={t('imports.detail.match')}>
          {matchKeys.map((key) => t(`imports.wizard.matchKeys.${key}`)).join(', ')}
        </Fact>
        <Fact label={t('imports.detail.mode')}>{t(modeKey, { defaultValue: imp.mode })}</Fact>
      </SimpleGrid>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={4} data-testid="import-settings-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.wizard.column')}</Table.Th>
              <Table.Th>{t('imports.wizard.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((column, index) => {
              const field = Object.hasOwn(imp.mapping, column) ? (imp.mapping[column] ?? null) : null;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a header may repeat a name; the place is its identity
                <Table.Tr key={index}>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{column}</Table.Td>
                  <Table.Td c={field === null ? 'dimmed' : undefined}>
                    {field === null ? t('imports.detail.notImported') : fieldLabel(field)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
