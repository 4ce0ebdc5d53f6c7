import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { mayManageMarketing } from '../../lib/access';
import {
  api,
  type CreateIntegrationInput,
  type IntegrationDto,
  type UpdateIntegrationInput,
  type WebhookEventStatus,
} from '../../lib/api';
import { useCurrentUser } from '../auth/useSession';

/** Inbound webhooks and the events they received. A new event changes the counts, so lists refresh together. */

export const INTEGRATIONS_KEY = ['integrations'] as const;
const listKey = [...INTEGRATIONS_KEY, 'list'] as const;
const integrationKey = (integrationId: string) => [...INTEGRATIONS_KEY, 'one', integrationId] as const;
const eventsKey = (integrationId: string) => [...INTEGRATIONS_KEY, 'events', integrationId] as const;
const PAGE_SIZE = 25;
/** How often an open events list looks for new events: senders post at any time. */
const EVENTS_REFRESH_MS = 5_000;

export function useMayManageIntegrations(): boolean {
  return mayManageMarketing(useCurrentUser());
}

export function useIntegrations() {
  return useQuery({
    queryKey: listKey,
    queryFn: async () => (await api.integrations.list()).items,
  });
}

export function useIntegration(integrationId: string | undefined) {
  return useQuery({
    queryKey: integrationKey(integrationId ?? ''),
    queryFn: () => api.integrations.get(integrationId ?? ''),
    enabled: integrationId !== undefined,
  });
}

function useSaved() {
  const queryClient = useQueryClient();
  return (integration: IntegrationDto) => {
    queryClient.setQueryData(integrationKey(integration.id), integration);
    void queryClient.invalidateQueries({ queryKey: listKey });
  };
}

/** Creates an integration; the answer carries its secret, which is never stored in the query cache. */
export function useCreateIntegration() {
  const saved = useSaved();
  return useMutation({
    mutationFn: (input: CreateIntegrationInput) => api.integrations.create(input),
    onSuccess: ({ secret: _secret, ...integration }) => saved(integration),
  });
}

export function useUpdateIntegration(integrationId: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (input: UpdateIntegrationInput) => api.integrations.update(integrationId, input),
    onSuccess: saved,
  });
}

export function useRotateSecret(integrationId: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: () => api.integrations.rotateSecret(integrationId),
    onSuccess: ({ secret: _secret, ...integration }) => saved(integration),
  });
}

/** An integration's events, newest first, one keyset page at a time; `status` narrows them. */
export function useWebhookEvents(integrationId: string, status?: WebhookEventStatus) {
  return useInfiniteQuery({
    queryKey: [...eventsKey(integrationId), status ?? 'all'],
    queryFn: ({ pageParam }) =>
      api.integrations.events(integrationId, { status, limit: PAGE_SIZE, before: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: EVENTS_REFRESH_MS,
  });
}
