import type { TFunction } from 'i18next';
import type { Locale } from '../../i18n';
import type { CustomFieldDto } from '../../lib/api';
import { customFieldOf, isStandardKey } from './form-values';

/**
 * What the builder calls a field in the UI language: a catalogue field by its name
 * (`forms.fieldNames.person_email`), a lead custom field by its label, anything else by its key.
 */
export function fieldName(
  key: string,
  custom: readonly CustomFieldDto[],
  locale: Locale,
  t: TFunction,
): string {
  if (isStandardKey(key)) {
    return t(`forms.fieldNames.${key.replace('.', '_')}` as 'forms.fieldNames.person_email');
  }
  const def = customFieldOf(key, custom);
  if (!def) return key;
  return locale === 'lt' ? def.labelLt : def.labelEn;
}
