import { type FieldError, fieldError } from '../errors/app-error.js';
import { type CustomFieldType, OPTION_TYPES } from './validate-values.js';

/**
 * Whether a field of this type may have these options: select and multiselect need at least one,
 * other types none (an empty list is the same as none), and option values are unique.
 * Example: `optionsProblem('select', [])` → `{ field: 'options', code: 'required', … }`.
 */
export function optionsProblem(
  type: CustomFieldType,
  options: readonly { value: string }[],
): FieldError | undefined {
  if (!OPTION_TYPES.includes(type)) return options.length ? fieldError('options', 'not_allowed') : undefined;
  if (options.length === 0) return fieldError('options', 'required');
  const seen = new Set<string>();
  for (const [i, option] of options.entries()) {
    if (seen.has(option.value)) return fieldError(`options.${i}.value`, 'in_use');
    seen.add(option.value);
  }
  return undefined;
}
