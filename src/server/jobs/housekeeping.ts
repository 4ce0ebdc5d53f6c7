import { DEFAULT_LOCKOUT } from '../../domain/accounts/login-throttle.js';
import type { Deps } from '../context.js';
import { deleteStaleThrottles } from '../modules/auth/login-throttle.repository.js';
import { deleteExpiredSessions } from '../modules/auth/sessions.repository.js';

export const HOUSEKEEPING_EVERY_MS = 60 * 60_000;

/**
 * Deletes expired sessions and login-throttle rows that no longer lock or count. Idempotent, so
 * any number of instances may run it at the same time.
 */
export async function runHousekeeping(deps: Deps): Promise<{ sessions: number; throttles: number }> {
  const now = deps.now();
  const sessions = await deleteExpiredSessions(deps.db, now.toISOString());
  const staleBefore = new Date(now.getTime() - Math.max(DEFAULT_LOCKOUT.windowMs, DEFAULT_LOCKOUT.lockMs));
  const throttles = await deleteStaleThrottles(deps.db, staleBefore.toISOString(), now.toISOString());
  return { sessions, throttles };
}
