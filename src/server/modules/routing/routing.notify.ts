import { newId } from '../../db/ids.js';

/** The in-app notice that routing gave someone a lead (once per lead and moment: its dedupe key). */
export function assignedNotice(
  a: { leadId: string; title: string; userId: string; ruleName: string | null; reason: string },
  at: string,
) {
  return {
    id: newId(),
    user_id: a.userId,
    kind: 'lead_assigned',
    entity_type: 'lead',
    entity_id: a.leadId,
    data: JSON.stringify({ title: a.title, rule: a.ruleName, reason: a.reason }),
    dedupe_key: `lead_assigned:${a.leadId}:${at}`,
    created_at: at,
    read_at: null,
  };
}
