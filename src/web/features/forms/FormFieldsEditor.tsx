import { Fieldset, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STANDARD_FIELD_KEYS } from '../../../domain/forms/form-fields';
import { currentLocale } from '../../i18n';
import type { CustomFieldDto } from '../../lib/api';
import type { FieldErrors } from '../../lib/problems';
import { FieldRowEditor, type RowPart } from './FieldRowEditor';
import { fieldName } from './field-names';
import { customFieldOf, type FieldRow, isStandardKey, moveRow, rowErrorKey, rowFor } from './form-values';

const ROW_PARTS = ['key', 'required', 'labelLt', 'labelEn', 'helpLt', 'helpEn'] as const;

interface FormFieldsEditorProps {
  rows: FieldRow[];
  /** Lead custom fields (for `cf.<key>`); undefined while loading. */
  custom: readonly CustomFieldDto[] | undefined;
  errors: FieldErrors;
  readOnly: boolean;
  /** The new rows, and the error keys that no longer apply. */
  onChange: (rows: FieldRow[], cleared: string[]) => void;
}

/** The catalogue fields a form may ask for, in order: add from the catalogue, mark required, word, move, remove. */
export function FormFieldsEditor({
  rows,
  custom: loaded,
  errors,
  readOnly,
  onChange,
}: FormFieldsEditorProps) {
  const { t } = useTranslation();
  const custom = loaded ?? [];
  const locale = currentLocale();
  const used = new Set(rows.map((row) => row.key));
  const nameOf = (key: string) => fieldName(key, custom, locale, t);
  const choices = [
    {
      group: t('forms.standardFields'),
      items: STANDARD_FIELD_KEYS.filter((key) => !used.has(key)).map((key) => ({
        value: key,
        label: nameOf(key),
      })),
    },
    {
      group: t('forms.customFields'),
      items: custom
        .filter((c) => c.active && !used.has(`cf.${c.key}`))
        .map((c) => ({ value: `cf.${c.key}`, label: nameOf(`cf.${c.key}`) })),
    },
  ].filter((group) => group.items.length > 0);

  // A removed row takes its messages along; any change to the list clears the list-wide one.
  const rowKeys = (row: FieldRow) => ROW_PARTS.map((part) => rowErrorKey(row.uid, part));
  const add = (key: string | null) => {
    if (key) onChange([...rows, rowFor(key, custom)], ['fields']);
  };
  // A contact made required may settle the message on another contact's row too.
  const change = (index: number, row: FieldRow, changed: RowPart) =>
    onChange(
      rows.map((old, i) => (i === index ? row : old)),
      changed === 'required'
        ? ['fields', ...rows.map((r) => rowErrorKey(r.uid, 'required'))]
        : [rowErrorKey(row.uid, changed)],
    );

  return (
    <Fieldset legend={t('forms.sections.fields')} disabled={readOnly}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('forms.fieldsHint')}
        </Text>
        {rows.map((row, index) => (
          <FieldRowEditor
            key={row.uid}
            row={row}
            name={nameOf(row.key)}
            inactive={
              loaded !== undefined && !isStandardKey(row.key) && !customFieldOf(row.key, custom)?.active
            }
            errors={errors}
            first={index === 0}
            last={index === rows.length - 1}
            readOnly={readOnly}
            onChange={(next, changed) => change(index, next, changed)}
            onMove={(step) => onChange(moveRow(rows, index, step), ['fields'])}
            onRemove={() =>
              onChange(
                rows.filter((_, i) => i !== index),
                ['fields', ...rowKeys(row)],
              )
            }
          />
        ))}
        {readOnly ? null : (
          <Select
            label={t('forms.addField')}
            placeholder={choices.length ? t('forms.addFieldPlaceholder') : t('forms.allFieldsAdded')}
            data={choices}
            value={null}
            onChange={add}
            disabled={choices.length === 0}
            error={errors.fields}
            maxDropdownHeight={320}
            data-testid="form-field-add"
          />
        )}
        {readOnly && errors.fields ? <Text c="red">{errors.fields}</Text> : null}
      </Stack>
    </Fieldset>
  );
}
