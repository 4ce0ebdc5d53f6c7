import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../../domain/access/policy.js';
import type { CustomFilter } from '../../../domain/custom-fields/filters.js';
import type { LeadStage } from '../../../domain/leads/stages.js';
import type { ContactQuery } from '../../../domain/search/contact-query.js';
import { termRangeEnd } from '../../../domain/search/search-key.js';
import type { DialectName } from '../../db/connect.js';
import { customFilterCondition } from '../../db/custom-filter.js';
import type { Database, Db } from '../../db/database.js';
import { scopeCondition } from '../../db/scope.js';

/** A timeframe range from the domain's `timeframeFilterFor` (after < date <= until). */
export interface TimeframeRange {
  includesNow: boolean;
  includesNone: boolean;
  after: string | null;
  until: string | null;
}

export const LEAD_SORTS = ['created_desc', 'created_asc', 'updated_desc', 'score_desc'] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

const SORT_COLUMN = {
  created: 'leads.created_at',
  updated: 'leads.updated_at',
  score: 'leads.score',
} as const;

export interface LeadListFilter {
  scope: Scope;
  stages?: LeadStage[] | undefined;
  timeframes?: TimeframeRange[] | undefined;
  /** An owner id, or null for unassigned leads. */
  ownerId?: string | null | undefined;
  teamId?: string | undefined;
  sourceId?: string | undefined;
  campaignId?: string | undefined;
  tag?: string | undefined;
  productId?: string | undefined;
  /** A search that is an e-mail address or phone number: leads of the people who have it. */
  contact?: ContactQuery | undefined;
  /** Search terms; each must start a word of the lead's search text. */
  terms?: string[] | undefined;
  /**
   * A rare term to drive the query from (its matches are few): the database starts from the
   * term index instead of walking every lead in scope. Chosen by the service after counting.
   */
  driveTerm?: string | undefined;
  /** With `driveTerm`: only these owners' matches (the few owners a rep's scope is). */
  driveOwners?: readonly string[] | undefined;
  /** Created at or after this instant. */
  createdFrom?: string | undefined;
  /** Created before this instant. */
  createdBefore?: string | undefined;
  lastActivityFrom?: string | undefined;
  lastActivityBefore?: string | undefined;
  scoreMin?: number | undefined;
  scoreMax?: number | undefined;
  /** Conditions on custom fields, read as the database's JSON (hence its dialect). */
  custom?: { dialect: DialectName; filters: CustomFilter[] } | undefined;
  deleted?: boolean | undefined;
  /** Parked leads whose revisit date is on or before this date. */
  revisitDueOn?: string | undefined;
  /** Only these leads (the page a search found, fetched whole). */
  ids?: string[] | undefined;
  /** Leads of no team, or of a team not among these (a count's second part; see `countLeads`). */
  notTeamIds?: readonly string[] | undefined;
}

type LeadsEb = ExpressionBuilder<Database, 'leads'>;

function timeframeCondition(eb: LeadsEb, range: TimeframeRange): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (range.includesNow) parts.push(eb('leads.timeframe', '=', 'now'));
  if (range.includesNone) parts.push(eb('leads.timeframe', 'is', null));
  const dates: Expression<SqlBool>[] = [eb('leads.timeframe', '!=', 'now')];
  if (range.after) dates.push(eb('leads.timeframe', '>', range.after));
  if (range.until) dates.push(eb('leads.timeframe', '<=', range.until));
  parts.push(eb.and(dates));
  return eb.or(parts);
}

/** The people who have this e-mail (by its duplicate key) or this phone. */
function peopleWithContact(eb: LeadsEb, contact: ContactQuery) {
  return contact.kind === 'email'
    ? eb
        .selectFrom('person_emails')
        .select('person_emails.person_id')
        .where('person_emails.email_key', '=', contact.key)
    : eb
        .selectFrom('person_phones')
        .select('person_phones.person_id')
        .where('person_phones.phone', '=', contact.phone);
}

