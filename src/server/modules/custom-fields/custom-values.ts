import {
  type CustomFieldEntity,
  type CustomValue,
  validateCustomValues,
} from '../../../domain/custom-fields/validate-values.js';
import type { Validation } from '../../../domain/errors/app-error.js';
import type { Db } from '../../db/database.js';
import { listCustomFields } from './custom-fields.repository.js';

/**
 * Checks custom field values of one record against its entity's definitions, adding every bad
 * key to `v` (under `prefix`, e.g. `person.`), and returns the normalised values (null = clear).
 */
export async function checkCustomValues(
  db: Db,
  entity: CustomFieldEntity,
  values: Record<string, unknown> | undefined,
  v: Validation,
  prefix = '',
): Promise<Record<string, CustomValue>> {
  return customValuesChecker(db)(entity, values, v, prefix);
}

/** `checkCustomValues` for many records: each entity's definitions are read once. */
export function customValuesChecker(db: Db) {
  const definitions = new Map<CustomFieldEntity, ReturnType<typeof listCustomFields>>();
  return async (
    entity: CustomFieldEntity,
    values: Record<string, unknown> | undefined,
    v: Validation,
    prefix = '',
  ): Promise<Record<string, CustomValue>> => {
    if (!values || Object.keys(values).length === 0) return {};
    let defs = definitions.get(entity);
    if (!defs) {
      defs = listCustomFields(db, { entity });
      definitions.set(entity, defs);
    }
    const result = validateCustomValues(await defs, values);
    if (result.ok) return result.value;
    for (const e of result.errors) v.add(`${prefix}${e.field}`, e.code);
    return {};
  };
}

/** Applies changes to stored values: a null clears the key. `merge({a:1}, {a:null, b:2})` → `{ b: 2 }`. */
export function mergeCustomValues(
  stored: Record<string, unknown>,
  changes: Record<string, CustomValue>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
