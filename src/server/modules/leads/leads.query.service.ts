import { scopeFor } from '../../../domain/access/policy.js';
import { type CustomFilter, parseCustomFilter } from '../../../domain/custom-fields/filters.js';
import { Validation } from '../../../domain/errors/app-error.js';
import { timeframeOf } from '../../../domain/leads/lead.js';
import { isLeadStage, type LeadStage } from '../../../domain/leads/stages.js';
import {
  addDays,
  dayStartIn,
  TEMPERATURES,
  type Temperature,
  temperatureBounds,
  timeframeFilterFor,
} from '../../../domain/leads/temperature.js';
import { contactQuery } from '../../../domain/search/contact-query.js';
import { searchTerms } from '../../../domain/search/search-key.js';
import type { ActorContext, Deps } from '../../context.js';
import { listCustomFields } from '../custom-fields/custom-fields.repository.js';
import { type TemperatureClock, temperatureClock } from './lead-rules.js';
import {
  countLeads,
  countOwnersTermMatches,
  countTermMatches,
  countTermSearch,
  type LeadListFilter,
  type LeadListRow,
  type LeadSort,
  listLeadIds,
  listLeadRows,
  searchLeadIds,
  type TermSearch,
  termsStartingWith,
} from './leads.list.repository.js';
import type { LeadListItem, LeadListQueryInput } from './leads.schemas.js';

export const COUNT_CAP = 10_000;
/** Up to this many matches a search starts from the term index; beyond, walking newest-first finds a page sooner. */
export const DRIVE_TERM_CAP = 5_000;

/**
 * Up to this many distinct words may a typed prefix stand for and still be read from the term
 * index one word at a time ("simk" → simkus, simkute, simkiene …); a shorter, broader prefix matches
 * so many leads that walking them newest-first finds a page sooner.
 */
export const TERM_STREAMS_CAP = 32;
/** Up to this many owners in a caller's scope are read as one stream each (a rep: one). */
const OWNER_STREAMS_CAP = 4;
/** Matches counted per word to pick the rarest of several typed words. */
const RAREST_COUNT_CAP = 200;

/**
 * The typed words rarest first (matches counted up to a cap; the longest first among equals), each
 * with the indexed words it stands for. Only words that stand for few enough indexed words are
 * listed: a short prefix or a number like "101" can stand for hundreds.
 */
async function driveCandidates(deps: Deps, terms: string[]): Promise<{ term: string; expands: string[] }[]> {
  const byLength = [...terms].sort((a, b) => b.length - a.length);
  const counts =
    byLength.length === 1
      ? [0]
      : await Promise.all(byLength.map((t) => countTermMatches(deps.db, t, RAREST_COUNT_CAP)));
  const order = byLength.map((term, i) => ({ term, n: counts[i]! })).sort((a, b) => a.n - b.n);
  const out: { term: string; expands: string[] }[] = [];
  for (const { term } of order) {
    const expands = await termsStartingWith(deps.db, term, TERM_STREAMS_CAP + 1);
    if (expands.length <= TERM_STREAMS_CAP) return [...out, { term, expands }];
  }
  return out;
}

/**
 * How a search sorted by creation time is read from the term index (see `TermSearch`): streams of
 * the rarest typed word that stands for few enough indexed words, the other words checked on each
 * lead. Undefined when walking the leads is the better plan (other sorts, only broad prefixes).
 */
async function termSearchFor(
  deps: Deps,
  filter: LeadListFilter,
  sort: LeadSort,
): Promise<TermSearch | undefined> {
  if (!filter.terms?.length || !sort.startsWith('created')) return undefined;
  const [drive] = await driveCandidates(deps, filter.terms);
  if (!drive) return undefined;
  return {
    terms: drive.expands,
    ownerIds: fewOwners(filter),
    rest: { ...filter, terms: filter.terms.filter((t) => t !== drive.term) },
  };
}

