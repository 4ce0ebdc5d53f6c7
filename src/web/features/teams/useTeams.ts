import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type CreateTeamInput, type UpdateTeamInput } from '../../lib/api';

export const TEAMS_KEY = ['teams'] as const;

export function useTeams() {
  return useQuery({ queryKey: TEAMS_KEY, queryFn: async () => (await api.teams.list()).items });
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTeamInput) => api.teams.create(input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TEAMS_KEY }),
  });
}

export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateTeamInput }) => api.teams.update(id, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TEAMS_KEY }),
  });
}
