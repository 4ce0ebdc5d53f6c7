import { randomBytes } from 'node:crypto';
import { can } from '../../../domain/access/policy.js';
import { safeUrl } from '../../../domain/capture/attribution.js';
import {
  type ContentKind,
  contentSourceKey,
  ENGAGEMENT_KINDS,
} from '../../../domain/engagement/engagement.js';
import { AppError, Validation } from '../../../domain/errors/app-error.js';
import type { ActorContext, Deps } from '../../context.js';
import { decodeTimeCursor, encodeCursor } from '../../db/cursor.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.repository.js';
import { checkReferences } from '../leads/lead-rules.js';
import { findPeople } from '../people/people.repository.js';
import { findSourceIdByKey } from '../sources/sources.repository.js';
import {
  type ContentItem,
  engagementCounts,
  findContent,
  insertContent,
  insertLink,
  linksOf,
  listContent as listContentRows,
  recentEngagements,
  saveContent,
  type TrackedLink,
} from './engagement.repository.js';
import type {
  ContentItemDto,
  CreateContentInput,
  CreateLinkInput,
  EngagementDto,
  TrackedLinkDto,
  UpdateContentInput,
} from './engagement.schemas.js';

/** Content is marketing's, like campaigns and forms: everyone reads it, marketers and admins change it. */
export function assertMarketing(caller: ActorContext, action: 'read' | 'create' | 'update'): void {
  if (!can(caller.actor, action, 'campaign'))
    throw new AppError('forbidden', 'Only marketers and administrators manage content');
}

function contentDto(c: ContentItem): ContentItemDto {
  return { ...c };
}

export function linkDto(l: TrackedLink, appOrigin: string): TrackedLinkDto {
  return {
    id: l.id,
    contentItemId: l.contentItemId,
    token: l.token,
    url: `${appOrigin}/t/${l.token}`,
    targetUrl: l.targetUrl,
    personId: l.personId,
    channel: l.channel,
    createdAt: l.createdAt,
  };
}

/** A stored URL: parsed and re-serialised (lower-case host), http(s) only, else a field error. */
function normalisedUrl(value: string, field: string, v: Validation): string {
  const url = safeUrl(value);
  v.check(url !== null && url.length <= 500, field, 'invalid_format');
  return url ?? value;
}

/** A random token for a public URL: 128 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

async function defaultSource(db: Db, kind: ContentKind, channel: string): Promise<string | null> {
  return (await findSourceIdByKey(db, contentSourceKey(kind, channel))) ?? null;
}

export async function createContent(
  deps: Deps,
  caller: ActorContext,
  input: CreateContentInput,
): Promise<ContentItemDto> {
  assertMarketing(caller, 'create');
  const now = deps.now().toISOString();
  const v = new Validation();
  const url = normalisedUrl(input.url, 'url', v);
  const channel = input.channel ?? 'website';
  return deps.db.transaction().execute(async (trx) => {
    await checkReferences(trx, input, v);
    v.throwIfAny();
    const item: ContentItem = {
      id: newId(),
      kind: input.kind,
      title: input.title.trim(),
      url,
      channel,
      sourceId: input.sourceId !== undefined ? input.sourceId : await defaultSource(trx, input.kind, channel),
      campaignId: input.campaignId ?? null,
      createdBy: caller.user.id,
      createdAt: now,
      updatedAt: now,
    };
    await insertContent(trx, item);
    await recordAudit(trx, caller, {
      entityType: 'content_item',
      entityId: item.id,
      action: 'create',
      after: item,
      at: now,
    });
    return contentDto(item);
  });
}

export async function updateContent(
  deps: Deps,
  caller: ActorContext,
  id: string,
  input: UpdateContentInput,
): Promise<ContentItemDto> {
  assertMarketing(caller, 'update');
  const now = deps.now().toISOString();
  const v = new Validation();
  const url = input.url === undefined ? undefined : normalisedUrl(input.url, 'url', v);
  return deps.db.transaction().execute(async (trx) => {
    const before = await findContent(trx, id);
    if (!before) throw new AppError('not_found', 'No such content item');
    await checkReferences(trx, input, v);
    v.throwIfAny();
    const after: ContentItem = {
      ...before,
      ...input,
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(url !== undefined ? { url } : {}),
      updatedAt: now,
    };
    await saveContent(trx, after);
    await recordUpdate(trx, caller, 'content_item', id, { before, after, keys: Object.keys(input), at: now });
    return contentDto(after);
  });
}

export async function listContent(
  deps: Deps,
  caller: ActorContext,
  q: { limit?: number | undefined; cursor?: string | undefined },
): Promise<{ items: ContentItemDto[]; nextCursor: string | null }> {
  assertMarketing(caller, 'read');
  const limit = q.limit ?? 50;
  const rows = await listContentRows(deps.db, limit + 1, q.cursor ? decodeTimeCursor(q.cursor) : undefined);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(contentDto),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

export async function getContent(deps: Deps, caller: ActorContext, id: string, appOrigin: string) {
  assertMarketing(caller, 'read');
  const item = await findContent(deps.db, id);
  if (!item) throw new AppError('not_found', 'No such content item');
  const links = await linksOf(deps.db, id);
  return { ...contentDto(item), links: links.map((l) => linkDto(l, appOrigin)) };
}

/**
 * A tracked link to share: a random token whose redirect target (the content's URL unless another
 * http(s) address is given) is fixed now; with a person, every click on it is that person's.
 */
