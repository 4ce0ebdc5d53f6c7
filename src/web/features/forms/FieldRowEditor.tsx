import { ActionIcon, Badge, Group, Paper, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../lib/problems';
import { type FieldRow, rowErrorKey } from './form-values';

interface FieldRowEditorProps {
  row: FieldRow;
  /** The field's name in the UI language. */
  name: string;
  /** A custom field that was deactivated or removed: the form leaves it out until it is back. */
  inactive: boolean;
  errors: FieldErrors;
  first: boolean;
  last: boolean;
  readOnly: boolean;
  onChange: (row: FieldRow, changed: RowPart) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}

type TextPart = 'labelLt' | 'labelEn' | 'helpLt' | 'helpEn';
/** The input of a row that changed. */
export type RowPart = TextPart | 'required';

/** One field of a web form: required or not, its label and help in both languages, its place. */
export function FieldRowEditor({
  row,
  name,
  inactive,
  errors,
  first,
  last,
  readOnly,
  onChange,
  onMove,
  onRemove,
}: FieldRowEditorProps) {
  const { t } = useTranslation();
  const error = (part: Parameters<typeof rowErrorKey>[1]) => errors[rowErrorKey(row.uid, part)];
  const text = (part: TextPart, maxLength: number) => ({
    value: row[part],
    maxLength,
    onChange: (e: ChangeEvent<HTMLInputElement>) => onChange({ ...row, [part]: e.currentTarget.value }, part),
    error: error(part),
    'data-testid': `form-field-${part}-${row.key}`,
  });

  return (
    <Paper withBorder p="sm" data-testid={`form-field-row-${row.key}`}>
      <Group justify="space-between" align="flex-start" mb="xs" gap="xs">
        <Group gap="xs">
          <Text fw={500}>{name}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {row.key}
          </Text>
          {inactive ? (
            <Badge color="red" variant="light">
              {t('forms.fieldInactive')}
            </Badge>
          ) : null}
        </Group>
        <Group gap={4} wrap="nowrap">
          <Switch
            label={t('forms.required')}
            checked={row.required}
            onChange={(e) => onChange({ ...row, required: e.currentTarget.checked }, 'required')}
            error={error('required')}
            mr="sm"
            data-testid={`form-field-required-${row.key}`}
          />
          {readOnly ? null : (
            <>
              <ActionIcon
                variant="subtle"
                color="gray"
                disabled={first}
                aria-label={t('forms.moveUp', { name })}
                onClick={() => onMove(-1)}
                data-testid={`form-field-up-${row.key}`}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="gray"
                disabled={last}
                aria-label={t('forms.moveDown', { name })}
                onClick={() => onMove(1)}
                data-testid={`form-field-down-${row.key}`}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('forms.removeField', { name })}
                onClick={onRemove}
                data-testid={`form-field-remove-${row.key}`}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </>
          )}
        </Group>
      </Group>
      {error('key') ? (
        <Text c="red" size="sm" mb="xs" role="alert">
          {error('key')}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        <TextInput label={t('forms.labelLt')} lang="lt" required {...text('labelLt', 200)} />
        <TextInput label={t('forms.labelEn')} lang="en" required {...text('labelEn', 200)} />
        <TextInput label={t('forms.helpLt')} lang="lt" {...text('helpLt', 500)} />
        <TextInput label={t('forms.helpEn')} lang="en" {...text('helpEn', 500)} />
      </SimpleGrid>
    </Paper>
  );
}
