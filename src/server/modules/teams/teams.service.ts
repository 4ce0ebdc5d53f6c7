import { AppError, conflictOn, invalidField } from '../../../domain/errors/app-error.js';
import type { Caller, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { newId } from '../../db/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.repository.js';
import { findUserById } from '../users/users.repository.js';
import { findTeam, findTeamIdByName, insertTeam, listTeams, updateTeamRow } from './teams.repository.js';
import type { CreateTeamInput, TeamDto, UpdateTeamInput } from './teams.schemas.js';

export { listTeams };

/** A team's manager must be an active manager or admin. */
async function checkManager(db: Db, managerId: string | null | undefined): Promise<void> {
  if (!managerId) return;
  const manager = await findUserById(db, managerId);
  if (!manager) throw invalidField('managerId', 'not_found');
  if (!manager.active) throw invalidField('managerId', 'user_disabled');
  if (manager.role !== 'manager' && manager.role !== 'admin') {
    throw invalidField('managerId', 'not_a_manager');
  }
}

async function assertNameFree(db: Db, name: string, exceptId?: string): Promise<void> {
  const owner = await findTeamIdByName(db, name);
  if (owner && owner !== exceptId) {
    throw conflictOn('name', 'in_use', 'A team with this name already exists');
  }
}

export async function createTeam(deps: Deps, caller: Caller, input: CreateTeamInput): Promise<TeamDto> {
  const now = deps.now().toISOString();
  const id = newId();
  const name = input.name.trim();
  return deps.db
    .transaction()
    .execute(async (trx) => {
      await checkManager(trx, input.managerId);
      await assertNameFree(trx, name);
      await insertTeam(trx, { id, name, managerId: input.managerId ?? null, at: now });
      const team = (await findTeam(trx, id))!;
      await recordAudit(trx, caller, {
        entityType: 'team',
        entityId: id,
        action: 'create',
        after: team,
        at: now,
      });
      return team;
    })
    .catch(nameConflict);
}

export async function updateTeam(
  deps: Deps,
  caller: Caller,
  id: string,
  input: UpdateTeamInput,
): Promise<TeamDto> {
  const now = deps.now().toISOString();
  const changes = { ...input, ...(input.name !== undefined ? { name: input.name.trim() } : {}) };
  return deps.db
    .transaction()
    .execute(async (trx) => {
      const before = await findTeam(trx, id);
      if (!before) throw new AppError('not_found', 'No such team');
      await checkManager(trx, changes.managerId);
      if (changes.name !== undefined) await assertNameFree(trx, changes.name, id);
      await updateTeamRow(trx, id, changes, now);
      const after = (await findTeam(trx, id))!;
      const keys = Object.keys(changes);
      await recordUpdate(trx, caller, 'team', id, { before, after, keys, at: now });
      return after;
    })
    .catch(nameConflict);
}

function nameConflict(error: unknown): never {
  if (isUniqueViolation(error)) throw conflictOn('name', 'in_use', 'A team with this name already exists');
  throw error;
}
