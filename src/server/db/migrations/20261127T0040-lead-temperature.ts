import { type Kysely, sql } from 'kysely';
import { DEFAULT_TEMPERATURE, temperatureBounds } from '../../../domain/leads/temperature.js';
import type { MigrationFactory } from './index.js';

/**
 * Temperature follows the calendar, and every change goes to the lead's history — also the ones
 * nobody made. `leads.temperature` is the temperature last written to that history; the lists still
 * work it out from the purchase date, so it is never read as the truth. A background job finds the
 * leads whose date has come near enough (an index range per recorded temperature) and records the
 * change. `app_settings` keeps admin settings such as the temperature thresholds.
 */
export const leadTemperature: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('app_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.references('users.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .alterTable('leads')
      .addColumn('temperature', 'text', (c) => c.notNull().defaultTo('cold'))
      .execute();
    // The last temperature each lead's history holds, so the job's first run writes the changes the
    // calendar made before this migration; a lead without one gets today's (UTC, default thresholds).
    const { hotUntil, warmUntil } = temperatureBounds(
      new Date().toISOString().slice(0, 10),
      DEFAULT_TEMPERATURE,
    );
    await sql`
      update leads set temperature = coalesce(
        (select h.to_value from lead_history h
          where h.lead_id = leads.id and h.field = 'temperature' and h.to_value is not null
          order by h.at desc, h.id desc limit 1),
        case
          when timeframe = 'now' then 'hot'
          when timeframe is null then 'cold'
          when timeframe <= ${hotUntil} then 'hot'
          when timeframe <= ${warmUntil} then 'warm'
          else 'cold' end)
    `.execute(db);
    await db.schema
      .createIndex('leads_temperature_timeframe_idx')
      .on('leads')
      .columns(['temperature', 'timeframe'])
      .where(sql<boolean>`deleted_at is null`)
      .execute();
  },
});
