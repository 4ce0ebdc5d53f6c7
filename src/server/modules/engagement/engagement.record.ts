import { touchFrom } from '../../../domain/capture/attribution.js';
import type { EngagementKind } from '../../../domain/engagement/engagement.js';
import { todayIn } from '../../../domain/leads/temperature.js';
import { type Caller, type CaptureContext, callerId, type Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { insertActivity } from '../activities/activities.repository.js';
import { openLeadOf } from '../capture/capture.repository.js';
import { captureLead } from '../capture/capture.service.js';
import { leadsOfPerson } from '../leads/leads.repository.js';
import { rescoreLeadsOf } from '../scoring/scoring.write.js';
import {
  type ContentItem,
  type EngagementEvent,
  insertEvent,
  insertTimelineEvent,
} from './engagement.repository.js';

/** One thing someone did with a content item, before we know whose lead it lands on. */
export interface EngagementFact {
  content: ContentItem;
  kind: EngagementKind;
  trackedLinkId: string | null;
  externalId: string | null;
  visitorId: string | null;
  occurredAt: string;
}

export interface Recorded {
  eventId: string;
  personId: string | null;
  leadId: string | null;
  leadCreated: boolean;
}

/** What the timeline says about an engagement (and what a new lead's arrival event carries). */
function timelineData(fact: EngagementFact): Record<string, unknown> {
  return {
    event: 'engagement',
    kind: fact.kind,
    contentItemId: fact.content.id,
    contentTitle: fact.content.title,
    contentKind: fact.content.kind,
    contentChannel: fact.content.channel,
    url: fact.content.url,
  };
}

function eventOf(fact: EngagementFact, personId: string | null, leadId: string | null): EngagementEvent {
  return {
    id: newId(),
    contentItemId: fact.content.id,
    trackedLinkId: fact.trackedLinkId,
    personId,
    leadId,
    visitorId: fact.visitorId,
    kind: fact.kind,
    externalId: fact.externalId,
    occurredAt: fact.occurredAt,
  };
}

/** The lead a known person's engagement goes onto: their open lead, else their latest one. */
async function timelineLead(db: Db, personId: string): Promise<string | null> {
  const open = await openLeadOf(db, personId);
  if (open) return open.id;
  return (await leadsOfPerson(db, personId))[0]?.id ?? null;
}

/**
 * A known person's engagement: stored, and put on their timeline at most once per content item
 * and day (the organisation's day of `occurredAt`) — later events that day are stored only. The
 * database's unique index decides which event is the day's, so concurrent writers agree.
 */
export async function recordKnownEngagement(
  trx: Db,
  deps: Deps,
  caller: Caller,
  personId: string,
  fact: EngagementFact,
): Promise<Recorded> {
  const at = deps.now().toISOString();
  const leadId = await timelineLead(trx, personId);
  const event = eventOf(fact, personId, leadId);
  const day = todayIn(deps.config.timeZone, new Date(fact.occurredAt));
  if (await insertTimelineEvent(trx, event, day, at)) {
    await insertActivity(trx, {
      leadId,
      personId,
      type: 'system',
      subject: 'engagement',
      body: null,
      occurredAt: fact.occurredAt,
      dueAt: null,
      doneAt: null,
      assigneeId: null,
      data: timelineData(fact),
      channel: caller.channel,
      createdBy: callerId(caller),
      at,
    });
  } else {
    await insertEvent(trx, event, at);
  }
  await rescoreLeadsOf(trx, at, { personIds: [personId] });
  return { eventId: event.id, personId, leadId, leadCreated: false };
}

/**
 * An engagement by an e-mail nobody has: a suspect lead through the capture path, credited to the
 * content's source and campaign, with the content as its first touch; the arrival event on its
 * timeline is the day's engagement entry.
 */
export async function captureEngagedPerson(
  trx: Db,
  deps: Deps,
  person: { email: string; firstName?: string | undefined; lastName?: string | undefined },
  fact: EngagementFact,
): Promise<Recorded> {
  const at = deps.now().toISOString();
  const caller: CaptureContext = {
    user: null,
    channel: 'tracking',
    origin: { kind: 'content', id: fact.content.id },
  };
  const touch = touchFrom({ landing_page: fact.content.url, at: fact.occurredAt }, at);
  const result = await captureLead(trx, deps, caller, {
    lead: {
      person: {
        emails: [person.email],
        ...(person.firstName ? { firstName: person.firstName } : {}),
        ...(person.lastName ? { lastName: person.lastName } : {}),
      },
      sourceId: fact.content.sourceId,
      campaignId: fact.content.campaignId,
      sourceDetail: fact.content.title.slice(0, 300),
    },
    touches: { first: touch, last: touch },
    visitorId: null,
    consent: null,
    event: { name: 'engagement', data: timelineData(fact) },
  });
  const event = eventOf(fact, result.personId, result.leadId);
  const day = todayIn(deps.config.timeZone, new Date(fact.occurredAt));
  if (!result.personId || !(await insertTimelineEvent(trx, event, day, at)))
    await insertEvent(trx, event, at);
  return { eventId: event.id, personId: result.personId, leadId: result.leadId, leadCreated: result.created };
}
