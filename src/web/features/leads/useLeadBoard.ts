import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { LeadStage } from '../../../domain/leads/stages';
import { api, type LeadListQueryInput } from '../../lib/api';
import { LIST_KEY } from './useLeads';

/** Cards a column shows at first and adds per "Load more": a board never loads every lead. */
export const COLUMN_PAGE_SIZE = 20;

/** One board column: its own keyset pages of one stage, with the list's filters; the first page counts. */
export function useLeadColumn(stage: LeadStage, query: LeadListQueryInput) {
  return useInfiniteQuery({
    queryKey: [...LIST_KEY, 'board', stage, query],
    queryFn: ({ pageParam }) =>
      api.leads.list({
        ...query,
        stage,
        limit: COLUMN_PAGE_SIZE,
        ...(pageParam ? { cursor: pageParam } : { count: true }),
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}
