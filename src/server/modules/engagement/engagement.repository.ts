import type { Selectable } from 'kysely';
import type { ContentKind, EngagementCounts, EngagementKind } from '../../../domain/engagement/engagement.js';
import type { ContentItemsTable, Db, TrackedLinksTable } from '../../db/database.js';

export interface ContentItem {
  id: string;
  kind: ContentKind;
  title: string;
  url: string;
  channel: string;
  sourceId: string | null;
  campaignId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

function toContent(r: Selectable<ContentItemsTable>): ContentItem {
  return {
    id: r.id,
    kind: r.kind as ContentKind,
    title: r.title,
    url: r.url,
    channel: r.channel,
    sourceId: r.source_id,
    campaignId: r.campaign_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function contentRow(c: ContentItem): Selectable<ContentItemsTable> {
  return {
    id: c.id,
    kind: c.kind,
    title: c.title,
    url: c.url,
    channel: c.channel,
    source_id: c.sourceId,
    campaign_id: c.campaignId,
    created_by: c.createdBy,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

export async function insertContent(db: Db, c: ContentItem): Promise<void> {
  await db.insertInto('content_items').values(contentRow(c)).execute();
}

export async function saveContent(db: Db, c: ContentItem): Promise<void> {
  const { id, created_at, created_by, ...rest } = contentRow(c);
  await db.updateTable('content_items').set(rest).where('id', '=', id).execute();
}

export async function findContent(db: Db, id: string): Promise<ContentItem | undefined> {
  const row = await db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toContent(row);
}

/** The newest content item stored under one of these URLs (see `contentUrlCandidates`). */
export async function findContentByUrl(db: Db, urls: string[]): Promise<ContentItem | undefined> {
  if (!urls.length) return undefined;
  const row = await db
    .selectFrom('content_items')
    .selectAll()
    .where('url', 'in', urls)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toContent(row);
}

/** Content items newest first, keyset-paged on (created_at, id). */
export async function listContent(
  db: Db,
  limit: number,
  before?: { at: string; id: string },
): Promise<ContentItem[]> {
  let q = db.selectFrom('content_items').selectAll();
  if (before) q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(before.at, before.id)));
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toContent);
}

export interface TrackedLink {
  id: string;
  contentItemId: string;
  token: string;
  targetUrl: string;
  personId: string | null;
  channel: string | null;
  createdBy: string | null;
  createdAt: string;
}

function toLink(r: Selectable<TrackedLinksTable>): TrackedLink {
  return {
    id: r.id,
    contentItemId: r.content_item_id,
    token: r.token,
    targetUrl: r.target_url,
    personId: r.person_id,
    channel: r.channel,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export async function insertLink(db: Db, l: TrackedLink): Promise<void> {
  await db
    .insertInto('tracked_links')
    .values({
      id: l.id,
      content_item_id: l.contentItemId,
      token: l.token,
      target_url: l.targetUrl,
      person_id: l.personId,
      channel: l.channel,
      created_by: l.createdBy,
      created_at: l.createdAt,
    })
    .execute();
}

export async function findLinkByToken(db: Db, token: string): Promise<TrackedLink | undefined> {
  const row = await db.selectFrom('tracked_links').selectAll().where('token', '=', token).executeTakeFirst();
  return row && toLink(row);
}

export async function linksOf(db: Db, contentItemId: string): Promise<TrackedLink[]> {
  const rows = await db
    .selectFrom('tracked_links')
    .selectAll()
    .where('content_item_id', '=', contentItemId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return rows.map(toLink);
}

export interface EngagementEvent {
  id: string;
  contentItemId: string;
  trackedLinkId: string | null;
  personId: string | null;
  leadId: string | null;
  visitorId: string | null;
  kind: EngagementKind;
  externalId: string | null;
  occurredAt: string;
}

function eventRow(e: EngagementEvent, timelineDay: string | null, at: string) {
  return {
    id: e.id,
    content_item_id: e.contentItemId,
    tracked_link_id: e.trackedLinkId,
    person_id: e.personId,
    lead_id: e.leadId,
    visitor_id: e.visitorId,
    kind: e.kind,
    external_id: e.externalId,
    timeline_day: timelineDay,
    occurred_at: e.occurredAt,
    created_at: at,
  };
}

/** Stores an event that goes on no timeline (anonymous, or a known person's later one that day). */
export async function insertEvent(db: Db, e: EngagementEvent, at: string): Promise<void> {
  await db
    .insertInto('engagement_events')
    .values(eventRow(e, null, at))
    .execute();
}

/**
 * Stores a known person's event as the one of its day on the timeline, unless that day already
 * has one for this person and content item: then nothing is stored and it returns false. A repeated
 * external id still fails (a unique violation the caller turns into "duplicate").
 */
export async function insertTimelineEvent(
  db: Db,
  e: EngagementEvent,
  day: string,
  at: string,
): Promise<boolean> {
  const res = await db
    .insertInto('engagement_events')
    .values(eventRow(e, day, at))
    .onConflict((oc) =>
      oc
        .columns(['person_id', 'content_item_id', 'timeline_day'])
        .where('timeline_day', 'is not', null)
        .doNothing(),
    )
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findEventByExternalId(
  db: Db,
  contentItemId: string,
  externalId: string,
): Promise<EngagementEvent | undefined> {
  const r = await db
    .selectFrom('engagement_events')
    .selectAll()
    .where('content_item_id', '=', contentItemId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  return r && toEvent(r);
}

function toEvent(r: {
  id: string;
  content_item_id: string;
  tracked_link_id: string | null;
  person_id: string | null;
  lead_id: string | null;
  visitor_id: string | null;
  kind: string;
  external_id: string | null;
  occurred_at: string;
}): EngagementEvent {
  return {
    id: r.id,
    contentItemId: r.content_item_id,
    trackedLinkId: r.tracked_link_id,
    personId: r.person_id,
    leadId: r.lead_id,
    visitorId: r.visitor_id,
    kind: r.kind as EngagementKind,
    externalId: r.external_id,
    occurredAt: r.occurred_at,
  };
}

/** How many events of each kind a content item has. */
export async function engagementCounts(db: Db, contentItemId: string): Promise<EngagementCounts> {
  const rows = await db
    .selectFrom('engagement_events')
    .select(['kind', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('content_item_id', '=', contentItemId)
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

/** A content item's latest events, newest first, with the person's name when known. */
export async function recentEngagements(
  db: Db,
  contentItemId: string,
  limit: number,
): Promise<(EngagementEvent & { firstName: string | null; lastName: string | null })[]> {
  const rows = await db
    .selectFrom('engagement_events as e')
    .leftJoin('people as p', 'p.id', 'e.person_id')
    .selectAll('e')
    .select(['p.first_name', 'p.last_name'])
    .where('e.content_item_id', '=', contentItemId)
    .orderBy('e.occurred_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...toEvent(r), firstName: r.first_name, lastName: r.last_name }));
}

/**
 * Gives a visitor's anonymous events their person and lead (once named by a capture); returns what
 * was attached: events per kind and how many content items.
 */
export async function attachVisitorEvents(
  db: Db,
  visitorId: string,
  ref: { personId: string | null; leadId: string },
): Promise<{ counts: EngagementCounts; events: number; contentItems: number }> {
  const rows = await db
    .updateTable('engagement_events')
    .set({ person_id: ref.personId, lead_id: ref.leadId })
    .where('visitor_id', '=', visitorId)
    .where('person_id', 'is', null)
    .where('lead_id', 'is', null)
    .returning(['kind', 'content_item_id'])
    .execute();
  const counts: EngagementCounts = {};
  for (const r of rows) counts[r.kind as EngagementKind] = (counts[r.kind as EngagementKind] ?? 0) + 1;
  return { counts, events: rows.length, contentItems: new Set(rows.map((r) => r.content_item_id)).size };
}
