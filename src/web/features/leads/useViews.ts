import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type CreateViewInput } from '../../lib/api';

const VIEWS_KEY = ['views'] as const;

/** Saved views of the lead list: one's own and those shared with everyone. */
export function useViews() {
  return useQuery({ queryKey: VIEWS_KEY, queryFn: async () => (await api.views.list()).items });
}

export function useCreateView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateViewInput) => api.views.create(input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: VIEWS_KEY }),
  });
}

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.views.remove(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: VIEWS_KEY }),
  });
}
