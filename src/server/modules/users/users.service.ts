import { can } from '../../../domain/access/policy.js';
import { passwordProblem } from '../../../domain/accounts/password-policy.js';
import {
  DEFAULT_TIME_ZONE,
  isValidTimeZone,
  normaliseEmail,
  type User,
} from '../../../domain/accounts/user.js';
import { pick } from '../../../domain/audit/pick.js';
import { AppError, conflictOn, invalidField } from '../../../domain/errors/app-error.js';
import { capacityErrors } from '../../../domain/routing/rules.js';
import type { ActorContext, Caller, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { newId } from '../../db/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { generatePassword, hashPassword } from '../auth/secrets.js';
import { deleteUserSessions } from '../auth/sessions.repository.js';
import { teamExists, updateTeamRow } from '../teams/teams.repository.js';
import {
  findUserById,
  findUserIdByEmail,
  insertUser,
  listUsers,
  lockActiveAdmins,
  managedTeamIds,
  setPasswordHash,
  updateUser as updateUserRow,
} from './users.repository.js';
import type { CreateUserInput, UpdateUserInput } from './users.schemas.js';

export { listUsers };

export async function getUser(deps: Deps, id: string): Promise<User> {
  const user = await findUserById(deps.db, id);
  if (!user) throw new AppError('not_found', 'No such user');
  return user;
}

function checkPassword(password: string, email: string, field = 'password'): void {
  const problem = passwordProblem(password, email);
  if (problem) throw invalidField(field, `password_${problem}`);
}

async function checkReferences(db: Db, input: { teamId?: string | null; timeZone?: string }): Promise<void> {
  if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
    throw invalidField('timeZone', 'not_a_time_zone');
  }
  if (input.teamId && !(await teamExists(db, input.teamId))) throw invalidField('teamId', 'not_found');
}

async function assertEmailFree(db: Db, email: string, exceptId?: string): Promise<void> {
  const owner = await findUserIdByEmail(db, email);
  if (owner && owner !== exceptId) {
    throw conflictOn('email', 'in_use', 'A user with this e-mail already exists');
  }
}