/** All filter conditions of a lead list, the access scope first. */
function conditions(eb: LeadsEb, f: LeadListFilter): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [
    scopeCondition(eb, f.scope, { owner: 'leads.owner_id', team: 'leads.team_id' }),
  ];
  all.push(f.deleted ? eb('leads.deleted_at', 'is not', null) : eb('leads.deleted_at', 'is', null));
  if (f.stages?.length) all.push(eb('leads.stage', 'in', f.stages));
  if (f.timeframes?.length) all.push(eb.or(f.timeframes.map((r) => timeframeCondition(eb, r))));
  if (f.contact) all.push(eb('leads.person_id', 'in', peopleWithContact(eb, f.contact)));
  if (f.notTeamIds?.length) {
    const teams = f.notTeamIds;
    all.push(eb.or([eb('leads.team_id', 'is', null), eb('leads.team_id', 'not in', teams)]));
  }
  if (f.ids) all.push(f.ids.length ? eb('leads.id', 'in', f.ids) : sql<SqlBool>`1 = 0`);
  if (f.ownerId === null) all.push(eb('leads.owner_id', 'is', null));
  else if (f.ownerId) all.push(eb('leads.owner_id', '=', f.ownerId));
  if (f.teamId) all.push(eb('leads.team_id', '=', f.teamId));
  if (f.sourceId) all.push(eb('leads.source_id', '=', f.sourceId));
  if (f.campaignId) all.push(eb('leads.campaign_id', '=', f.campaignId));
  if (f.createdFrom) all.push(eb('leads.created_at', '>=', f.createdFrom));
  if (f.createdBefore) all.push(eb('leads.created_at', '<', f.createdBefore));
  if (f.lastActivityFrom) all.push(eb('leads.last_activity_at', '>=', f.lastActivityFrom));
  if (f.lastActivityBefore) all.push(eb('leads.last_activity_at', '<', f.lastActivityBefore));
  if (f.scoreMin !== undefined) all.push(eb('leads.score', '>=', f.scoreMin));
  if (f.scoreMax !== undefined) all.push(eb('leads.score', '<=', f.scoreMax));
  for (const c of f.custom?.filters ?? [])
    all.push(customFilterCondition(f.custom!.dialect, 'leads.custom_fields', c));
  if (f.revisitDueOn)
    all.push(eb.and([eb('leads.stage', '=', 'parked'), eb('leads.revisit_on', '<=', f.revisitDueOn)]));
  if (f.tag) {
    const tag = f.tag;
    all.push(
      eb.exists(
        eb
          .selectFrom('lead_tags')
          .select('lead_tags.lead_id')
          .whereRef('lead_tags.lead_id', '=', 'leads.id')
          .where('lead_tags.tag', '=', tag),
      ),
    );
  }
  if (f.productId) {
    const productId = f.productId;
    all.push(
      eb.exists(
        eb
          .selectFrom('lead_products')
          .select('lead_products.lead_id')
          .whereRef('lead_products.lead_id', '=', 'leads.id')
          .where('lead_products.product_id', '=', productId),
      ),
    );
  }
  for (const term of f.terms ?? []) {
    all.push(
      eb.exists(
        eb
          .selectFrom('lead_terms')
          .select('lead_terms.lead_id')
          .whereRef('lead_terms.lead_id', '=', 'leads.id')
          .where('lead_terms.term', '>=', term)
          .where('lead_terms.term', '<', termRangeEnd(term)),
      ),
    );
  }
  if (f.driveTerm) {
    const drive = f.driveTerm;
    let matches = eb
      .selectFrom('lead_terms')
      .select('lead_terms.lead_id')
      .where('lead_terms.term', '>=', drive)
      .where('lead_terms.term', '<', termRangeEnd(drive));
    if (f.driveOwners?.length) matches = matches.where('lead_terms.owner_id', 'in', f.driveOwners);
    all.push(eb('leads.id', 'in', matches));
  }
  return eb.and(all);
}

