import { describe, expect, it } from 'vitest';
import {
  type LockoutSettings,
  lockRemainingMs,
  registerFailure,
  type ThrottleState,
} from './login-throttle.js';

const settings: LockoutSettings = { maxFailures: 3, windowMs: 60_000, lockMs: 300_000 };

function failTimes(times: number[]): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (const t of times) state = registerFailure(state, t, settings);
  return state;
}

describe('login throttle', () => {
  it('does not lock before the maximum number of failures', () => {
    const state = failTimes([0, 1_000]);
    expect(state?.failures).toBe(2);
    expect(lockRemainingMs(state, 2_000)).toBe(0);
  });

  it('locks on the maximum failure inside the window, for the lock duration', () => {
    const state = failTimes([0, 1_000, 2_000]);
    expect(lockRemainingMs(state, 2_000)).toBe(300_000);
    expect(lockRemainingMs(state, 302_000)).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const state = failTimes([0, 1_000, 70_000]);
    expect(state?.failures).toBe(1);
    expect(lockRemainingMs(state, 70_000)).toBe(0);
  });

  it('starts counting again after a lock has expired', () => {
    const state = failTimes([0, 1_000, 2_000, 400_000]);
    expect(state?.failures).toBe(1);
    expect(state?.lockedUntil).toBeNull();
  });

  it('reports no lock for an e-mail that never failed', () => {
    expect(lockRemainingMs(null, 0)).toBe(0);
  });
});