/** Creates a user; without a password one is generated and returned once. */
export async function createUser(
  deps: Deps,
  caller: Caller,
  input: CreateUserInput,
): Promise<{ user: User; generatedPassword?: string }> {
  const email = normaliseEmail(input.email);
  const generatedPassword = input.password === undefined ? generatePassword() : undefined;
  const password = input.password ?? generatedPassword!;
  checkPassword(password, email);
  const passwordHash = await hashPassword(password);
  const now = deps.now().toISOString();
  const user: User = {
    id: newId(),
    email,
    name: input.name.trim(),
    role: input.role,
    teamId: input.teamId ?? null,
    locale: input.locale ?? null,
    timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
    active: true,
    outOfOfficeFrom: null,
    outOfOfficeUntil: null,
    capacity: null,
    grants: input.grants ?? [],
    lastLoginAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await deps.db
    .transaction()
    .execute(async (trx) => {
      await checkReferences(trx, user);
      await assertEmailFree(trx, email);
      await insertUser(trx, user, passwordHash);
      await recordAudit(trx, caller, {
        entityType: 'user',
        entityId: user.id,
        action: 'create',
        after: user,
        at: now,
      });
    })
    .catch(emailConflict);
  return generatedPassword ? { user, generatedPassword } : { user };
}

/** Changes a user. Disabling ends their sessions at once; the last active admin cannot be removed. */
export async function updateUser(
  deps: Deps,
  caller: Caller,
  id: string,
  input: UpdateUserInput,
): Promise<User> {
  const { password, ...fields } = input;
  const changes: Partial<User> = { ...fields };
  if (fields.email !== undefined) changes.email = normaliseEmail(fields.email);
  if (fields.name !== undefined) changes.name = fields.name.trim();
  const from = changes.outOfOfficeFrom;
  const until = changes.outOfOfficeUntil;
  if (from && until && from > until) throw invalidField('outOfOfficeUntil', 'date_order');
  const capacity = capacityErrors(changes.capacity ?? null)[0];
  if (capacity) throw invalidField(capacity.field, capacity.code);
  const now = deps.now().toISOString();
  // argon2 takes tens of milliseconds: hash before the transaction, never while holding it.
  const passwordHash =
    password === undefined ? undefined : await newPasswordHash(deps, id, password, changes.email);
  return deps.db
    .transaction()
    .execute(async (trx) => {
      const before = await findUserById(trx, id);
      if (!before) throw new AppError('not_found', 'No such user');
      await checkReferences(trx, changes);
      if (changes.email !== undefined) await assertEmailFree(trx, changes.email, id);
      await guardLastAdmin(deps, trx, before, changes);
      await updateUserRow(trx, id, { ...changes, updatedAt: now });
      if (passwordHash !== undefined) await setPasswordHash(trx, id, passwordHash, now);
      if (changes.active === false || passwordHash !== undefined) await deleteUserSessions(trx, id);
      if (changes.active === false || (changes.role && !MANAGING_ROLES.has(changes.role))) {
        await releaseManagedTeams(trx, caller, id, now);
      }
      const after = (await findUserById(trx, id))!;
      const keys = [...Object.keys(changes), ...(password !== undefined ? ['password'] : [])];
      await recordAudit(trx, caller, {
        entityType: 'user',
        entityId: id,
        action: password !== undefined && keys.length === 1 ? 'password_reset' : 'update',
        before: pick(before, keys),
        after: pick(after, keys),
        at: now,
      });
      return after;
    })
    .catch(emailConflict);
}

const MANAGING_ROLES: ReadonlySet<string> = new Set(['manager', 'admin']);

async function newPasswordHash(deps: Deps, id: string, password: string, newEmail?: string): Promise<string> {
  const current = await findUserById(deps.db, id);
  if (!current) throw new AppError('not_found', 'No such user');
  checkPassword(password, newEmail ?? current.email);
  return hashPassword(password);
}

/**
 * Refuses to disable or demote the last active admin. On PostgreSQL the admin rows are locked
 * first, so two admins demoting each other at once cannot both succeed.
 */
async function guardLastAdmin(deps: Deps, trx: Db, before: User, changes: Partial<User>): Promise<void> {
  const losesAdmin =
    before.role === 'admin' &&
    before.active &&
    (changes.active === false || (changes.role && changes.role !== 'admin'));
  if (!losesAdmin) return;
  const admins = await lockActiveAdmins(trx, deps.dialect === 'postgres');
  if (admins.filter((adminId) => adminId !== before.id).length === 0) {
    const field = changes.active === false ? 'active' : 'role';
    throw conflictOn(field, 'last_admin', 'At least one active administrator must remain');
  }
}

/** A user who may no longer manage (disabled or demoted) stops managing their teams, recorded per team. */
async function releaseManagedTeams(trx: Db, caller: Caller, userId: string, now: string): Promise<void> {
  for (const teamId of await managedTeamIds(trx, userId)) {
    await updateTeamRow(trx, teamId, { managerId: null }, now);
    await recordAudit(trx, caller, {
      entityType: 'team',
      entityId: teamId,
      action: 'update',
      before: { managerId: userId },
      after: { managerId: null },
      at: now,
    });
  }
}

function emailConflict(error: unknown): never {
  if (isUniqueViolation(error)) throw conflictOn('email', 'in_use', 'A user with this e-mail already exists');
  throw error;
}

/** Active users the caller may assign leads to, asked of the access policy one by one. */
export async function assignableUsers(
  deps: Deps,
  caller: ActorContext,
): Promise<{ id: string; name: string; teamId: string | null }[]> {
  const users = await listUsers(deps.db);
  return users
    .filter(
      (u) =>
        u.active &&
        u.role !== 'marketer' &&
        can(caller.actor, 'assign', 'lead', { ownerId: u.id, teamId: u.teamId }),
    )
    .map((u) => ({ id: u.id, name: u.name, teamId: u.teamId }));
}
