import { currentLocale } from '../../i18n';
import { sourceName, useCampaigns, useProducts, useSources } from '../leads/useLeadOptions';
import type { ValueNames } from './rule-text';

/** Names for the sources, products and campaigns rules point at (by key or id). */
export function useValueNames(): ValueNames {
  const sources = useSources();
  const products = useProducts();
  const campaigns = useCampaigns();
  return {
    source: (key) => {
      const source = sources.data?.find((s) => s.key === key);
      return source ? sourceName(source, currentLocale()) : undefined;
    },
    product: (id) => products.data?.find((p) => p.id === id)?.name,
    campaign: (id) => campaigns.data?.find((c) => c.id === id)?.name,
  };
}
