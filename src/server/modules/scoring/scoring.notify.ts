import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';

/** Tells a lead's owner that its score made it sales-qualified (once per lead and moment). */
export async function notifyLeadQualified(
  db: Db,
  lead: { id: string; ownerId: string | null; title: string },
  at: string,
): Promise<void> {
  if (!lead.ownerId) return;
  await db
    .insertInto('notifications')
    .values({
      id: newId(),
      user_id: lead.ownerId,
      kind: 'lead_sql',
      entity_type: 'lead',
      entity_id: lead.id,
      data: JSON.stringify({ title: lead.title }),
      dedupe_key: `lead_sql:${lead.id}:${at}`,
      created_at: at,
      read_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}
