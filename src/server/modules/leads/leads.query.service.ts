import { scopeFor } from '../../../domain/access/policy.js';
import { Validation } from '../../../domain/errors/app-error.js';
import { timeframeOf } from '../../../domain/leads/lead.js';
import { isLeadStage, type LeadStage } from '../../../domain/leads/stages.js';
import {
  TEMPERATURES,
  type Temperature,
  temperatureBounds,
  temperatureOf,
  timeframeFilterFor,
} from '../../../domain/leads/temperature.js';
import { searchTerms } from '../../../domain/search/search-key.js';
import type { ActorContext, Deps } from '../../context.js';
import { today } from './lead-rules.js';
import {
  countLeads,
  countTermMatches,
  type LeadListFilter,
  type LeadListRow,
  type LeadSort,
  listLeadRows,
} from './leads.list.repository.js';
import type { LeadListItem, LeadListQueryInput } from './leads.schemas.js';

export const COUNT_CAP = 10_000;
/** Up to this many matches a search starts from the term index; beyond, walking newest-first finds a page sooner. */
export const DRIVE_TERM_CAP = 5_000;

/** The longest term (usually the rarest) when its matches are few enough to start from. */
async function rareTerm(deps: Deps, terms: string[]): Promise<string | undefined> {
  const longest = [...terms].sort((a, b) => b.length - a.length)[0];
  if (!longest) return undefined;
  return (await countTermMatches(deps.db, longest, DRIVE_TERM_CAP)) <= DRIVE_TERM_CAP ? longest : undefined;
}

function csv(value: string | undefined): string[] {
  return value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

/** The filter of a list request, checked: unknown stages or temperatures are named, not ignored. */
function filterOf(deps: Deps, caller: ActorContext, q: LeadListQueryInput, v: Validation): LeadListFilter {
  const stages = csv(q.stage);
  v.checkEach(stages, 'stage', isLeadStage, 'invalid_value');
  const temps = csv(q.temperature);
  v.checkEach(temps, 'temperature', (t) => (TEMPERATURES as readonly string[]).includes(t), 'invalid_value');
  const day = today(deps);
  const bounds = temperatureBounds(day);
  return {
    scope: scopeFor(caller.actor, 'lead', 'read'),
    stages: stages.filter(isLeadStage) as LeadStage[],
    timeframes: temps
      .filter((t): t is Temperature => (TEMPERATURES as readonly string[]).includes(t))
      .map((t) => timeframeFilterFor(t, bounds)),
    ownerId: q.ownerId === 'none' ? null : q.ownerId,
    teamId: q.teamId,
    sourceId: q.sourceId,
    campaignId: q.campaignId,
    tag: q.tag?.trim().toLowerCase(),
    productId: q.productId,
    terms: q.q ? searchTerms(q.q) : undefined,
    createdFrom: q.createdFrom,
    createdTo: q.createdTo,
    deleted: q.deleted,
    revisitDueOn: q.revisitDue ? day : undefined,
  };
}

function encodeCursor(row: LeadListRow, sort: LeadSort): string {
  const value = sort.startsWith('created')
    ? row.created_at
    : sort.startsWith('updated')
      ? row.updated_at
      : row.score;
  return Buffer.from(JSON.stringify([value, row.id])).toString('base64url');
}

function decodeCursor(cursor: string, v: Validation): { value: string | number; id: string } | undefined {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if ((typeof value === 'string' || typeof value === 'number') && typeof id === 'string')
      return { value, id };
  } catch {
    // why: a cursor that is not ours is reported as a bad field just below, not as a 500.
  }
  v.add('cursor', 'bad_cursor');
  return undefined;
}

function toItem(row: LeadListRow, day: string): LeadListItem {
  const name = [row.first_name, row.last_name].filter(Boolean).join(' ').trim();
  return {
    id: row.id,
    title: row.title,
    stage: row.stage as LeadStage,
    temperature: temperatureOf(timeframeOf(row.timeframe), day),
    timeframe: row.timeframe,
    personId: row.person_id,
    personName: name || null,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    email: row.email,
    phone: row.phone,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    teamId: row.team_id,
    score: Number(row.score),
    sourceId: row.source_id,
    campaignId: row.campaign_id,
    revisitOn: row.revisit_on,
    nextFollowUpAt: row.next_follow_up_at,
    lastActivityAt: row.last_activity_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A page of the leads the caller may see, filtered and sorted, with the next cursor (null at the end). */
export async function listLeads(
  deps: Deps,
  caller: ActorContext,
  q: LeadListQueryInput,
): Promise<{ items: LeadListItem[]; nextCursor: string | null; count?: { value: number; capped: boolean } }> {
  const v = new Validation();
  const filter = filterOf(deps, caller, q, v);
  const sort: LeadSort = q.sort ?? 'created_desc';
  const after = q.cursor ? decodeCursor(q.cursor, v) : undefined;
  v.throwIfAny();
  if (filter.terms?.length) filter.driveTerm = await rareTerm(deps, filter.terms);
  const limit = q.limit ?? 50;
  const rows = await listLeadRows(deps.db, filter, sort, limit + 1, after);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const day = today(deps);
  const result = {
    items: page.map((r) => toItem(r, day)),
    nextCursor: rows.length > limit && last ? encodeCursor(last, sort) : null,
  };
  if (!q.count) return result;
  const value = await countLeads(deps.db, filter, COUNT_CAP);
  return { ...result, count: { value: Math.min(value, COUNT_CAP), capped: value > COUNT_CAP } };
}
