import { useQuery } from '@tanstack/react-query';
import type { Locale } from '../../i18n';
import { api, type SourceDto } from '../../lib/api';

/** What a lead refers to — sources, products, campaigns — for pickers and for showing names. */

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
