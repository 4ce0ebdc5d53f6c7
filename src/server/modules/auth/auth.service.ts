import { attemptVerdict, lockAfterFailure } from '../../../domain/accounts/login-throttle.js';
import { passwordProblem } from '../../../domain/accounts/password-policy.js';
import {
  isValidTimeZone,
  localeFromAcceptLanguage,
  normaliseEmail,
  type User,
} from '../../../domain/accounts/user.js';
import { pick } from '../../../domain/audit/pick.js';
import { AppError, invalidField } from '../../../domain/errors/app-error.js';
import type { ActorContext, Deps } from '../../context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findCredentials, findUserById, setPasswordHash, updateUser } from '../users/users.repository.js';
import type { ChangePasswordInput, LoginInput, UpdateMeInput } from './auth.schemas.js';
import { SESSION_IDLE_MS } from './authenticate.js';
import { clearThrottle, lockThrottle, reserveAttemptRow } from './login-throttle.repository.js';
import { csrfTokenFor, hashPassword, randomToken, sha256, verifyPassword } from './secrets.js';
import { deleteSession, deleteUserSessions, insertSession } from './sessions.repository.js';

/** One message for a wrong e-mail, a wrong password and a disabled account: nothing to enumerate. */
export const BAD_CREDENTIALS = 'Wrong e-mail or password';

export interface LoginResult {
  user: User;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function login(
  deps: Deps,
  input: LoginInput,
  meta: { ip: string | null; userAgent: string | null; acceptLanguage?: string | undefined },
): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  const now = deps.now();
  const found = await findCredentials(deps.db, email);
  const valid = await throttledCheck(deps, email, async () => {
    const passwordOk = await verifyPassword(found?.passwordHash ?? null, input.password);
    return passwordOk && found?.user.active === true;
  });
  if (!valid || !found) throw new AppError('unauthenticated', BAD_CREDENTIALS);
  const sessionToken = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  // The first sign-in of a user whose language nobody chose adopts the sign-in page's (else the browser's).
  const locale = found.user.locale ?? input.locale ?? localeFromAcceptLanguage(meta.acceptLanguage, 'lt');
  await deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, found.user.id, { lastLoginAt: now.toISOString(), locale });
    await insertSession(trx, {
      id: sha256(sessionToken),
      userId: found.user.id,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
  });
  return {
    user: { ...found.user, lastLoginAt: now.toISOString(), locale },
    sessionToken,
    csrfToken: csrfTokenFor(deps.config.sessionSecret, sessionToken),
    expiresAt,
  };
}

/**
 * Runs a password check under the lockout. The attempt is reserved atomically *before* the
 * check, so parallel guesses each count; a success forgets the e-mail's failures.
 */
async function throttledCheck(deps: Deps, email: string, check: () => Promise<boolean>): Promise<boolean> {
  const now = deps.now();
  const state = await reserveAttemptRow(deps.db, email, now);
  const verdict = attemptVerdict(state, now.getTime());
  if (!verdict.allowed) {
    if (verdict.lockUntil) await lockThrottle(deps.db, email, new Date(verdict.lockUntil));
    throw new AppError('locked', 'Too many failed sign-in attempts; try again later', {
      retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000),
    });
  }
  const ok = await check();
  if (ok) {
    await clearThrottle(deps.db, email);
  } else {
    const lock = lockAfterFailure(state, now.getTime());
    if (lock) await lockThrottle(deps.db, email, new Date(lock));
  }
  return ok;
}

export async function logout(deps: Deps, sessionToken: string): Promise<void> {
  await deleteSession(deps.db, sha256(sessionToken));
}

/** The signed-in user changes their own name, language or time zone. */
export async function updateMe(deps: Deps, caller: ActorContext, input: UpdateMeInput): Promise<User> {
  if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
    throw invalidField('timeZone', 'not_a_time_zone');
  }
  const now = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = caller.user;
    await updateUser(trx, before.id, { ...input, updatedAt: now });
    const after = (await findUserById(trx, before.id))!;
    await recordAudit(trx, caller, {
      entityType: 'user',
      entityId: before.id,
      action: 'update',
      before: pick(before, Object.keys(input)),
      after: pick(after, Object.keys(input)),
      at: now,
    });
    return after;
  });
}

/** Changes one's own password; every other session of the user ends. */
export async function changePassword(
  deps: Deps,
  caller: ActorContext,
  input: ChangePasswordInput,
  currentSessionToken?: string,
): Promise<void> {
  const found = await findCredentials(deps.db, caller.user.email);
  const ok = await throttledCheck(deps, caller.user.email, () =>
    verifyPassword(found?.passwordHash ?? null, input.currentPassword),
  );
  if (!ok) throw invalidField('currentPassword', 'wrong_password');
  const problem = passwordProblem(input.newPassword, caller.user.email);
  if (problem) throw invalidField('newPassword', `password_${problem}`);
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, caller.user.id, passwordHash, now);
    await deleteUserSessions(trx, caller.user.id, currentSessionToken && sha256(currentSessionToken));
    await recordAudit(trx, caller, {
      entityType: 'user',
      entityId: caller.user.id,
      action: 'password_change',
      at: now,
    });
  });
}
