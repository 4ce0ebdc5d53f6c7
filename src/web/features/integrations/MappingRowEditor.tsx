import { ActionIcon, type ComboboxData, Group, Select, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EVENT_ID, type MappingRow, SOURCE_KINDS, type SourceKind, TEST_FLAG } from './mapping-rows';

interface MappingRowEditorProps {
  row: MappingRow;
  /** The targets a field row may pick (those other rows use are disabled). */
  targets: ComboboxData;
  /** The target's name, for fixed rows and accessible names. */
  targetName: string;
  error: string | undefined;
  onChange: (row: MappingRow) => void;
  onRemove: () => void;
}

const PLACEHOLDERS: Record<SourceKind, string> = {
  pointer: '/email',
  fieldData: 'email, work_email',
  liAnswer: 'EMAIL, WORK_EMAIL',
  const: '',
  json: '{ "first": [{ "pointer": "/email" }, { "pointer": "/mail" }] }',
};

// why flex bases rather than fixed widths: the rows share a column with the endpoint panel on wide
// screens and wrap onto two lines on phones.
const TARGET_FLEX = '2 1 150px';
const MONOSPACE = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** One target and where its value comes from: the kind of source and the source written as one line. */
export function MappingRowEditor({
  row,
  targets,
  targetName,
  error,
  onChange,
  onRemove,
}: MappingRowEditorProps) {
  const { t } = useTranslation();
  const fixed = row.target === EVENT_ID || row.target === TEST_FLAG;
  const testId = `integration-map-${row.target || row.key}`;
  return (
    <Group align="flex-start" gap="xs" data-testid="integration-map-row">
      {fixed ? (
        <Text size="sm" fw={500} pt={6} style={{ flex: TARGET_FLEX }}>
          {targetName}
        </Text>
      ) : (
        <Select
          aria-label={t('integrations.mapping.target')}
          placeholder={t('integrations.mapping.pickTarget')}
          data={targets}
          value={row.target || null}
          onChange={(target) => onChange({ ...row, target: target ?? '' })}
          searchable
          allowDeselect={false}
          style={{ flex: TARGET_FLEX }}
          data-testid={`${testId}-target`}
        />
      )}
      <Select
        aria-label={t('integrations.mapping.kindOf', { name: targetName })}
        data={SOURCE_KINDS.map((kind) => ({ value: kind, label: t(`integrations.mapping.kinds.${kind}`) }))}
        value={row.kind}
        onChange={(kind) => kind && onChange({ ...row, kind: kind as SourceKind })}
        allowDeselect={false}
        style={{ flex: '1 1 130px' }}
        data-testid={`${testId}-kind`}
      />
      <TextInput
        aria-label={t('integrations.mapping.sourceOf', { name: targetName })}
        placeholder={row.target === TEST_FLAG ? '/test' : PLACEHOLDERS[row.kind]}
        value={row.text}
        onChange={(e) => onChange({ ...row, text: e.currentTarget.value })}
        error={error}
        styles={row.kind === 'const' ? undefined : MONOSPACE}
        style={{ flex: '3 1 200px' }}
        data-testid={`${testId}-source`}
      />
      {fixed ? (
        <div style={{ width: 28, flexShrink: 0 }} />
      ) : (
        <ActionIcon
          variant="subtle"
          color="red"
          mt={4}
          onClick={onRemove}
          aria-label={t('integrations.mapping.remove', { name: targetName })}
          data-testid={`${testId}-remove`}
        >
          <IconTrash size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}