/** The owners a search is read for one by one: the owner filtered on, or a scope of a few owners (a rep's). */
function fewOwners(filter: LeadListFilter): readonly string[] | undefined {
  const scope = filter.scope;
  if (typeof filter.ownerId === 'string') return [filter.ownerId];
  return scope.kind === 'rows' && scope.teamIds.length === 0 && scope.ownerIds.length <= OWNER_STREAMS_CAP
    ? scope.ownerIds
    : undefined;
}

/**
 * For a list sorted otherwise than by creation: the longest typed term (usually the rarest) when
 * its matches are few enough to start from — all of them, or, for a rep, their own (a surname on
 * 20,000 leads is on a few hundred of one rep's, and walking the rep's leads by score to find
 * those took 300 ms). Undefined: walking the sorted list finds a page sooner.
 */
async function rareTerm(
  deps: Deps,
  terms: string[],
  filter: LeadListFilter,
): Promise<Pick<LeadListFilter, 'driveTerm' | 'driveOwners'>> {
  const longest = [...terms].sort((a, b) => b.length - a.length)[0];
  if (!longest) return {};
  if ((await countTermMatches(deps.db, longest, DRIVE_TERM_CAP)) <= DRIVE_TERM_CAP)
    return { driveTerm: longest };
  const owners = fewOwners(filter);
  if (!owners?.length) return {};
  const expands = await termsStartingWith(deps.db, longest, TERM_STREAMS_CAP + 1);
  if (expands.length > TERM_STREAMS_CAP) return {};
  const mine = await countOwnersTermMatches(deps.db, expands, owners, DRIVE_TERM_CAP);
  return mine <= DRIVE_TERM_CAP ? { driveTerm: longest, driveOwners: owners } : {};
}

