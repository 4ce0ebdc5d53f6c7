import { Validation } from '../../../domain/errors/app-error.js';
import {
  DEFAULT_TEMPERATURE,
  type TemperatureSettings,
  temperatureSettingsProblems,
} from '../../../domain/leads/temperature.js';
import type { ActorContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import { readSetting, writeSetting } from './settings.repository.js';

const TEMPERATURE_KEY = 'temperature';

/**
 * The temperature thresholds in force: the admin's, else the defaults (14 and 61 days). Read from
 * the database on every use, so every instance applies a change at once.
 */
export async function temperatureSettings(db: Db): Promise<TemperatureSettings> {
  const stored = (await readSetting(db, TEMPERATURE_KEY)) as Partial<TemperatureSettings> | undefined;
  return { ...DEFAULT_TEMPERATURE, ...stored };
}

/**
 * Changes the thresholds (admin; the route checks). Lists and lead pages follow at once; the
 * temperature job writes each lead whose temperature this changes to its history.
 */
export async function updateTemperatureSettings(
  deps: Deps,
  caller: ActorContext,
  input: TemperatureSettings,
): Promise<TemperatureSettings> {
  const v = new Validation();
  for (const p of temperatureSettingsProblems(input)) v.add(p.field, p.code);
  v.throwIfAny();
  const after: TemperatureSettings = {
    hotWithinDays: input.hotWithinDays,
    warmWithinDays: input.warmWithinDays,
  };
  const at = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = await temperatureSettings(trx);
    await writeSetting(trx, TEMPERATURE_KEY, after, caller.user.id, at);
    await recordAudit(trx, caller, {
      entityType: 'settings',
      entityId: TEMPERATURE_KEY,
      action: 'update',
      before,
      after,
      at,
    });
    return after;
  });
}
