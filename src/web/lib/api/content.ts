import type {
  ContentItemDto,
  CreateContentInput,
  CreateLinkInput,
  EngagementDto,
  TrackedLinkDto,
  UpdateContentInput,
} from '../../../server/modules/engagement/engagement.schemas';
import { id, type Page, request, withQuery } from './client';

/**
 * Engagement tracking: content items (blog posts, infographics, images, videos, social posts), the
 * tracked links shared for them, and what people did with them. Marketers and admins change content
 * and read its engagement; the server refuses everyone else.
 */

export type {
  ContentItemDto,
  CreateContentInput,
  CreateLinkInput,
  EngagementDto,
  TrackedLinkDto,
  UpdateContentInput,
};
export type ContentKind = ContentItemDto['kind'];
export type EngagementKind = EngagementDto['kind'];

// Envelopes are declared here: TypeBox `Type.Ref` fields infer loosely on the server side.
/** One content item with its tracked links, newest first. */
export interface ContentDetailDto extends ContentItemDto {
  links: TrackedLinkDto[];
}
/** The latest engagement with a content item, newest first, and all of it counted per kind. */
export interface ContentEngagementsDto {
  counts: Record<EngagementKind, number>;
  items: EngagementDto[];
}

export interface ContentListQuery {
  limit?: number | undefined;
  /** `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

export const contentApi = {
  /** Content items, newest first, one keyset page at a time. */
  list: (query: ContentListQuery) =>
    request<Page<ContentItemDto>>('GET', withQuery('/content', { ...query })),
  get: (contentId: string) => request<ContentDetailDto>('GET', `/content/${id(contentId)}`),
  create: (input: CreateContentInput) => request<ContentItemDto>('POST', '/content', input),
  update: (contentId: string, input: UpdateContentInput) =>
    request<ContentItemDto>('PATCH', `/content/${id(contentId)}`, input),
  /** A tracked link (`<app>/t/{token}`); its target defaults to the content's URL, its channel to the content's. */
  createLink: (contentId: string, input: CreateLinkInput) =>
    request<TrackedLinkDto>('POST', `/content/${id(contentId)}/links`, input),
  engagements: (contentId: string, limit?: number) =>
    request<ContentEngagementsDto>('GET', withQuery(`/content/${id(contentId)}/engagements`, { limit })),
};
