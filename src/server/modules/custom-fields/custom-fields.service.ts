import { optionsProblem } from '../../../domain/custom-fields/field-options.js';
import { AppError, conflictOn } from '../../../domain/errors/app-error.js';
import type { Caller, Deps } from '../../context.js';
import { isUniqueViolation } from '../../db/errors.js';
import { newId } from '../../db/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.repository.js';
import {
  type CustomFieldFields,
  customFieldKeyTaken,
  findCustomField,
  insertCustomField,
  listCustomFields,
  nextCustomFieldPosition,
  updateCustomFieldRow,
} from './custom-fields.repository.js';
import type {
  CreateCustomFieldInput,
  CustomFieldDto,
  CustomFieldOption,
  UpdateCustomFieldInput,
} from './custom-fields.schemas.js';

export { listCustomFields };

function trimOptions(options: readonly CustomFieldOption[]): CustomFieldOption[] {
  return options.map((o) => ({
    value: o.value.trim(),
    labelLt: o.labelLt.trim(),
    labelEn: o.labelEn.trim(),
  }));
}

function checkOptions(type: CustomFieldDto['type'], options: readonly CustomFieldOption[]): void {
  const problem = optionsProblem(type, options);
  if (problem) throw new AppError('validation', `${problem.field} ${problem.message}`, { errors: [problem] });
}

function keyInUse(): AppError {
  return conflictOn('key', 'in_use', 'This record type already has a custom field with this key');
}

/** Defines a custom field; without a position it goes after the entity's last field. */
export async function createCustomField(
  deps: Deps,
  caller: Caller,
  input: CreateCustomFieldInput,
): Promise<CustomFieldDto> {
  const options = trimOptions(input.options ?? []);
  checkOptions(input.type, options);
  const now = deps.now().toISOString();
  const id = newId();
  return deps.db
    .transaction()
    .execute(async (trx) => {
      if (await customFieldKeyTaken(trx, input.entity, input.key)) throw keyInUse();
      const fields: CustomFieldFields = {
        entity: input.entity,
        key: input.key,
        labelLt: input.labelLt.trim(),
        labelEn: input.labelEn.trim(),
        type: input.type,
        options,
        position: input.position ?? (await nextCustomFieldPosition(trx, input.entity)),
        active: input.active ?? true,
      };
      await insertCustomField(trx, id, fields, now);
      const field = (await findCustomField(trx, id))!;
      await recordAudit(trx, caller, {
        entityType: 'custom_field',
        entityId: id,
        action: 'create',
        after: field,
        at: now,
      });
      return field;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw keyInUse();
      throw error;
    });
}

/**
 * Relabels, reorders, (de)activates a field or changes its options. Removing an option leaves
 * stored values as they are; the next write of such a record must pick a current option.
 */
export async function updateCustomField(
  deps: Deps,
  caller: Caller,
  id: string,
  input: UpdateCustomFieldInput,
): Promise<CustomFieldDto> {
  const now = deps.now().toISOString();
  const changes = {
    ...input,
    ...(input.labelLt !== undefined ? { labelLt: input.labelLt.trim() } : {}),
    ...(input.labelEn !== undefined ? { labelEn: input.labelEn.trim() } : {}),
    ...(input.options !== undefined ? { options: trimOptions(input.options) } : {}),
  };
  return deps.db.transaction().execute(async (trx) => {
    const before = await findCustomField(trx, id);
    if (!before) throw new AppError('not_found', 'No such custom field');
    if (changes.options !== undefined) checkOptions(before.type, changes.options);
    await updateCustomFieldRow(trx, id, changes, now);
    const after = (await findCustomField(trx, id))!;
    const keys = Object.keys(changes);
    await recordUpdate(trx, caller, 'custom_field', id, { before, after, keys, at: now });
    return after;
  });
}
