import { useQuery } from '@tanstack/react-query';
import type { Locale } from '../../i18n';
import { api, type SourceDto } from '../../lib/api';
import { TEAMS_KEY } from '../teams/useTeams';

/** What a lead refers to — sources, products, campaigns, owners, teams, custom fields — for pickers and filters. */

const LONG_LIVED = 5 * 60_000;

export function useSources() {
  return useQuery({
    queryKey: ['sources'],
    queryFn: async () => (await api.sources.list()).items,
    staleTime: LONG_LIVED,
  });
}

export function useProducts() {
  return useQuery({
    queryKey: ['products'],
    queryFn: async () => (await api.products.list()).items,
    staleTime: LONG_LIVED,
  });
}

/** Campaigns running today (the first 200; the picker searches within them). */
export function useActiveCampaigns() {
  return useQuery({
    queryKey: ['campaigns', 'active'],
    queryFn: async () => (await api.campaigns.list({ active: true, limit: 200 })).items,
    staleTime: LONG_LIVED,
  });
}

/** Campaigns past and present (the first 200; the filter searches within them). */
export function useCampaigns() {
  return useQuery({
    queryKey: ['campaigns', 'all'],
    queryFn: async () => (await api.campaigns.list({ limit: 200 })).items,
    staleTime: LONG_LIVED,
  });
}

/** The people the caller may hand leads to: the owners worth filtering by. */
export function useAssignableOwners() {
  return useQuery({
    queryKey: ['users', 'assignable'],
    queryFn: async () => (await api.users.assignable()).items,
    staleTime: LONG_LIVED,
  });
}

/** The teams whose leads the caller may see, by name: all for an admin or marketing, a manager's own, none for a rep. */
export function useTeamChoices() {
  return useQuery({
    queryKey: [...TEAMS_KEY, 'choices'],
    queryFn: async () => (await api.teams.choices()).items,
    staleTime: LONG_LIVED,
  });
}

/** The lead custom fields in form order, inactive ones included (an old saved filter may name one). */
export function useLeadCustomFields() {
  return useQuery({
    queryKey: ['custom-fields', 'lead'],
    queryFn: async () => (await api.customFields.list({ entity: 'lead' })).items,
    staleTime: LONG_LIVED,
  });
}

export function sourceName(source: SourceDto, locale: Locale): string {
  return locale === 'lt' ? source.nameLt : source.nameEn;
}

/** Select options of the sources in picker order; inactive ones only when asked (filters of old leads). */
export function sourceOptions(sources: readonly SourceDto[], locale: Locale, includeInactive = false) {
  return [...sources]
    .filter((source) => includeInactive || source.active)
    .sort((a, b) => a.position - b.position)
    .map((source) => ({ value: source.id, label: sourceName(source, locale) }));
}
