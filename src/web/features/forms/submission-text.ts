import { type Lang, TIMEFRAME_CHOICES } from '../../../domain/forms/form-fields';
import type { FormDto } from '../../lib/api';

/** A submitted value as a line a person reads: the field's label in `lang` and the value as text. */
export interface ValueLine {
  key: string;
  label: string;
  text: string;
}

/**
 * The values of a submission in the form's field order (keys the form no longer has at the end),
 * labelled as the form labels them: `{ 'person.email': 'ona@example.lt' }` → `El. paštas: ona@example.lt`.
 * Timeframe choices and products read as words; everything else exactly as sent. Plain text only.
 */
export function valueLines(
  values: Record<string, string | string[]>,
  fields: FormDto['fields'],
  lang: Lang,
  productNames: ReadonlyMap<string, string>,
): ValueLine[] {
  const known = fields.map((f) => f.key);
  const keys = [
    ...known.filter((key) => key in values),
    ...Object.keys(values).filter((key) => !known.includes(key)),
  ];
  return keys.map((key) => {
    const raw = values[key] ?? '';
    const list = Array.isArray(raw) ? raw : [raw];
    const field = fields.find((f) => f.key === key);
    return {
      key,
      label: field?.label[lang] || key,
      text: list.map((v) => readable(key, v, lang, productNames)).join(', '),
    };
  });
}

function readable(key: string, value: string, lang: Lang, productNames: ReadonlyMap<string, string>): string {
  if (key === 'lead.productIds') return productNames.get(value) ?? value;
  if (key === 'lead.timeframe') return TIMEFRAME_CHOICES.find((c) => c.value === value)?.label[lang] ?? value;
  return value;
}
