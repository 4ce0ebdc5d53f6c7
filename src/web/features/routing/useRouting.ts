import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type RoutingRuleInput, type RoutingTestInput, type SlaSettingsDto } from '../../lib/api';

export const ROUTING_KEY = ['routing'] as const;

export function useRoutingRules() {
  return useQuery({
    queryKey: [...ROUTING_KEY, 'rules'],
    queryFn: async () => (await api.routing.rules()).items,
  });
}

/** Who may get leads, with availability, capacity and load (polled: loads change as leads arrive). */
export function useRoutingPeople() {
  return useQuery({
    queryKey: [...ROUTING_KEY, 'people'],
    queryFn: async () => (await api.routing.people()).items,
    refetchInterval: 30_000,
  });
}

function useRoutingChange<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ROUTING_KEY }),
  });
}

export const useAddRoutingRule = () =>
  useRoutingChange((input: RoutingRuleInput) => api.routing.addRule(input));
export const useUpdateRoutingRule = () =>
  useRoutingChange(({ id, input }: { id: string; input: RoutingRuleInput }) =>
    api.routing.updateRule(id, input),
  );
export const useDeleteRoutingRule = () => useRoutingChange((id: string) => api.routing.deleteRule(id));
export const useRoutingTest = () =>
  useMutation({ mutationFn: (input: RoutingTestInput) => api.routing.test(input) });

const SLA_KEY = ['settings', 'sla'] as const;

/** Working time, holidays, first-response targets and whether a missed one re-routes the lead. */
export function useSlaSettings() {
  return useQuery({ queryKey: SLA_KEY, queryFn: () => api.settings.sla() });
}

export function useUpdateSlaSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SlaSettingsDto) => api.settings.updateSla(input),
    onSuccess: (settings) => queryClient.setQueryData(SLA_KEY, settings),
  });
}
