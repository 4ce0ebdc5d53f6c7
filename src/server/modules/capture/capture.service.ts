import type { Touch } from '../../../domain/capture/attribution.js';
import { emailKey, normaliseCompanyCode } from '../../../domain/people/contact-keys.js';
import type { ActorContext, CaptureContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { assertVisible } from '../../db/scope.js';
import { insertActivity } from '../activities/activities.repository.js';
import { attachVisitorEngagement } from '../engagement/engagement.attach.js';
import { findLead } from '../leads/leads.repository.js';
import type { CreateLeadInput } from '../leads/leads.schemas.js';
import { createLeadIn } from '../leads/leads.service.js';
import { systemEvent } from '../leads/leads.view.js';
import { peopleMatching } from '../people/people.repository.js';
import { routeUnowned } from '../routing/routing.write.js';
import { rescoreLeads } from '../scoring/scoring.write.js';
import {
  insertConsent,
  insertTouch,
  lockIdentities,
  openLeadOf,
  setLeadTouches,
  touchesOfLead,
} from './capture.repository.js';

/** What a capture channel hands to the write path. */
export interface CaptureInput {
  lead: CreateLeadInput;
  touches: { first: Touch; last: Touch } | null;
  visitorId: string | null;
  consent: {
    purpose: string;
    granted: boolean;
    wording: string;
    language: string | null;
    ipHash: string | null;
  } | null;
  /** The timeline entry of this arrival: `form_submitted`, `chat`, `webhook` … with what was said. */
  event: { name: string; data: Record<string, unknown> };
  /** More the channel writes for the arrival before it is scored and routed (the chat's transcript entry). */
  withArrival?: (result: CaptureResult) => Promise<void>;
}

export interface CaptureResult {
  leadId: string;
  personId: string | null;
  /** False when a known person's open lead got the new activity instead. */
  created: boolean;
}

/**
 * A lead arriving through a public channel, inside the caller's transaction (the inbox row is
 * marked done in the same one): a known person (same e-mail) with an open lead gets a new
 * activity and last touch on that lead; anyone else gets a new lead through `createLeadIn`, with
 * its first and last touch. Consent, when the channel asked for it, is recorded with its wording.
 * Captures of one e-mail or company code take turns (`lockIdentities`), so two at once make one
 * person and lead, or one organisation.
 */
export async function captureLead(
  trx: Db,
  deps: Deps,
  caller: CaptureContext,
  input: CaptureInput,
): Promise<CaptureResult> {
  const now = deps.now().toISOString();
  const emailKeys = (input.lead.person?.emails ?? []).map(emailKey);
  const code = input.lead.organisation?.companyCode;
  const companyCode = code ? normaliseCompanyCode(code) : null;
  await lockIdentities(trx, deps.dialect === 'postgres', {
    emailKeys,
    companyCodes: companyCode ? [companyCode] : [],
  });
  const known = emailKeys.length ? (await peopleMatching(trx, { emailKeys, phones: [] }))[0] : undefined;
  const open = known ? await openLeadOf(trx, known.personId) : undefined;
  let result: CaptureResult;
  let firstTouch = true;
  if (open) {
    result = { leadId: open.id, personId: open.personId, created: false };
    firstTouch = false;
  } else {
    const { lead } = await createLeadIn(trx, deps, caller, input.lead, {
      duplicates: false,
      scoreAndRoute: false,
    });
    result = { leadId: lead.id, personId: lead.personId, created: true };
  }
  const ref = { leadId: result.leadId, personId: result.personId, visitorId: input.visitorId };
  if (input.touches) {
    const sameTouch = input.touches.first === input.touches.last;
    const first =
      firstTouch && !sameTouch ? await insertTouch(trx, caller, ref, input.touches.first, now) : null;
    const last = await insertTouch(trx, caller, ref, input.touches.last, now);
    await setLeadTouches(trx, result.leadId, { first: first ?? (firstTouch ? last : null), last }, now);
  }
  await insertActivity(
    trx,
    systemEvent(caller, { id: result.leadId, personId: result.personId }, now, {
      event: input.event.name,
      origin: caller.origin,
      ...input.event.data,
    }),
  );
  if (input.consent && result.personId) {
    await insertConsent(trx, caller, { ...input.consent, personId: result.personId }, now);
  }
  // The visitor is known now: what they did anonymously before becomes theirs (§5).
  if (input.visitorId)
    await attachVisitorEngagement(trx, caller, { ...ref, visitorId: input.visitorId }, now);
  await input.withArrival?.(result);
  // The arrival (and any engagement just attached) is behaviour: scored, then routed on that
  // score, before the commit.
  await rescoreLeads(trx, now, [result.leadId], { route: false });
  await routeUnowned(trx, now, [result.leadId]);
  return result;
}

/** A lead's attribution, for someone who may see the lead: every touch, and which are first and last. */
export async function leadAttribution(deps: Deps, caller: ActorContext, leadId: string) {
  assertVisible(caller.actor, 'lead', await findLead(deps.db, leadId));
  const { touches, firstId, lastId } = await touchesOfLead(deps.db, leadId);
  return {
    first: touches.find((t) => t.id === firstId) ?? null,
    last: touches.find((t) => t.id === lastId) ?? null,
    touches,
  };
}
