import type { ComboboxData } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { useLeadCustomFields } from '../leads/useLeadOptions';
import { FIELD_GROUPS, fieldKey, fieldsOfGroup } from './mapping';

/** The Select value of "Do not import" (a Select's values are strings; the mapping says null). */
export const SKIP = '-';

/** A target's name in the UI language: a standard field by its key, a custom field by its label. */
export function useFieldLabel(): (field: string | null) => string {
  const { t } = useTranslation();
  const custom = useLeadCustomFields();
  const locale = currentLocale();
  return (field) => {
    if (field === null) return t('imports.fields.none');
    if (field.startsWith('cf.')) {
      const def = custom.data?.find((d) => `cf.${d.key}` === field);
      return def ? (locale === 'lt' ? def.labelLt : def.labelEn) : field;
    }
    return t(`imports.fields.${fieldKey(field)}` as 'imports.fields.none', { defaultValue: field });
  };
}

/**
 * What a column can go to, grouped as a Select shows it: "Do not import", the standard fields by
 * record, and the active lead custom fields as `cf.<key>`.
 */
export function useFieldOptions(): ComboboxData {
  const { t } = useTranslation();
  const custom = useLeadCustomFields();
  const label = useFieldLabel();
  const customItems = (custom.data ?? [])
    .filter((d) => d.active)
    .map((d) => ({ value: `cf.${d.key}`, label: label(`cf.${d.key}`) }));
  return [
    { value: SKIP, label: t('imports.fields.none') },
    ...FIELD_GROUPS.map((group) => ({
      group: t(`imports.groups.${group}`),
      items: fieldsOfGroup(group).map((field) => ({ value: field, label: label(field) })),
    })),
    ...(customItems.length ? [{ group: t('imports.groups.custom'), items: customItems }] : []),
  ];
}