function csv(value: string | undefined): string[] {
  return value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

/** The free text of a list request: a whole e-mail or phone is looked up exactly, other text by words. */
function textSearch(q: string | undefined): Pick<LeadListFilter, 'contact' | 'terms'> {
  if (!q?.trim()) return {};
  const contact = contactQuery(q);
  return contact ? { contact } : { terms: searchTerms(q) };
}

/** The `cf` conditions of a list request, checked against the lead custom fields (`cf.0` names the first). */
async function customFiltersOf(deps: Deps, raw: string[] | undefined, v: Validation) {
  if (!raw?.length) return undefined;
  const definitions = await listCustomFields(deps.db, { entity: 'lead' });
  const filters: CustomFilter[] = [];
  raw.forEach((text, i) => {
    const parsed = parseCustomFilter(definitions, text);
    if (parsed.ok) filters.push(parsed.filter);
    else v.add(`cf.${i}`, parsed.code);
  });
  return { dialect: deps.dialect, filters };
}

/**
 * The filter of a list request, checked: unknown stages or temperatures are named, not ignored.
 * `clock` is the one the temperatures of the page are then shown with.
 */
async function filterOf(
  deps: Deps,
  caller: ActorContext,
  q: LeadListQueryInput,
  v: Validation,
  clock: TemperatureClock,
): Promise<LeadListFilter> {
  const stages = csv(q.stage);
  v.checkEach(stages, 'stage', isLeadStage, 'invalid_value');
  const temps = csv(q.temperature);
  v.checkEach(temps, 'temperature', (t) => (TEMPERATURES as readonly string[]).includes(t), 'invalid_value');
  const day = clock.day;
  const bounds = temperatureBounds(day, clock.settings);
  if (q.scoreMin !== undefined && q.scoreMax !== undefined && q.scoreMin > q.scoreMax)
    v.add('scoreMax', 'out_of_range');
  if (q.createdFrom && q.createdTo && q.createdFrom > q.createdTo) v.add('createdTo', 'date_order');
  if (q.lastActivityFrom && q.lastActivityTo && q.lastActivityFrom > q.lastActivityTo)
    v.add('lastActivityTo', 'date_order');
  // Days are the organisation's: a range's ends become the instants those days begin there.
  const zone = deps.config.timeZone;
  const dayStart = (date: string | undefined) => (date ? dayStartIn(zone, date) : undefined);
  const dayAfter = (date: string | undefined) => (date ? dayStartIn(zone, addDays(date, 1)) : undefined);
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
    ...textSearch(q.q),
    createdFrom: dayStart(q.createdFrom),
    createdBefore: dayAfter(q.createdTo),
    lastActivityFrom: dayStart(q.lastActivityFrom),
    lastActivityBefore: dayAfter(q.lastActivityTo),
    scoreMin: q.scoreMin,
    scoreMax: q.scoreMax,
    custom: await customFiltersOf(deps, q.cf, v),
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

function toItem(row: LeadListRow, clock: TemperatureClock): LeadListItem {
  const name = [row.first_name, row.last_name].filter(Boolean).join(' ').trim();
  return {
    id: row.id,
    title: row.title,
    stage: row.stage as LeadStage,
    temperature: clock.of(timeframeOf(row.timeframe)),
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
  const clock = await temperatureClock(deps);
  const filter = await filterOf(deps, caller, q, v, clock);
  const sort: LeadSort = q.sort ?? 'created_desc';
  const after = q.cursor ? decodeCursor(q.cursor, v) : undefined;
  v.throwIfAny();
  const limit = q.limit ?? 50;
  const search = await termSearchFor(deps, filter, sort);
  if (!search && filter.terms?.length) Object.assign(filter, await rareTerm(deps, filter.terms, filter));
  // A search's page is found first, then fetched whole: from the term index when sorted by creation,
  // else by walking the leads alone, each checked for the words (no joins while walking).
  const found = search
    ? await searchLeadIds(deps.db, search, sort.endsWith('asc') ? 'asc' : 'desc', limit + 1, after)
    : filter.terms?.length
      ? await listLeadIds(deps.db, filter, sort, limit + 1, after)
      : undefined;
  const rows = found
    ? // why only scope and bin: the page's leads passed every filter already; repeating the word
      // checks here let PostgreSQL pick a plan that scans each word's whole range per lead
      await listLeadRows(
        deps.db,
        { scope: filter.scope, deleted: filter.deleted, ids: found },
        sort,
        limit + 1,
      )
    : await listLeadRows(deps.db, filter, sort, limit + 1, after);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const result = {
    items: page.map((r) => toItem(r, clock)),
    nextCursor: rows.length > limit && last ? encodeCursor(last, sort) : null,
  };
  if (!q.count) return result;
  const value = search
    ? await countTermSearch(deps.db, search, COUNT_CAP)
    : await countLeads(deps.db, filter, COUNT_CAP);
  return { ...result, count: { value: Math.min(value, COUNT_CAP), capped: value > COUNT_CAP } };
}

/** How many list pages a people or organisation search reads at most to fill its answer. */
const REF_SEARCH_PAGES = 3;

/**
 * The people (or organisations) of the leads a free-text search finds for the caller, newest lead
 * first, each once — the lead list's own plan (term index, exact e-mail and phone), so pickers and
 * merge screens are as fast at a million leads as the list. A person is found by what their leads
 * are found by: names, e-mails, phones and the organisation's name.
 */
export async function searchLeadRefs(
  deps: Deps,
  caller: ActorContext,
  q: string,
  of: 'personId' | 'organisationId',
  limit: number,
): Promise<string[]> {
  const found = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < REF_SEARCH_PAGES && found.size < limit; page++) {
    // a person often has one or two leads: three times the answer usually fills it in one page
    const result = await listLeads(deps, caller, {
      q,
      limit: Math.min(200, limit * 3),
      ...(cursor ? { cursor } : {}),
    });
    for (const item of result.items) {
      const id = item[of];
      if (id) found.add(id);
      if (found.size === limit) break;
    }
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return [...found];
}
