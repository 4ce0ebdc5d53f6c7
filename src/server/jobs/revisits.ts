import { todayIn } from '../../domain/leads/temperature.js';
import type { Deps } from '../context.js';
import { notifyDueRevisits } from '../modules/notifications/notifications.repository.js';

export const REVISIT_CHECK_EVERY_MS = 15 * 60_000;

/** Tells owners about parked leads whose revisit date has come (idempotent: safe on every instance). */
export function runRevisitCheck(deps: Deps): Promise<number> {
  const now = deps.now();
  return notifyDueRevisits(deps.db, todayIn(deps.config.timeZone, now), now.toISOString());
}
