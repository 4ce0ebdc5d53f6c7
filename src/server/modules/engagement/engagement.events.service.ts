import { safeUrl } from '../../../domain/capture/attribution.js';
import { contentUrlCandidates } from '../../../domain/engagement/engagement.js';
import { AppError, invalidField, Validation } from '../../../domain/errors/app-error.js';
import { emailKey } from '../../../domain/people/contact-keys.js';
import type { ActorContext, CaptureContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { newId } from '../../db/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { ipHash, MinuteCounter } from '../forms/form-guards.js';
import { findPeople, peopleMatching } from '../people/people.repository.js';
import {
  captureEngagedPerson,
  type EngagementFact,
  type Recorded,
  recordKnownEngagement,
} from './engagement.record.js';
import {
  type ContentItem,
  type EngagementEvent,
  findContent,
  findContentByUrl,
  findEventByExternalId,
  findLinkByToken,
  insertEvent,
  type TrackedLink,
} from './engagement.repository.js';
import type { RecordEngagementInput, RecordedEngagementDto, TrackBeaconInput } from './engagement.schemas.js';
import { assertMarketing } from './engagement.service.js';

/** Beacons and clicks per client address per minute (per instance, like the form limits). */
export const BEACONS_PER_MINUTE = 120;
export const CLICKS_PER_MINUTE = 60;
const counters = { beacons: new MinuteCounter(), clicks: new MinuteCounter() };
/** A clock a little ahead of ours is believed; an event further in the future is refused. */
const FUTURE_SLACK_MS = 5 * 60_000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const VISITOR_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

function recordedDto(
  e: Pick<EngagementEvent, 'id' | 'contentItemId' | 'kind'>,
  r: Omit<Recorded, 'eventId'>,
  duplicate: boolean,
): RecordedEngagementDto {
  return {
    id: e.id,
    contentItemId: e.contentItemId,
    kind: e.kind,
    personId: r.personId,
    leadId: r.leadId,
    leadCreated: r.leadCreated,
    duplicate,
  };
}

function duplicateOf(e: EngagementEvent): RecordedEngagementDto {
  return recordedDto(e, { personId: e.personId, leadId: e.leadId, leadCreated: false }, true);
}

/**
 * One engagement from a social network or typed in by a marketer, for a person by id or e-mail:
 * a known person's goes onto their timeline (once per content item and day), a new e-mail becomes
 * a suspect lead through the capture path. The same external id again stores nothing and answers
 * with the first one (`duplicate`).
 */
export async function recordEngagement(
  deps: Deps,
  caller: ActorContext,
  input: RecordEngagementInput,
): Promise<RecordedEngagementDto> {
  assertMarketing(caller, 'create');
  const now = deps.now();
  const v = new Validation();
  if (input.email && input.personId) v.add('personId', 'not_allowed');
  v.check(Boolean(input.email || input.personId), 'email', 'required');
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  v.check(occurredAt.getTime() <= now.getTime() + FUTURE_SLACK_MS, 'occurredAt', 'out_of_range');
  v.throwIfAny();
  const externalId = input.externalId ?? null;
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const content = await findContent(trx, input.contentItemId);
      if (!content) throw invalidField('contentItemId', 'not_found');
      const earlier = externalId && (await findEventByExternalId(trx, content.id, externalId));
      if (earlier) return duplicateOf(earlier);
      const fact: EngagementFact = {
        content,
        kind: input.kind,
        trackedLinkId: null,
        externalId,
        visitorId: null,
        occurredAt: occurredAt.toISOString(),
      };
      const recorded = await recordFor(trx, deps, caller, input, fact);
      await recordAudit(trx, caller, {
        entityType: 'engagement_event',
        entityId: recorded.eventId,
        action: 'create',
        after: { ...fact, content: content.id, personId: recorded.personId, leadId: recorded.leadId },
        at: now.toISOString(),
      });
      return recordedDto(
        { id: recorded.eventId, contentItemId: content.id, kind: input.kind },
        recorded,
        false,
      );
    });
  } catch (error) {
    // why: two deliveries of one external id at once — the loser finds the winner's event.
    const winner =
      externalId && isUniqueViolation(error)
        ? await findEventByExternalId(deps.db, input.contentItemId, externalId)
        : undefined;
    if (winner) return duplicateOf(winner);
    throw error;
  }
}

