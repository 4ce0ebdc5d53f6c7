import { LEAD_STAGES, type LeadStage } from '../../../domain/leads/stages';
import { TEMPERATURES, type Temperature } from '../../../domain/leads/temperature';
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

export interface LeadFilters {
  q: string;
  stages: LeadStage[];
  temperatures: Temperature[];
  sourceId: string | null;
  tag: string;
  revisitDue: boolean;
  deleted: boolean;
  sort: LeadSort;
}

function listOf<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  return value.split(',').filter((item): item is T => (allowed as readonly string[]).includes(item));
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
  };
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
  };
}

/** Whether anything narrows the list (an empty list then means "no match", not "no leads yet"). */
export function isFiltered(filters: LeadFilters): boolean {
  return filtersToParams({ ...filters, sort: DEFAULT_SORT }).toString() !== '';
}
