import { Alert, Code, FileInput, Group, Loader, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportDelimiter } from '../../../domain/imports/detect';
import type { FileHead } from './header';

const DELIMITER_NAMES: Record<ImportDelimiter, 'comma' | 'semicolon' | 'tab'> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
};

// why a cast: the hidden <input type="file"> takes data attributes, which its props type does not list.
const FILE_INPUT_PROPS = { 'data-testid': 'import-file' } as ComponentProps<'input'>;

interface ImportFileSectionProps {
  file: File | null;
  head: FileHead | null;
  reading: boolean;
  /** The message under the input (the server's, or why the file cannot be read). */
  error: string | undefined;
  onPick: (file: File | null) => void;
}

/** What the first bytes of a CSV said: its encoding, separator and how many columns its header has. */
function CsvFacts({ head }: { head: Extract<FileHead, { kind: 'csv' }> }) {
  const { t } = useTranslation();
  const delimiter = head.delimiter === '\t' ? '\\t' : head.delimiter;
  return (
    <Group gap="lg" mt="xs">
      <Text size="sm">
        {t('imports.wizard.encoding')}: <Code data-testid="import-encoding">{head.encoding}</Code>
      </Text>
      <Text size="sm">
        {t('imports.wizard.delimiter')}: <Code data-testid="import-delimiter">{delimiter}</Code> (
        {t(`imports.wizard.delimiters.${DELIMITER_NAMES[head.delimiter]}`)})
      </Text>
      <Text size="sm" c="dimmed">
        {t('imports.wizard.columnsFound', { count: head.header.length })}
      </Text>
    </Group>
  );
}

/** Step 1: the file, read in the browser as far as needed to show its columns. */
export function ImportFileSection({ file, head, reading, error, onPick }: ImportFileSectionProps) {
  const { t } = useTranslation();
  const refusal =
    head?.kind === 'unsupported' ? 'unsupported' : head?.kind === 'no_header' ? 'no_header' : null;
  return (
    <>
      <FileInput
        label={t('imports.wizard.fileLabel')}
        description={t('imports.wizard.fileHint')}
        placeholder={t('imports.wizard.filePlaceholder')}
        accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        leftSection={<IconFileSpreadsheet size={16} />}
        value={file}
        onChange={onPick}
        clearable
        error={error}
        fileInputProps={FILE_INPUT_PROPS}
        maw={560}
      />
      {reading ? (
        <Group gap="xs" mt="xs">
          <Loader size="xs" />
          <Text size="sm">{t('imports.wizard.reading')}</Text>
        </Group>
      ) : null}
      {head?.kind === 'csv' ? <CsvFacts head={head} /> : null}
      {head?.kind === 'xlsx' ? (
        <Alert color="blue" mt="sm" data-testid="import-xlsx-note">
          {t('imports.wizard.xlsxNote')}
        </Alert>
      ) : null}
      {refusal ? (
        <Alert color="red" mt="sm" data-testid="import-file-refused">
          {t(`imports.errors.${refusal}`)}
        </Alert>
      ) : null}
    </>
  );
}
