import { sql } from 'kysely';
import { DEFAULT_LOCKOUT, type ThrottleState } from '../../../domain/accounts/login-throttle.js';
import type { Db } from '../../db/database.js';

/**
 * Reserves one attempt atomically (one upsert, so parallel guesses each count) and returns the
 * state after it. Mirrors `reserveAttempt` in the domain: a window that is over, or a lock that
 * ran out, starts again at 1.
 */
export async function reserveAttemptRow(db: Db, email: string, now: Date): Promise<ThrottleState> {
  const nowIso = now.toISOString();
  const windowStart = new Date(now.getTime() - DEFAULT_LOCKOUT.windowMs).toISOString();
  const fresh = sql<boolean>`(login_throttle.window_started_at < ${windowStart} or (login_throttle.locked_until is not null and login_throttle.locked_until <= ${nowIso}))`;
  const row = await db
    .insertInto('login_throttle')
    .values({ email, failures: 1, window_started_at: nowIso, locked_until: null })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({
        failures: sql<number>`case when ${fresh} then 1 else login_throttle.failures + 1 end`,
        window_started_at: sql<string>`case when ${fresh} then ${nowIso} else login_throttle.window_started_at end`,
        locked_until: sql<string | null>`case when ${fresh} then null else login_throttle.locked_until end`,
      }),
    )
    .returning(['failures', 'window_started_at', 'locked_until'])
    .executeTakeFirstOrThrow();
  return {
    attempts: Number(row.failures),
    windowStartedAt: Date.parse(row.window_started_at),
    lockedUntil: row.locked_until ? Date.parse(row.locked_until) : null,
  };
}

/** Locks the e-mail until `until`, unless a later lock is already in place. */
export async function lockThrottle(db: Db, email: string, until: Date): Promise<void> {
  const untilIso = until.toISOString();
  await db
    .updateTable('login_throttle')
    .set({ locked_until: untilIso })
    .where('email', '=', email)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', untilIso)]))
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
