import { AppError } from '../../../domain/errors/app-error.js';
import type { ActorContext, Deps } from '../../context.js';
import { newId } from '../../db/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { deleteView, findView, listViews, saveView } from './views.repository.js';
import type { CreateViewInput, SavedViewDto, UpdateViewInput } from './views.schemas.js';

/** Sharing a view with everyone is for those who shape how others work: admins, managers, marketing. */
function maySharedViews(caller: ActorContext): boolean {
  return caller.user.role !== 'rep';
}

export function viewsOf(deps: Deps, caller: ActorContext): Promise<SavedViewDto[]> {
  return listViews(deps.db, 'leads', caller.user.id);
}

/** A view the caller may change: their own, or any as admin. Someone else's personal view is 404. */
async function ownView(deps: Deps, caller: ActorContext, id: string): Promise<SavedViewDto> {
  const view = await findView(deps.db, id);
  if (!view || (!view.shared && view.ownerId !== caller.user.id && caller.user.role !== 'admin')) {
    throw new AppError('not_found', 'No such view');
  }
  if (view.ownerId !== caller.user.id && caller.user.role !== 'admin') {
    throw new AppError('forbidden', 'Only the owner of a shared view may change it');
  }
  return view;
}

export async function createView(
  deps: Deps,
  caller: ActorContext,
  input: CreateViewInput,
): Promise<SavedViewDto> {
  if (input.shared && !maySharedViews(caller))
    throw new AppError('forbidden', 'Sales reps keep personal views');
  const at = deps.now().toISOString();
  const view: SavedViewDto = {
    id: newId(),
    ownerId: caller.user.id,
    entity: 'leads',
    name: input.name.trim(),
    filters: input.filters,
    columns: input.columns,
    shared: input.shared ?? false,
    createdAt: at,
    updatedAt: at,
  };
  await deps.db.transaction().execute(async (trx) => {
    await saveView(trx, view, true);
    await recordAudit(trx, caller, {
      entityType: 'saved_view',
      entityId: view.id,
      action: 'create',
      after: view,
      at,
    });
  });
  return view;
}

export async function updateView(
  deps: Deps,
  caller: ActorContext,
  id: string,
  input: UpdateViewInput,
): Promise<SavedViewDto> {
  const before = await ownView(deps, caller, id);
  if (input.shared && !maySharedViews(caller))
    throw new AppError('forbidden', 'Sales reps keep personal views');
  const at = deps.now().toISOString();
  const after: SavedViewDto = { ...before, ...input, name: input.name?.trim() ?? before.name, updatedAt: at };
  await deps.db.transaction().execute(async (trx) => {
    await saveView(trx, after, false);
    await recordAudit(trx, caller, {
      entityType: 'saved_view',
      entityId: id,
      action: 'update',
      before,
      after,
      at,
    });
  });
  return after;
}

export async function removeView(deps: Deps, caller: ActorContext, id: string): Promise<void> {
  const before = await ownView(deps, caller, id);
  const at = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await deleteView(trx, id);
    await recordAudit(trx, caller, { entityType: 'saved_view', entityId: id, action: 'delete', before, at });
  });
}
