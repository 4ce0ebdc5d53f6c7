import { type SqlBool, sql } from 'kysely';
import type { Temperature, TemperatureBounds } from '../../../domain/leads/temperature.js';
import type { Db } from '../../db/database.js';

export interface RecordedTemperature {
  id: string;
  temperature: Temperature;
  timeframe: string | null;
}

/**
 * Live leads whose recorded temperature is no longer the one their purchase date gives today: one
 * index range per recorded temperature on (temperature, timeframe), so only those rows are read.
 * Stored timeframes are dates or 'now', which sorts after every date.
 */
export async function staleTemperatures(
  db: Db,
  { hotUntil, warmUntil }: TemperatureBounds,
  limit: number,
): Promise<RecordedTemperature[]> {
  const rows = await db
    .selectFrom('leads')
    .select(['id', 'temperature', 'timeframe'])
    .where('deleted_at', 'is', null)
    .where(
      sql<SqlBool>`(
        (temperature = 'cold' and (timeframe <= ${warmUntil} or timeframe = 'now'))
        or (temperature = 'warm' and (timeframe is null or timeframe <= ${hotUntil} or timeframe > ${warmUntil}))
        or (temperature = 'hot' and (timeframe is null or (timeframe > ${hotUntil} and timeframe < 'now')))
      )`,
    )
    // why an order: several instances then lock rows in the same order, and a row that cannot move
    // does not come back in every batch ahead of the others
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows as RecordedTemperature[];
}

/**
 * Moves the recorded temperature on only if nobody changed the lead meanwhile (neither its recorded
 * temperature nor its timeframe, from which `to` was worked out); false when another run or an edit did.
 */
export async function moveRecordedTemperature(
  db: Db,
  lead: RecordedTemperature,
  to: Temperature,
): Promise<boolean> {
  const result = await db
    .updateTable('leads')
    .set({ temperature: to })
    .where('id', '=', lead.id)
    .where('temperature', '=', lead.temperature)
    .where('timeframe', lead.timeframe === null ? 'is' : '=', lead.timeframe)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
