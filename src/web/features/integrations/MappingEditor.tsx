import { Alert, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../lib/problems';
import { MappingRowEditor } from './MappingRowEditor';
import { type MappingRow, newFieldRow } from './mapping-rows';
import { useTargetName, useTargetOptions } from './useTargets';

interface MappingEditorProps {
  rows: MappingRow[];
  /** Messages by row key, and `mapping` for the mapping as a whole. */
  errors: FieldErrors;
  /** The new rows, and the keys whose messages no longer apply. */
  onChange: (rows: MappingRow[], cleared: string[]) => void;
  /** Puts the preset's mapping back (the preset of the integration's kind). */
  onResetPreset: () => void;
}

/**
 * Where each lead field comes from in the sender's JSON: the event id (one lead per id), an
 * optional test flag, and one row per field, each with a source the admin can change.
 */
export function MappingEditor({ rows, errors, onChange, onResetPreset }: MappingEditorProps) {
  const { t } = useTranslation();
  const name = useTargetName();
  const options = useTargetOptions();
  const used = new Set(rows.map((row) => row.target));

  const change = (next: MappingRow) =>
    onChange(
      rows.map((row) => (row.key === next.key ? next : row)),
      [next.key, 'mapping'],
    );
  const remove = (key: string) =>
    onChange(
      rows.filter((row) => row.key !== key),
      [key, 'mapping'],
    );

  return (
    <Fieldset legend={t('integrations.sections.mapping')} data-testid="integration-mapping">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('integrations.mapping.hint')}
        </Text>
        {errors.mapping ? (
          <Alert color="red" data-testid="integration-mapping-error">
            {errors.mapping}
          </Alert>
        ) : null}
        {rows.map((row) => (
          <MappingRowEditor
            key={row.key}
            row={row}
            targets={options(used, row.target)}
            targetName={row.target ? name(row.target) : t('integrations.mapping.pickTarget')}
            error={errors[row.key]}
            onChange={change}
            onRemove={() => remove(row.key)}
          />
        ))}
        <Group justify="space-between">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => onChange([...rows, newFieldRow()], ['mapping'])}
            data-testid="integration-map-add"
          >
            {t('integrations.mapping.add')}
          </Button>
          <Button
            variant="subtle"
            leftSection={<IconRestore size={16} />}
            onClick={onResetPreset}
            data-testid="integration-map-reset"
          >
            {t('integrations.mapping.reset')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('integrations.mapping.kindsHint')}
        </Text>
      </Stack>
    </Fieldset>
  );
}