async function recordFor(
  trx: Db,
  deps: Deps,
  caller: ActorContext,
  input: RecordEngagementInput,
  fact: EngagementFact,
): Promise<Recorded> {
  if (input.personId) {
    if (!(await findPeople(trx, [input.personId])).has(input.personId)) {
      throw invalidField('personId', 'not_found');
    }
    return recordKnownEngagement(trx, deps, caller, input.personId, fact);
  }
  const email = input.email as string;
  const known = (await peopleMatching(trx, { emailKeys: [emailKey(email)], phones: [] }))[0];
  if (known) return recordKnownEngagement(trx, deps, caller, known.personId, fact);
  return captureEngagedPerson(
    trx,
    deps,
    { email, firstName: input.firstName, lastName: input.lastName },
    fact,
  );
}

function trackingCaller(content: ContentItem): CaptureContext {
  return { user: null, channel: 'tracking', origin: { kind: 'content', id: content.id } };
}

/**
 * Stores what a visitor did through a tracked link or the beacon: a personal link's event is that
 * person's (onto their timeline, once a day per content item); anyone else's is kept with the
 * visitor id until a capture names them. Returns the event id.
 */
async function recordVisit(
  deps: Deps,
  content: ContentItem,
  link: TrackedLink | undefined,
  fact: Omit<EngagementFact, 'content' | 'externalId' | 'trackedLinkId'>,
): Promise<string> {
  const full: EngagementFact = { ...fact, content, externalId: null, trackedLinkId: link?.id ?? null };
  return deps.db.transaction().execute(async (trx) => {
    const personId = link?.personId;
    if (personId && (await findPeople(trx, [personId])).has(personId)) {
      return (await recordKnownEngagement(trx, deps, trackingCaller(content), personId, full)).eventId;
    }
    const event: EngagementEvent = {
      id: newId(),
      contentItemId: content.id,
      trackedLinkId: full.trackedLinkId,
      personId: null,
      leadId: null,
      visitorId: full.visitorId,
      kind: full.kind,
      externalId: null,
      occurredAt: full.occurredAt,
    };
    await insertEvent(trx, event, deps.now().toISOString());
    return event.id;
  });
}

async function linkOf(db: Db, token: string | undefined): Promise<TrackedLink | undefined> {
  return token && TOKEN_PATTERN.test(token) ? findLinkByToken(db, token) : undefined;
}

/**
 * A click on a tracked link: recorded (unless the address is flooding — the visitor is still
 * sent on), then the http(s) target stored with the link. The target never comes from the
 * request, so the endpoint cannot be used as an open redirect. Unknown token → 404.
 */
export async function followTrackedLink(
  deps: Deps,
  token: string,
  meta: { ip: string; visitorId: unknown },
  report: (error: unknown) => void,
): Promise<string> {
  const link = await linkOf(deps.db, token);
  const target = link && safeUrl(link.targetUrl);
  const content = link && (await findContent(deps.db, link.contentItemId));
  if (!link || !target || !content) throw new AppError('not_found', 'No such link');
  const nowMs = deps.now().getTime();
  if (counters.clicks.hit(ipHash(deps.config.sessionSecret, meta.ip), nowMs).count > CLICKS_PER_MINUTE)
    return target;
  const visitorId =
    typeof meta.visitorId === 'string' && VISITOR_PATTERN.test(meta.visitorId) ? meta.visitorId : null;
  try {
    await recordVisit(deps, content, link, {
      kind: 'click',
      visitorId,
      occurredAt: new Date(nowMs).toISOString(),
    });
  } catch (error) {
    // why: a click that could not be counted must still take the person where they were going.
    report(error);
  }
  return target;
}

/** A page view from the beacon: the content by tracked-link token or by its URL; 404 when neither finds it. */
export async function trackView(
  deps: Deps,
  input: TrackBeaconInput,
  meta: { ip: string },
): Promise<{ id: string }> {
  const nowMs = deps.now().getTime();
  const hit = counters.beacons.hit(ipHash(deps.config.sessionSecret, meta.ip), nowMs);
  if (hit.count > BEACONS_PER_MINUTE) {
    throw new AppError('rate_limited', 'Too many page views from your address; try again shortly', {
      retryAfterSeconds: hit.retryAfterSeconds,
    });
  }
  if (!input.token && !input.contentUrl) throw invalidField('token', 'required');
  const link = await linkOf(deps.db, input.token);
  const content = link
    ? await findContent(deps.db, link.contentItemId)
    : input.token
      ? undefined
      : await findContentByUrl(deps.db, contentUrlCandidates(input.contentUrl ?? ''));
  if (!content) throw new AppError('not_found', 'No tracked content here');
  const id = await recordVisit(deps, content, link, {
    kind: input.kind,
    visitorId: input.visitorId,
    occurredAt: new Date(nowMs).toISOString(),
  });
  return { id };
}
