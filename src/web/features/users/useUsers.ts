import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type CreateUserInput, type Session, type UpdateUserInput } from '../../lib/api';
import { SESSION_KEY } from '../auth/useSession';
import { TEAMS_KEY } from '../teams/useTeams';

export const USERS_KEY = ['users'] as const;

export function useUsers() {
  return useQuery({ queryKey: USERS_KEY, queryFn: async () => (await api.users.list()).items });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.users.create(input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      // Team member counts include the new user.
      void queryClient.invalidateQueries({ queryKey: TEAMS_KEY });
    },
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateUserInput }) => api.users.update(id, input),
    onSuccess: ({ user }) => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      void queryClient.invalidateQueries({ queryKey: TEAMS_KEY });
      // An admin editing their own profile (language, zone) sees the change at once.
      const session = queryClient.getQueryData<Session | null>(SESSION_KEY);
      if (session?.user.id === user.id) void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}
