import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  api,
  type CreateLeadInput,
  type Lead,
  type LeadListQueryInput,
  type StageInput,
  type UpdateLeadInput,
} from '../../lib/api';

export const LEADS_KEY = ['leads'] as const;
/** Every list of leads (the table's pages, the board's columns): refreshed after any change of a lead. */
export const LIST_KEY = [...LEADS_KEY, 'list'] as const;
export const leadKey = (id: string) => [...LEADS_KEY, 'detail', id] as const;
export const timelineKey = (id: string) => [...leadKey(id), 'timeline'] as const;
export const historyKey = (id: string) => [...leadKey(id), 'history'] as const;

const PAGE_SIZE = 50;

/** One keyset page after another; only the first asks for the (capped) count. */
export function useLeadList(query: LeadListQueryInput) {
  return useInfiniteQuery({
    queryKey: [...LIST_KEY, query],
    queryFn: ({ pageParam }) =>
      api.leads.list({
        ...query,
        limit: PAGE_SIZE,
        ...(pageParam ? { cursor: pageParam } : { count: true }),
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // why: while a new filter loads, the old rows stay instead of the table collapsing to a spinner.
    placeholderData: keepPreviousData,
  });
}

export function useLead(id: string) {
  return useQuery({ queryKey: leadKey(id), queryFn: () => api.leads.get(id) });
}

/** Where a lead came from (its touches). */
export function useLeadAttribution(id: string) {
  return useQuery({ queryKey: [...leadKey(id), 'attribution'], queryFn: () => api.leads.attribution(id) });
}

/** A lead's stage, owner and temperature changes, oldest first. */
export function useLeadHistory(id: string) {
  return useQuery({ queryKey: historyKey(id), queryFn: async () => (await api.leads.history(id)).items });
}

/**
 * After a change the server answered with the lead: show it, refresh lists, its history (kept for
 * binned leads too) and, unless binned, its timeline.
 */
function useLeadChanged() {
  const queryClient = useQueryClient();
  return (lead: Lead) => {
    queryClient.setQueryData(leadKey(lead.id), lead);
    void queryClient.invalidateQueries({ queryKey: LIST_KEY });
    void queryClient.invalidateQueries({ queryKey: historyKey(lead.id) });
    // A binned lead answers 404, so its timeline is not asked for again.
    if (!lead.deletedAt) void queryClient.invalidateQueries({ queryKey: timelineKey(lead.id) });
  };
}

export function useCreateLead() {
  const changed = useLeadChanged();
  return useMutation({ mutationFn: (input: CreateLeadInput) => api.leads.create(input), onSuccess: changed });
}

export function useUpdateLead(id: string) {
  const changed = useLeadChanged();
  return useMutation({
    mutationFn: (input: UpdateLeadInput) => api.leads.update(id, input),
    onSuccess: changed,
  });
}

export function useChangeStage(id: string) {
  const changed = useLeadChanged();
  return useMutation({
    mutationFn: (input: StageInput) => api.leads.changeStage(id, input),
    onSuccess: changed,
  });
}

/** A stage change of whichever lead (the board's cards); lists refresh once the server said yes. */
export function useMoveLead() {
  const changed = useLeadChanged();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: StageInput }) => api.leads.changeStage(id, input),
    onSuccess: changed,
  });
}

export function useMoveToBin() {
  const changed = useLeadChanged();
  return useMutation({ mutationFn: (id: string) => api.leads.remove(id), onSuccess: changed });
}

export function useRestoreLead() {
  const changed = useLeadChanged();
  return useMutation({ mutationFn: (id: string) => api.leads.restore(id), onSuccess: changed });
}
