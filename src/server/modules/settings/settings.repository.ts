import type { Db } from '../../db/database.js';

/** One admin setting as stored (JSON), or undefined when never set. */
export async function readSetting(db: Db, key: string): Promise<unknown> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

/** Writes one admin setting (insert or replace). */
export async function writeSetting(
  db: Db,
  key: string,
  value: unknown,
  by: string | null,
  at: string,
): Promise<void> {
  const row = { value: JSON.stringify(value), updated_by: by, updated_at: at };
  await db
    .insertInto('app_settings')
    .values({ key, ...row })
    .onConflict((oc) => oc.column('key').doUpdateSet(row))
    .execute();
}
