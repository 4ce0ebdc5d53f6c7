import type {
  CampaignDto,
  CampaignListQueryInput,
} from '../../../server/modules/campaigns/campaigns.schemas';
import type {
  CreateProductInput,
  ProductDto,
  UpdateProductInput,
} from '../../../server/modules/catalogue/catalogue.schemas';
import type { SourceDto } from '../../../server/modules/sources/sources.schemas';
import { type ItemList, id, type Page, request, withQuery } from './client';

/** What leads refer to: the catalogue of products (admins change it), sources and campaigns. */

export type { CampaignDto, CreateProductInput, ProductDto, SourceDto, UpdateProductInput };

export const productsApi = {
  list: () => request<ItemList<ProductDto>>('GET', '/products'),
  create: (input: CreateProductInput) => request<ProductDto>('POST', '/products', input),
  update: (productId: string, input: UpdateProductInput) =>
    request<ProductDto>('PATCH', `/products/${id(productId)}`, input),
};

export const sourcesApi = {
  list: () => request<ItemList<SourceDto>>('GET', '/sources'),
};

export const campaignsApi = {
  list: (query: CampaignListQueryInput) =>
    request<Page<CampaignDto>>('GET', withQuery('/campaigns', { ...query })),
};
