/** Settings for the temporary lockout after repeated failed logins. */
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

/** What is remembered about failed logins for one e-mail (known or not, so nothing is enumerable). */
export interface ThrottleState {
  failures: number;
  windowStartedAt: number;
  lockedUntil: number | null;
}

/** Milliseconds left on a lock at `now`, or 0 (`{lockedUntil: now+5000}` → 5000). */
export function lockRemainingMs(state: ThrottleState | null, now: number): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil - now);
}

/**
 * The state after one more failed attempt at `now`: failures inside the window add up; the
 * `maxFailures`-th failure locks for `lockMs`; an expired window or lock starts counting again.
 */
export function registerFailure(
  state: ThrottleState | null,
  now: number,
  settings: LockoutSettings = DEFAULT_LOCKOUT,
): ThrottleState {
  const fresh =
    !state ||
    now - state.windowStartedAt > settings.windowMs ||
    (state.lockedUntil !== null && now >= state.lockedUntil);
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  const lockedUntil = failures >= settings.maxFailures ? now + settings.lockMs : null;
  return { failures, windowStartedAt, lockedUntil };
}
