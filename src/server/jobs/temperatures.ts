import { timeframeOf } from '../../domain/leads/lead.js';
import { temperatureBounds } from '../../domain/leads/temperature.js';
import type { Deps } from '../context.js';
import { temperatureClock } from '../modules/leads/lead-rules.js';
import { moveRecordedTemperature, staleTemperatures } from '../modules/leads/lead-temperature.repository.js';
import { addHistory } from '../modules/leads/leads.repository.js';

export const TEMPERATURE_CHECK_EVERY_MS = 15 * 60_000;
const BATCH = 500;
/** A run stops after this many batches; the next run goes on. */
const MAX_BATCHES = 200;

/**
 * Writes to each lead's history the temperature changes the calendar made (a warm lead turning hot
 * as its purchase date nears) or a change of the thresholds made: by the system, with no actor.
 * Idempotent and safe on several instances at once: a change is written only by the run that moves
 * the lead's recorded temperature. → how many changes were written.
 */
export async function runTemperatureCheck(deps: Deps): Promise<number> {
  const clock = await temperatureClock(deps);
  const bounds = temperatureBounds(clock.day, clock.settings);
  const at = deps.now().toISOString();
  let written = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const stale = await staleTemperatures(deps.db, bounds, BATCH);
    if (stale.length === 0) break;
    written += await deps.db.transaction().execute(async (trx) => {
      let n = 0;
      for (const lead of stale) {
        const to = clock.of(timeframeOf(lead.timeframe));
        if (to === lead.temperature || !(await moveRecordedTemperature(trx, lead, to))) continue;
        await addHistory(trx, [
          {
            leadId: lead.id,
            at,
            actorId: null,
            channel: 'system',
            field: 'temperature',
            from: lead.temperature,
            to,
          },
        ]);
        n++;
      }
      return n;
    });
    if (stale.length < BATCH) break;
  }
  return written;
}
