import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CreateActivityInput } from '../../lib/api';
import { LEADS_KEY, leadKey, timelineKey } from './useLeads';

/** A lead's timeline, newest first, one keyset page at a time. */
export function useTimeline(leadId: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: timelineKey(leadId),
    queryFn: ({ pageParam }) => api.activities.list(leadId, pageParam ?? undefined),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

/** Logged activities move the lead's "last activity", so the lead and the lists refresh too. */
function useActivityChanged(leadId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: leadKey(leadId) });
    void queryClient.invalidateQueries({ queryKey: [...LEADS_KEY, 'list'] });
  };
}

export function useAddActivity(leadId: string) {
  const changed = useActivityChanged(leadId);
  return useMutation({
    mutationFn: (input: CreateActivityInput) => api.activities.create(leadId, input),
    onSuccess: changed,
  });
}

export function useSetTaskDone(leadId: string) {
  const changed = useActivityChanged(leadId);
  return useMutation({
    mutationFn: ({ activityId, done }: { activityId: string; done: boolean }) =>
      api.activities.setDone(leadId, activityId, done),
    onSuccess: changed,
  });
}
