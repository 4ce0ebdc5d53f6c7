import { attachedSummary } from '../../../domain/engagement/engagement.js';
import type { CaptureContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { insertActivity } from '../activities/activities.repository.js';
import { systemEvent } from '../leads/leads.view.js';
import { attachVisitorEvents } from './engagement.repository.js';

/**
 * Anonymous → known: when a capture (a form submission …) names the visitor behind a visitor id,
 * their earlier anonymous engagement gets the person and lead, in the capture's transaction, and
 * the lead's timeline says what was attached ("viewed 3 content items before"). Nothing attached →
 * no timeline entry. Returns how many events were attached.
 */
export async function attachVisitorEngagement(
  trx: Db,
  caller: CaptureContext,
  ref: { visitorId: string; personId: string | null; leadId: string },
  at: string,
): Promise<number> {
  const { counts, events, contentItems } = await attachVisitorEvents(trx, ref.visitorId, ref);
  if (events === 0) return 0;
  await insertActivity(
    trx,
    systemEvent(caller, { id: ref.leadId, personId: ref.personId }, at, {
      event: 'engagement_attached',
      events,
      contentItems,
      counts,
      summary: attachedSummary(counts, contentItems),
    }),
  );
  return events;
}
