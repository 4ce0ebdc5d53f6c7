import { passwordProblem } from '../../../domain/accounts/password-policy.js';
import {
  DEFAULT_TIME_ZONE,
  isValidTimeZone,
  normaliseEmail,
  type User,
} from '../../../domain/accounts/user.js';
import { AppError, conflictOn, invalidField } from '../../../domain/errors/app-error.js';
import type { Caller, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { pick, recordAudit } from '../audit/audit.repository.js';
import { generatePassword, hashPassword } from '../auth/secrets.js';
import { deleteUserSessions } from '../auth/sessions.repository.js';
import { teamExists } from '../teams/teams.repository.js';
import {
  countActiveAdmins,
  findUserById,
  findUserIdByEmail,
  insertUser,
  listUsers,
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
    grants: input.grants ?? [],
    lastLoginAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await deps.db.transaction().execute(async (trx) => {
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
  });
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
  const now = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = await findUserById(trx, id);
    if (!before) throw new AppError('not_found', 'No such user');
    await checkReferences(trx, changes);
    if (changes.email !== undefined) await assertEmailFree(trx, changes.email, id);
    const losesAdmin =
      before.role === 'admin' &&
      before.active &&
      (changes.active === false || (changes.role && changes.role !== 'admin'));
    if (losesAdmin && (await countActiveAdmins(trx)) <= 1) {
      const field = changes.active === false ? 'active' : 'role';
      throw conflictOn(field, 'last_admin', 'At least one active administrator must remain');
    }
    await updateUserRow(trx, id, { ...changes, updatedAt: now });
    if (password !== undefined) {
      checkPassword(password, changes.email ?? before.email);
      await setPasswordHash(trx, id, await hashPassword(password), now);
    }
    if (changes.active === false || password !== undefined) await deleteUserSessions(trx, id);
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
  });
}