export interface LeadListRow {
  id: string;
  title: string;
  stage: string;
  timeframe: string | null;
  owner_id: string | null;
  team_id: string | null;
  score: number;
  source_id: string | null;
  campaign_id: string | null;
  person_id: string | null;
  organisation_id: string | null;
  first_name: string | null;
  last_name: string | null;
  organisation_name: string | null;
  owner_name: string | null;
  email: string | null;
  phone: string | null;
  next_follow_up_at: string | null;
  last_activity_at: string | null;
  revisit_on: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * One keyset page: `after` is the sort value and id of the last row of the previous page.
 * Row-value comparison `(col, id) < (?, ?)` keeps deep pages as fast as the first.
 */
export async function listLeadRows(
  db: Db,
  filter: LeadListFilter,
  sort: LeadSort,
  limit: number,
  after?: { value: string | number; id: string },
): Promise<LeadListRow[]> {
  const query = db
    .selectFrom('leads')
    .leftJoin('people', 'people.id', 'leads.person_id')
    .leftJoin('organisations', 'organisations.id', 'leads.organisation_id')
    .leftJoin('users as owner', 'owner.id', 'leads.owner_id')
    .select([
      'owner.name as owner_name',
      'leads.id',
      'leads.title',
      'leads.stage',
      'leads.timeframe',
      'leads.owner_id',
      'leads.team_id',
      'leads.score',
      'leads.source_id',
      'leads.campaign_id',
      'leads.person_id',
      'leads.organisation_id',
      'people.first_name',
      'people.last_name',
      'organisations.name as organisation_name',
      'leads.next_follow_up_at',
      'leads.last_activity_at',
      'leads.revisit_on',
      'leads.created_at',
      'leads.updated_at',
    ])
    .select((eb) => [
      eb
        .selectFrom('person_emails')
        .select('email')
        .whereRef('person_emails.person_id', '=', 'leads.person_id')
        .orderBy('position')
        .limit(1)
        .as('email'),
      eb
        .selectFrom('person_phones')
        .select('phone')
        .whereRef('person_phones.person_id', '=', 'leads.person_id')
        .orderBy('position')
        .limit(1)
        .as('phone'),
    ])
    .where((eb) => conditions(eb, filter));
  return (await keysetPage(query, sort, limit, after).execute()) as LeadListRow[];
}

/**
 * The ids of one keyset page, read from the leads alone: a list whose words are checked lead by lead
 * (a search sorted by score or update time) walks many leads per page, and with the page's joins in
 * the same query SQLite joined every lead it walked (an admin's "simkus" by score: 17.8 ms, 4.5 ms
 * without). The page's rows are then fetched by id (`listLeadRows` with `ids`).
 */
export async function listLeadIds(
  db: Db,
  filter: LeadListFilter,
  sort: LeadSort,
  limit: number,
  after?: { value: string | number; id: string },
): Promise<string[]> {
  const query = db
    .selectFrom('leads')
    .select('leads.id')
    .where((eb) => conditions(eb, filter));
  return (await keysetPage(query, sort, limit, after).execute()).map((r) => r.id);
}

/** A query of leads ordered by `sort` and its id, after the cursor's row, `limit` rows. */
function keysetPage<Q extends SelectQueryBuilder<Database, 'leads', object>>(
  query: Q,
  sort: LeadSort,
  limit: number,
  after?: { value: string | number; id: string },
): Q {
  const [key, direction] = sort.split('_') as [keyof typeof SORT_COLUMN, 'asc' | 'desc'];
  const column = SORT_COLUMN[key];
  let q = query as SelectQueryBuilder<Database, 'leads', object>;
  if (after) {
    const op = direction === 'desc' ? '<' : '>';
    q = q.where(sql<SqlBool>`(${sql.ref(column)}, leads.id) ${sql.raw(op)} (${after.value}, ${after.id})`);
  }
  return q.orderBy(sql.ref(column), direction).orderBy('leads.id', direction).limit(limit) as Q;
}

/** How many leads one filter matches, counting no further than `cap`. */
async function countUpTo(db: Db, filter: LeadListFilter, cap: number): Promise<number> {
  // why a constant: the rows need not be read when an index holds every column the filter names
  const inner = db
    .selectFrom('leads')
    .select(sql<number>`1`.as('one'))
    .where((eb) => conditions(eb, filter))
    .limit(cap + 1);
  const row = await db
    .selectFrom(inner.as('capped'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * How many leads match, counting no further than `cap` (lists show "10 000+" beyond it). A scope
 * of owners or teams (a manager's) is counted in two parts — the teams' leads, then the owners'
 * leads outside those teams — so each part is one index range instead of an OR over every lead.
 */
export async function countLeads(db: Db, filter: LeadListFilter, cap: number): Promise<number> {
  const scope = filter.scope;
  if (scope.kind !== 'rows' || scope.ownerIds.length === 0 || scope.teamIds.length === 0)
    return countUpTo(db, filter, cap);
  const teams = await countUpTo(
    db,
    { ...filter, scope: { kind: 'rows', ownerIds: [], teamIds: scope.teamIds } },
    cap,
  );
  if (teams > cap) return teams;
  const owners = await countUpTo(
    db,
    { ...filter, scope: { kind: 'rows', ownerIds: scope.ownerIds, teamIds: [] }, notTeamIds: scope.teamIds },
    cap - teams,
  );
  return teams + owners;
}

/** How many leads have a word starting with `term`, counting no further than `cap`. */
export async function countTermMatches(db: Db, term: string, cap: number): Promise<number> {
  const inner = db
    .selectFrom('lead_terms')
    .select('lead_id')
    .where('term', '>=', term)
    .where('term', '<', termRangeEnd(term))
    .limit(cap + 1);
  return countOf(db, inner);
}

/**
 * How many of these owners' leads have one of these exact words, counting no further than `cap`:
 * one statement, a seek of the (term, owner) index per word and owner.
 */
export async function countOwnersTermMatches(
  db: Db,
  terms: readonly string[],
  ownerIds: readonly string[],
  cap: number,
): Promise<number> {
  if (!terms.length || !ownerIds.length) return 0;
  const inner = db
    .selectFrom('lead_terms')
    .select('lead_id')
    .where('term', 'in', terms)
    .where('owner_id', 'in', ownerIds)
    .limit(cap + 1);
  return countOf(db, inner);
}

/** The rows of a capped query, counted. */
async function countOf(db: Db, inner: SelectQueryBuilder<Database, 'lead_terms', { lead_id: string }>) {
  const row = await db
    .selectFrom(inner.as('m'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The distinct indexed terms that start with `prefix`, in order, at most `max`: a loose index scan
 * (one seek per term found), so a prefix shared by a million rows costs `max` seeks, not a scan.
 */
export async function termsStartingWith(db: Db, prefix: string, max: number): Promise<string[]> {
  const end = termRangeEnd(prefix);
  const result = await sql<{ term: string }>`
    with recursive found(term, n) as (
      select (select term from lead_terms where term >= ${prefix} and term < ${end} order by term limit 1), 1
      union all
      select (select term from lead_terms where term > found.term and term < ${end} order by term limit 1), n + 1
      from found where found.term is not null and n < ${max}
    )
    select term from found where term is not null`.execute(db);
  return result.rows.map((r) => r.term);
}

/**
 * A search read from the term index: one stream per concrete term (and per owner, when the
 * caller's scope is a few owners), each an index range already in creation order.
 */
export interface TermSearch {
  /** The concrete terms the driving prefix stands for (from `termsStartingWith`). */
  terms: string[];
  /** Owners to read the streams for (a rep's own leads); undefined reads every owner. */
  ownerIds?: readonly string[] | undefined;
  /** Everything else the leads must satisfy (the remaining words, scope, filters). */
  rest: LeadListFilter;
}

/**
 * One stream per concrete term (and owner): lead_terms rows in index order. With `checked`, each
 * row must also satisfy the rest of the search (a lookup of the lead per row); without, the streams
 * read the index alone.
 */
function termStreams(db: Db, search: TermSearch, checked: boolean) {
  const owners: (string | undefined)[] = search.ownerIds ? [...search.ownerIds] : [undefined];
  return search.terms.flatMap((term) =>
    owners.map((ownerId) => {
      let q = db
        .selectFrom('lead_terms as t')
        .select(['t.lead_id as id', 't.created_at'])
        .where('t.term', '=', term);
      if (ownerId !== undefined) q = q.where('t.owner_id', '=', ownerId);
      if (!checked) return q;
      return q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('leads')
            .select('leads.id')
            .whereRef('leads.id', '=', 't.lead_id')
            .where((inner) => conditions(inner as unknown as LeadsEb, search.rest)),
        ),
      );
    }),
  );
}

type After = { value: string | number; id: string };

/** The first `limit` leads of the merged streams after `after`, in order, each once. */
async function mergedStreams(
  db: Db,
  search: TermSearch,
  checked: boolean,
  direction: 'asc' | 'desc',
  limit: number,
  after: After | undefined,
): Promise<{ id: string; created_at: string }[]> {
  const op = direction === 'desc' ? '<' : '>';
  const members = termStreams(db, search, checked).map((stream) => {
    const page = (
      after
        ? stream.where(sql<SqlBool>`(t.created_at, t.lead_id) ${sql.raw(op)} (${after.value}, ${after.id})`)
        : stream
    )
      .orderBy('t.created_at', direction)
      .orderBy('t.lead_id', direction)
      .limit(limit);
    return db.selectFrom(page.as('s')).select(['s.id', 's.created_at']);
  });
  const [first, ...others] = members;
  if (!first) return [];
  const merged = others.reduce((all, member) => all.unionAll(member), first);
  return db
    .selectFrom(merged.as('u'))
    .select(['u.id', 'u.created_at'])
    .distinct()
    .orderBy('u.created_at', direction)
    .orderBy('u.id', direction)
    .limit(limit)
    .execute();
}

/**
 * Which of these leads satisfy the rest of a search: the lead's own conditions in one lookup by id,
 * then each remaining word by the (lead_id, term) index. Kept apart on purpose: with both in one
 * query PostgreSQL may scan a word's whole range once per lead.
 */
async function survivors(db: Db, rest: LeadListFilter, ids: string[]): Promise<Set<string>> {
  const { terms, ...own } = rest;
  const rows = await db
    .selectFrom('leads')
    .select('leads.id')
    .where((eb) => conditions(eb, { ...own, ids }))
    .execute();
  let ok = new Set(rows.map((r) => r.id));
  for (const term of terms ?? []) {
    if (ok.size === 0) break;
    const matching = await db
      .selectFrom('lead_terms')
      .select('lead_id')
      .where('lead_id', 'in', [...ok])
      .where('term', '>=', term)
      .where('term', '<', termRangeEnd(term))
      .execute();
    ok = new Set(matching.map((r) => r.lead_id));
  }
  return ok;
}

/** Rounds of index-only candidates before the database checks every stream row itself. */
const CANDIDATE_ROUNDS = 3;

/**
 * The ids of one search page sorted by creation time. The merged streams are read from the index
 * alone, twice the page at first, and the candidates checked against the rest of the search in two
 * small queries; the window grows fourfold while too few pass. When the other filters are so narrow
 * that three rounds do not fill the page, or another typed word must match too, the streams check
 * each row in the database instead.
 */
export async function searchLeadIds(
  db: Db,
  search: TermSearch,
  direction: 'asc' | 'desc',
  limit: number,
  after?: After,
): Promise<string[]> {
  const found: string[] = [];
  let cursor = after;
  let window = limit * 2;
  // Another typed word passes few candidates ("jonas" among "simkus"): check in the database at once.
  const rounds = search.rest.terms?.length ? 0 : CANDIDATE_ROUNDS;
  for (let round = 0; round < rounds; round++) {
    const candidates = await mergedStreams(db, search, false, direction, window, cursor);
    const ok = candidates.length
      ? await survivors(
          db,
          search.rest,
          candidates.map((c) => c.id),
        )
      : new Set();
    for (const c of candidates) {
      if (!ok.has(c.id)) continue;
      found.push(c.id);
      if (found.length === limit) return found;
    }
    const last = candidates.at(-1);
    if (!last || candidates.length < window) return found;
    cursor = { value: last.created_at, id: last.id };
    window *= 4;
  }
  const rest = await mergedStreams(db, search, true, direction, limit - found.length, cursor);
  return [...found, ...rest.map((r) => r.id)];
}

/** How many leads a term search finds, counting no further than `cap`. */
export async function countTermSearch(db: Db, search: TermSearch, cap: number): Promise<number> {
  const [first, ...others] = termStreams(db, search, true).map((stream) =>
    db.selectFrom(stream.as('s')).select('s.id'),
  );
  if (!first) return 0;
  const merged = others.reduce((all, member) => all.union(member), first).limit(cap + 1);
  const row = await db
    .selectFrom(merged.as('u'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
