import { LEAD_STAGES, type LeadStage } from '../../../domain/leads/stages';
import { isCalendarDate, TEMPERATURES, type Temperature } from '../../../domain/leads/temperature';
import type { LeadListQueryInput } from '../../lib/api';

/** The lead list's filters, kept in the page address so a reload or a shared link shows the same list. */

export type LeadSort = NonNullable<LeadListQueryInput['sort']>;
export const LEAD_SORTS = [
  'created_desc',
  'created_asc',
  'updated_desc',
  'score_desc',
] as const satisfies readonly LeadSort[];
const DEFAULT_SORT: LeadSort = 'created_desc';

/** `ownerId` of the leads nobody owns, as the list endpoint takes it. */
export const UNASSIGNED = 'none';

/** The filters behind "More filters": less used, so kept out of the bar. Empty text means "any". */
export interface MoreLeadFilters {
  campaignId: string | null;
  /** A user id, or `UNASSIGNED`. */
  ownerId: string | null;
  teamId: string | null;
  productId: string | null;
  scoreMin: number | null;
  scoreMax: number | null;
  /** YYYY-MM-DD, both ends included. */
  createdFrom: string;
  createdTo: string;
  lastActivityFrom: string;
  lastActivityTo: string;
  /** Custom-field conditions by field key, written as the list's `cf` takes them after `key:` (`10..50`, `gold|silver`). */
  custom: Record<string, string>;
}

export const NO_MORE_FILTERS: MoreLeadFilters = {
  campaignId: null,
  ownerId: null,
  teamId: null,
  productId: null,
  scoreMin: null,
  scoreMax: null,
  createdFrom: '',
  createdTo: '',
  lastActivityFrom: '',
  lastActivityTo: '',
  custom: {},
};

export interface LeadFilters {
  q: string;
  stages: LeadStage[];
  temperatures: Temperature[];
  sourceId: string | null;
  tag: string;
  revisitDue: boolean;
  deleted: boolean;
  sort: LeadSort;
  more: MoreLeadFilters;
}

function listOf<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  return value.split(',').filter((item): item is T => (allowed as readonly string[]).includes(item));
}

const dateOrEmpty = (value: string | null | undefined) =>
  value && /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value) ? value : '';
const integerOrNull = (value: string | number | null | undefined) =>
  value !== null && value !== undefined && /^-?\d{1,9}$/.test(String(value)) ? Number(value) : null;

/** `['tier:gold|silver', 'vip:true']` → `{ tier: 'gold|silver', vip: 'true' }`; conditions without a key or value are dropped. */
function customOf(conditions: readonly string[]): Record<string, string> {
  const custom: Record<string, string> = {};
  for (const condition of conditions) {
    const colon = condition.indexOf(':');
    const value = condition.slice(colon + 1).trim();
    if (colon > 0 && value) custom[condition.slice(0, colon)] = value;
  }
  return custom;
}

function customConditions(custom: Record<string, string>): string[] {
  return Object.entries(custom)
    .filter(([, value]) => value.trim() !== '')
    .map(([key, value]) => `${key}:${value.trim()}`);
}

/** A range end still being typed (`1.`, `-`): kept in the address, not yet asked of the server. */
const UNFINISHED_END = /\.\.(-|-?\d+\.)$|^(-|-?\d+\.)\.\./;

/** The conditions the list is asked for: every one but a number range still being typed. */
function queryConditions(custom: Record<string, string>): string[] {
  return customConditions(custom).filter(
    (condition) => !UNFINISHED_END.test(condition.slice(condition.indexOf(':') + 1)),
  );
}

/** `?stage=mql,sql&revisit=1` → filters; unknown values are dropped rather than sent to the server. */
export function filtersFromParams(params: URLSearchParams): LeadFilters {
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    stages: listOf(params.get('stage'), LEAD_STAGES),
    temperatures: listOf(params.get('temperature'), TEMPERATURES),
    sourceId: params.get('source') || null,
    tag: params.get('tag') ?? '',
    revisitDue: params.get('revisit') === '1',
    deleted: params.get('bin') === '1',
    sort: (LEAD_SORTS as readonly string[]).includes(sort ?? '') ? (sort as LeadSort) : DEFAULT_SORT,
    more: {
      campaignId: params.get('campaign') || null,
      ownerId: params.get('owner') || null,
      teamId: params.get('team') || null,
      productId: params.get('product') || null,
      scoreMin: integerOrNull(params.get('scoreMin')),
      scoreMax: integerOrNull(params.get('scoreMax')),
      createdFrom: dateOrEmpty(params.get('createdFrom')),
      createdTo: dateOrEmpty(params.get('createdTo')),
      lastActivityFrom: dateOrEmpty(params.get('activityFrom')),
      lastActivityTo: dateOrEmpty(params.get('activityTo')),
      custom: customOf(params.getAll('cf')),
    },
  };
}

function moreEntries(more: MoreLeadFilters): [string, string][] {
  return [
    ['campaign', more.campaignId ?? ''],
    ['owner', more.ownerId ?? ''],
    ['team', more.teamId ?? ''],
    ['product', more.productId ?? ''],
    ['scoreMin', more.scoreMin === null ? '' : String(more.scoreMin)],
    ['scoreMax', more.scoreMax === null ? '' : String(more.scoreMax)],
    ['createdFrom', more.createdFrom],
    ['createdTo', more.createdTo],
    ['activityFrom', more.lastActivityFrom],
    ['activityTo', more.lastActivityTo],
    ...customConditions(more.custom).map((condition): [string, string] => ['cf', condition]),
  ];
}

