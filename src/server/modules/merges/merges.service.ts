import { AppError, conflictOn, invalidField } from '../../../domain/errors/app-error.js';
import {
  checkMergeRequest,
  type MergeRequest,
  UNMERGE_DAYS,
  undoExpired,
} from '../../../domain/people/merge.js';
import type { ActorContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { dismissDuplicate } from '../people/people.repository.js';
import {
  findMerge,
  insertMerge,
  type MergeKind,
  type MergeRecord,
  markMergeUndone,
} from './merges.repository.js';

/**
 * The one merge mechanism, for people and organisations alike: a merge checks its request, loads
 * the records the caller may see, keeps a snapshot of what it changes and is audited; undoing it
 * is allowed once, within the undo window. What differs per kind is a `MergeStrategy`.
 */
export interface MergeStrategy<T extends { id: string }, S, F extends string, U> {
  kind: MergeKind;
  /** The record when the caller may see it, else a 404. */
  visible: (db: Db, caller: ActorContext, id: string) => Promise<T>;
  /** Reads what merging `mergedIds` into `survivorId` is going to change. */
  snapshot: (trx: Db, survivorId: string, mergedIds: string[]) => Promise<S>;
  /** Saves the survivor's chosen fields, moves the links and retires the merged records; returns the survivor as it now is. */
  apply: (
    trx: Db,
    m: { survivor: T; others: T[]; snapshot: S; values: MergeRequest<F>['values']; at: string },
  ) => Promise<T>;
  /** Puts back everything the snapshot says; returns what the unmerge answers. */
  restore: (trx: Db, merge: MergeRecord<S>, at: string) => Promise<U>;
}

/** Merges records into one survivor in one transaction; returns the merge's id, the survivor after it and the snapshot. */
export async function runMerge<T extends { id: string }, S, F extends string, U>(
  deps: Deps,
  caller: ActorContext,
  strategy: MergeStrategy<T, S, F, U>,
  input: MergeRequest<F>,
): Promise<{ mergeId: string; survivor: T; snapshot: S }> {
  const mergedIds = checkMergeRequest(input);
  const at = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const survivor = await strategy.visible(trx, caller, input.survivorId);
    const others: T[] = [];
    for (const id of mergedIds) others.push(await strategy.visible(trx, caller, id));
    const snapshot = await strategy.snapshot(trx, survivor.id, mergedIds);
    const after = await strategy.apply(trx, { survivor, others, snapshot, values: input.values, at });
    const mergeId = newId();
    await insertMerge(trx, {
      id: mergeId,
      kind: strategy.kind,
      survivorId: survivor.id,
      mergedIds,
      snapshot,
      actorId: caller.user.id,
      at,
    });
    await recordAudit(trx, caller, {
      entityType: strategy.kind,
      entityId: survivor.id,
      action: 'merge',
      before: { survivor, merged: others },
      after: { [strategy.kind]: after, mergeId },
      at,
    });
    return { mergeId, survivor: after, snapshot };
  });
}

/**
 * Undoes a merge of the strategy's kind: 404 unless it exists and the caller may see its survivor;
 * 409 when already undone or past the window. Audited as an unmerge.
 */
export async function runUndo<T extends { id: string }, S, F extends string, U>(
  deps: Deps,
  caller: ActorContext,
  strategy: MergeStrategy<T, S, F, U>,
  mergeId: string,
): Promise<U> {
  const now = deps.now();
  const at = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const merge = await findMerge<S>(trx, mergeId);
    if (merge?.kind !== strategy.kind) throw new AppError('not_found', 'No such merge');
    await strategy.visible(trx, caller, merge.survivorId);
    const alreadyUndone = () => conflictOn('mergeId', 'already_undone', 'This merge has already been undone');
    if (merge.undoneAt) throw alreadyUndone();
    if (undoExpired(merge.createdAt, now))
      throw conflictOn('mergeId', 'undo_expired', `A merge can be undone for ${UNMERGE_DAYS} days`);
    if ((await markMergeUndone(trx, mergeId, at)) !== 1) throw alreadyUndone();
    const restored = await strategy.restore(trx, merge, at);
    await recordAudit(trx, caller, {
      entityType: strategy.kind,
      entityId: merge.survivorId,
      action: 'unmerge',
      after: { mergeId, restored: merge.mergedIds },
      at,
    });
    return restored;
  });
}

/** Remembers that two records the caller may see are not the same, so they are no longer offered as duplicates; audited. */
export async function rememberNotDuplicate<T extends { id: string }>(
  deps: Deps,
  caller: ActorContext,
  of: { kind: MergeKind; visible: (db: Db, caller: ActorContext, id: string) => Promise<T> },
  id: string,
  otherId: string,
): Promise<void> {
  if (id === otherId) throw invalidField('otherId', 'invalid_value');
  const at = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await of.visible(trx, caller, id);
    await of.visible(trx, caller, otherId);
    await dismissDuplicate(trx, of.kind, id, otherId, caller.user.id, at);
    await recordAudit(trx, caller, {
      entityType: of.kind,
      entityId: id,
      action: 'not_duplicate',
      after: { otherId },
      at,
    });
  });
}
