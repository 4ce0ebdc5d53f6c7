import { AppError, conflictOn } from '../../../domain/errors/app-error.js';
import type { Caller, Deps } from '../../context.js';
import { isUniqueViolation } from '../../db/errors.js';
import { newId } from '../../db/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.repository.js';
import {
  findSource,
  findSourceIdByKey,
  insertSource,
  listSources,
  nextSourcePosition,
  updateSourceRow,
} from './sources.repository.js';
import type { CreateSourceInput, SourceDto, UpdateSourceInput } from './sources.schemas.js';

export { listSources };

/** Adds a source; without a position it goes after the last one. */
export async function createSource(deps: Deps, caller: Caller, input: CreateSourceInput): Promise<SourceDto> {
  const now = deps.now().toISOString();
  const id = newId();
  return deps.db
    .transaction()
    .execute(async (trx) => {
      if (await findSourceIdByKey(trx, input.key)) throw keyInUse();
      const fields = {
        key: input.key,
        nameLt: input.nameLt.trim(),
        nameEn: input.nameEn.trim(),
        active: input.active ?? true,
        position: input.position ?? (await nextSourcePosition(trx)),
      };
      await insertSource(trx, id, fields, now);
      const source = (await findSource(trx, id))!;
      await recordAudit(trx, caller, {
        entityType: 'source',
        entityId: id,
        action: 'create',
        after: source,
        at: now,
      });
      return source;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw keyInUse();
      throw error;
    });
}

/**
 * Renames, reorders or (de)activates a source. Its key stays: imports and reports refer to it.
 * There is no delete, so leads and campaigns never point at a missing source.
 */
export async function updateSource(
  deps: Deps,
  caller: Caller,
  id: string,
  input: UpdateSourceInput,
): Promise<SourceDto> {
  const now = deps.now().toISOString();
  const changes = {
    ...input,
    ...(input.nameLt !== undefined ? { nameLt: input.nameLt.trim() } : {}),
    ...(input.nameEn !== undefined ? { nameEn: input.nameEn.trim() } : {}),
  };
  return deps.db.transaction().execute(async (trx) => {
    const before = await findSource(trx, id);
    if (!before) throw new AppError('not_found', 'No such source');
    await updateSourceRow(trx, id, changes, now);
    const after = (await findSource(trx, id))!;
    const keys = Object.keys(changes);
    await recordUpdate(trx, caller, 'source', id, { before, after, keys, at: now });
    return after;
  });
}

function keyInUse(): AppError {
  return conflictOn('key', 'in_use', 'A source with this key already exists');
}
