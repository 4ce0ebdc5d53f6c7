import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attemptVerdict,
  type LockoutSettings,
  lockAfterFailure,
  lockRemainingMs,
  reserveAttempt,
  type ThrottleState,
} from './login-throttle.js';

const settings: LockoutSettings = { maxFailures: 3, windowMs: 60_000, lockMs: 300_000 };

/** Plays failed attempts at the given times the way the service does; returns the verdicts. */
function play(times: number[]): { state: ThrottleState | null; verdicts: string[] } {
  let state: ThrottleState | null = null;
  const verdicts: string[] = [];
  for (const t of times) {
    state = reserveAttempt(state, t, settings);
    const verdict = attemptVerdict(state, t, settings);
    if (!verdict.allowed) {
      if (verdict.lockUntil) state = { ...state, lockedUntil: verdict.lockUntil };
      verdicts.push('locked');
      continue;
    }
    const lock = lockAfterFailure(state, t, settings);
    if (lock) state = { ...state, lockedUntil: lock };
    verdicts.push('checked');
  }
  return { state, verdicts };
}

describe('login throttle', () => {
  it('checks the password for the allowed number of attempts, then locks', () => {
    const { verdicts, state } = play([0, 1_000, 2_000, 3_000]);
    expect(verdicts).toEqual(['checked', 'checked', 'checked', 'locked']);
    expect(lockRemainingMs(state, 3_000)).toBe(299_000);
  });

  it('forgets attempts older than the window', () => {
    expect(play([0, 1_000, 70_000, 71_000]).verdicts).toEqual(['checked', 'checked', 'checked', 'checked']);
  });

  it('starts counting again after a lock has expired', () => {
    const { verdicts } = play([0, 1, 2, 3, 400_000, 400_001]);
    expect(verdicts).toEqual(['checked', 'checked', 'checked', 'locked', 'checked', 'checked']);
  });

  it('reports no lock for an e-mail never tried', () => {
    expect(lockRemainingMs(null, 0)).toBe(0);
  });

  it('never checks more than maxFailures passwords inside one window, however the attempts are timed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 59_000 }), { maxLength: 40 }), (offsets) => {
        const times = [...offsets].sort((a, b) => a - b);
        const checked = play(times).verdicts.filter((v) => v === 'checked').length;
        expect(checked).toBeLessThanOrEqual(settings.maxFailures);
      }),
    );
  });
});
