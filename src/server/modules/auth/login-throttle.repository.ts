import type { ThrottleState } from '../../../domain/accounts/login-throttle.js';
import type { Db } from '../users/users.repository.js';

export async function readThrottle(db: Db, email: string): Promise<ThrottleState | null> {
  const row = await db.selectFrom('login_throttle').selectAll().where('email', '=', email).executeTakeFirst();
  if (!row) return null;
  return {
    failures: row.failures,
    windowStartedAt: Date.parse(row.window_started_at),
    lockedUntil: row.locked_until ? Date.parse(row.locked_until) : null,
  };
}

export async function writeThrottle(db: Db, email: string, state: ThrottleState): Promise<void> {
  const values = {
    failures: state.failures,
    window_started_at: new Date(state.windowStartedAt).toISOString(),
    locked_until: state.lockedUntil === null ? null : new Date(state.lockedUntil).toISOString(),
  };
  await db
    .insertInto('login_throttle')
    .values({ email, ...values })
    .onConflict((oc) => oc.column('email').doUpdateSet(values))
    .execute();
}

export async function clearThrottle(db: Db, email: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('email', '=', email).execute();
}

/** Rows whose window began before `before` and that hold no lock past `now`. */
export async function deleteStaleThrottles(db: Db, before: string, now: string): Promise<number> {
  const result = await db
    .deleteFrom('login_throttle')
    .where('window_started_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
