import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type RuleInput, type ScoreInput } from '../../lib/api';
import { LEADS_KEY } from '../leads/useLeads';

export const SCORING_KEY = ['scoring'] as const;

/** Every score with its rules; polled while a rescore runs, so its progress bar moves. */
export function useScoringSettings() {
  return useQuery({
    queryKey: SCORING_KEY,
    queryFn: () => api.scoring.settings(),
    refetchInterval: (query) => (query.state.data?.rescore?.status === 'running' ? 1_000 : false),
  });
}

/** A lead's scores with their "why" (refreshed with the lead: `LEADS_KEY` covers it). */
export function useLeadScore(leadId: string) {
  return useQuery({
    queryKey: [...LEADS_KEY, leadId, 'score'],
    queryFn: () => api.scoring.leadScore(leadId),
  });
}

/** Rule and score changes rescore every lead: the settings and every lead view refresh. */
function useScoringChange<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: SCORING_KEY });
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
    },
  });
}

export const useAddRule = () => useScoringChange((input: RuleInput) => api.scoring.addRule(input));
export const useUpdateRule = () =>
  useScoringChange(({ id, input }: { id: string; input: RuleInput }) => api.scoring.updateRule(id, input));
export const useDeleteRule = () => useScoringChange((id: string) => api.scoring.deleteRule(id));
export const useAddScore = () => useScoringChange((input: ScoreInput) => api.scoring.addScore(input));
export const useUpdateScore = () =>
  useScoringChange(({ id, input }: { id: string; input: ScoreInput }) => api.scoring.updateScore(id, input));
