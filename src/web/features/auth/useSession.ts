import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { currentLocale, setLocale } from '../../i18n';
import {
  api,
  type ChangePasswordInput,
  type LoginInput,
  type Session,
  type UpdateMeInput,
  type UserDto,
} from '../../lib/api';
import { setDisplayTimeZone } from '../../lib/format';

export const SESSION_KEY = ['session'] as const;

/**
 * True after the user logged out on purpose. The login page then starts fresh instead of returning
 * to the page the previous user was on (which the next user may not be allowed to see).
 */
let loggedOutOnPurpose = false;
export const wasLoggedOutOnPurpose = () => loggedOutOnPurpose;

/** Makes the UI speak the user's language and show times in the user's zone. */
async function applyUserPreferences(user: UserDto): Promise<void> {
  setDisplayTimeZone(user.timeZone);
  // A user who never chose keeps the browser's language (the server adopts it at first sign-in).
  if (user.locale) await setLocale(user.locale);
}

/** Forgets the session and every cached record, e.g. after logout or when the server says 401. */
export function clearSession(queryClient: QueryClient): void {
  queryClient.setQueryData<Session | null>(SESSION_KEY, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  setDisplayTimeZone(undefined);
}

/** The signed-in user, `null` when nobody is signed in, `undefined` while still asking the server. */
export function useSession() {
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const session = await api.auth.me();
      if (session) await applyUserPreferences(session.user);
      return session;
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return { ...query, user: query.data?.user ?? (query.data === null ? null : undefined) };
}

/** The signed-in user, for components rendered only inside the authenticated shell. */
export function useCurrentUser(): UserDto {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser is used outside an authenticated route');
  return user;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    // The language shown on the sign-in page becomes the user's, unless they already chose one.
    mutationFn: (input: LoginInput) => api.auth.login({ ...input, locale: currentLocale() }),
    onSuccess: async (session) => {
      loggedOutOnPurpose = false;
      await applyUserPreferences(session.user);
      queryClient.setQueryData<Session | null>(SESSION_KEY, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.auth.logout(),
    // why: whether or not the server still knew the session, this browser must forget it.
    onSettled: () => {
      loggedOutOnPurpose = true;
      clearSession(queryClient);
    },
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMeInput) => api.auth.updateMe(input),
    onSuccess: async ({ user }) => {
      await applyUserPreferences(user);
      queryClient.setQueryData<Session | null>(SESSION_KEY, (old) => (old ? { ...old, user } : old));
    },
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: (input: ChangePasswordInput) => api.auth.changePassword(input) });
}