/** Filters → page address parameters, leaving out what is at its default so addresses stay short. */
export function filtersToParams(filters: LeadFilters): URLSearchParams {
  const entries: [string, string][] = [
    // Kept as typed (a trailing space included) so the search box does not change under the cursor.
    ['q', filters.q.trim() ? filters.q : ''],
    ['stage', filters.stages.join(',')],
    ['temperature', filters.temperatures.join(',')],
    ['source', filters.sourceId ?? ''],
    ['tag', filters.tag.trim() ? filters.tag : ''],
    ['revisit', filters.revisitDue ? '1' : ''],
    ['bin', filters.deleted ? '1' : ''],
    ['sort', filters.sort === DEFAULT_SORT ? '' : filters.sort],
    ...moreEntries(filters.more),
  ];
  return new URLSearchParams(entries.filter(([, value]) => value !== ''));
}

/** Filters → the list endpoint's query. */
export function toListQuery(filters: LeadFilters): LeadListQueryInput {
  const query: LeadListQueryInput = { sort: filters.sort };
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.stages.length) query.stage = filters.stages.join(',');
  if (filters.temperatures.length) query.temperature = filters.temperatures.join(',');
  if (filters.sourceId) query.sourceId = filters.sourceId;
  if (filters.tag.trim()) query.tag = filters.tag.trim();
  if (filters.revisitDue) query.revisitDue = true;
  if (filters.deleted) query.deleted = true;
  return { ...query, ...moreQuery(filters.more) };
}

function moreQuery(more: MoreLeadFilters): LeadListQueryInput {
  const query: LeadListQueryInput = {};
  if (more.campaignId) query.campaignId = more.campaignId;
  if (more.ownerId) query.ownerId = more.ownerId;
  if (more.teamId) query.teamId = more.teamId;
  if (more.productId) query.productId = more.productId;
  if (more.scoreMin !== null) query.scoreMin = more.scoreMin;
  if (more.scoreMax !== null) query.scoreMax = more.scoreMax;
  if (more.createdFrom) query.createdFrom = more.createdFrom;
  if (more.createdTo) query.createdTo = more.createdTo;
  if (more.lastActivityFrom) query.lastActivityFrom = more.lastActivityFrom;
  if (more.lastActivityTo) query.lastActivityTo = more.lastActivityTo;
  const cf = queryConditions(more.custom);
  if (cf.length) query.cf = cf;
  return query;
}

/** A saved view's filters (the list endpoint's query) → the screen's filters; others are left out. */
export function filtersFromQuery(query: LeadListQueryInput): LeadFilters {
  return {
    q: query.q ?? '',
    stages: listOf(query.stage ?? null, LEAD_STAGES),
    temperatures: listOf(query.temperature ?? null, TEMPERATURES),
    sourceId: query.sourceId ?? null,
    tag: query.tag ?? '',
    revisitDue: query.revisitDue ?? false,
    deleted: query.deleted ?? false,
    sort: query.sort ?? DEFAULT_SORT,
    more: {
      campaignId: query.campaignId ?? null,
      ownerId: query.ownerId ?? null,
      teamId: query.teamId ?? null,
      productId: query.productId ?? null,
      scoreMin: integerOrNull(query.scoreMin),
      scoreMax: integerOrNull(query.scoreMax),
      createdFrom: dateOrEmpty(query.createdFrom),
      createdTo: dateOrEmpty(query.createdTo),
      lastActivityFrom: dateOrEmpty(query.lastActivityFrom),
      lastActivityTo: dateOrEmpty(query.lastActivityTo),
      custom: customOf(query.cf ?? []),
    },
  };
}

/** Whether anything narrows the list (an empty list then means "no match", not "no leads yet"). */
export function isFiltered(filters: LeadFilters): boolean {
  return filtersToParams({ ...filters, sort: DEFAULT_SORT }).toString() !== '';
}

/** How many of the "More filters" narrow the list: a range counts once, each custom field once. */
export function moreFiltersCount(more: MoreLeadFilters): number {
  return [
    more.campaignId,
    more.ownerId,
    more.teamId,
    more.productId,
    more.scoreMin !== null || more.scoreMax !== null,
    more.createdFrom || more.createdTo,
    more.lastActivityFrom || more.lastActivityTo,
    ...customConditions(more.custom),
  ].filter(Boolean).length;
}

export type RangeEnd = 'scoreMax' | 'createdTo' | 'lastActivityTo';

/**
 * Ranges whose end comes before their start, by the end's field and with the code the server would
 * answer (`fieldErrors.*`), so the mistake shows at once under the field rather than after a request.
 */
export function rangeErrors(more: MoreLeadFilters): Partial<Record<RangeEnd, 'out_of_range' | 'date_order'>> {
  const errors: Partial<Record<RangeEnd, 'out_of_range' | 'date_order'>> = {};
  if (more.scoreMin !== null && more.scoreMax !== null && more.scoreMin > more.scoreMax)
    errors.scoreMax = 'out_of_range';
  if (more.createdFrom && more.createdTo && more.createdFrom > more.createdTo)
    errors.createdTo = 'date_order';
  if (more.lastActivityFrom && more.lastActivityTo && more.lastActivityFrom > more.lastActivityTo)
    errors.lastActivityTo = 'date_order';
  return errors;
}