export async function createTrackedLink(
  deps: Deps,
  caller: ActorContext,
  contentItemId: string,
  input: CreateLinkInput,
  appOrigin: string,
): Promise<TrackedLinkDto> {
  assertMarketing(caller, 'create');
  const now = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const item = await findContent(trx, contentItemId);
    if (!item) throw new AppError('not_found', 'No such content item');
    const v = new Validation();
    const targetUrl = normalisedUrl(input.targetUrl ?? item.url, 'targetUrl', v);
    if (input.personId) {
      v.check((await findPeople(trx, [input.personId])).has(input.personId), 'personId', 'not_found');
    }
    v.throwIfAny();
    const link: TrackedLink = {
      id: newId(),
      contentItemId,
      token: newToken(),
      targetUrl,
      personId: input.personId ?? null,
      channel: input.channel ?? item.channel,
      createdBy: caller.user.id,
      createdAt: now,
    };
    await insertLink(trx, link);
    await recordAudit(trx, caller, {
      entityType: 'tracked_link',
      entityId: link.id,
      action: 'create',
      after: link,
      at: now,
    });
    return linkDto(link, appOrigin);
  });
}

/** A content item's latest events with counts per kind (marketing: it names people across owners). */
export async function contentEngagements(
  deps: Deps,
  caller: ActorContext,
  contentItemId: string,
  limit: number,
): Promise<{ counts: Record<(typeof ENGAGEMENT_KINDS)[number], number>; items: EngagementDto[] }> {
  assertMarketing(caller, 'update');
  if (!(await findContent(deps.db, contentItemId))) throw new AppError('not_found', 'No such content item');
  const counts = await engagementCounts(deps.db, contentItemId);
  const rows = await recentEngagements(deps.db, contentItemId, limit);
  return {
    counts: Object.fromEntries(ENGAGEMENT_KINDS.map((k) => [k, counts[k] ?? 0])) as Record<
      (typeof ENGAGEMENT_KINDS)[number],
      number
    >,
    items: rows.map((r) => ({
      id: r.id,
      contentItemId: r.contentItemId,
      kind: r.kind,
      personId: r.personId,
      personName: r.personId ? `${r.firstName ?? ''} ${r.lastName ?? ''}`.trim() || null : null,
      leadId: r.leadId,
      visitorId: r.visitorId,
      trackedLinkId: r.trackedLinkId,
      externalId: r.externalId,
      occurredAt: r.occurredAt,
    })),
  };
}
