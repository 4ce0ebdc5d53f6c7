/** Settings for the temporary lockout after repeated failed sign-ins. */
export interface LockoutSettings {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutSettings = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

/**
 * What is remembered per e-mail tried (known or not, so nothing is enumerable). `attempts` counts
 * password checks started in the window; a success forgets the row.
 */
export interface ThrottleState {
  attempts: number;
  windowStartedAt: number;
  lockedUntil: number | null;
}

/** Milliseconds left on a lock at `now`, or 0 (`{lockedUntil: now+5000}` → 5000). */
export function lockRemainingMs(state: ThrottleState | null, now: number): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil - now);
}

/** Whether an attempt at `now` starts a new window: none yet, the window is over, or a lock ran out. */
export function startsFreshWindow(
  state: ThrottleState | null,
  now: number,
  settings = DEFAULT_LOCKOUT,
): boolean {
  return (
    !state ||
    now - state.windowStartedAt > settings.windowMs ||
    (state.lockedUntil !== null && now >= state.lockedUntil)
  );
}

/**
 * Reserves one attempt *before* the password is checked, so parallel guesses each count.
 * The pure twin of the atomic upsert in login-throttle.repository.ts.
 * Example: `reserveAttempt(null, t)` → `{ attempts: 1, windowStartedAt: t, lockedUntil: null }`.
 */
export function reserveAttempt(
  state: ThrottleState | null,
  now: number,
  settings = DEFAULT_LOCKOUT,
): ThrottleState {
  if (!state || startsFreshWindow(state, now, settings))
    return { attempts: 1, windowStartedAt: now, lockedUntil: null };
  return { ...state, attempts: state.attempts + 1 };
}

export type AttemptVerdict =
  | { allowed: true }
  | { allowed: false; retryAfterMs: number; lockUntil: number | null };

/**
 * May the reserved attempt check a password? Not while locked, and not beyond `maxFailures`
 * attempts in the window (that attempt starts the lock: `lockUntil`).
 */
export function attemptVerdict(
  state: ThrottleState,
  now: number,
  settings = DEFAULT_LOCKOUT,
): AttemptVerdict {
  const remaining = lockRemainingMs(state, now);
  if (remaining > 0) return { allowed: false, retryAfterMs: remaining, lockUntil: null };
  if (state.attempts > settings.maxFailures) {
    return { allowed: false, retryAfterMs: settings.lockMs, lockUntil: now + settings.lockMs };
  }
  return { allowed: true };
}

/** After a failed check: the lock to set once the last allowed attempt failed, else null. */
export function lockAfterFailure(
  state: ThrottleState,
  now: number,
  settings = DEFAULT_LOCKOUT,
): number | null {
  return state.attempts >= settings.maxFailures ? now + settings.lockMs : null;
}
