import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { mayManageMarketing } from '../../lib/access';
import {
  api,
  type ContentDetailDto,
  type ContentItemDto,
  type CreateContentInput,
  type CreateLinkInput,
  type UpdateContentInput,
} from '../../lib/api';
import { useCurrentUser } from '../auth/useSession';

/** Tracked content, its links and its engagement. A change refreshes the list; a new link joins the item's. */

export const CONTENT_KEY = ['content'] as const;
const listKey = [...CONTENT_KEY, 'list'] as const;
const contentKey = (contentId: string) => [...CONTENT_KEY, 'one', contentId] as const;
const engagementsKey = (contentId: string) => [...CONTENT_KEY, 'engagements', contentId] as const;
const PAGE_SIZE = 50;
const LATEST_ENGAGEMENTS = 50;
/** How often an open content item looks for new engagement: people click and like at any time. */
const ENGAGEMENTS_REFRESH_MS = 15_000;

export function useMayManageContent(): boolean {
  return mayManageMarketing(useCurrentUser());
}

/** Content items, newest first, one keyset page at a time. */
export function useContentList() {
  return useInfiniteQuery({
    queryKey: listKey,
    queryFn: ({ pageParam }) => api.content.list({ limit: PAGE_SIZE, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useContentItem(contentId: string) {
  return useQuery({ queryKey: contentKey(contentId), queryFn: () => api.content.get(contentId) });
}

function useSaved() {
  const queryClient = useQueryClient();
  return (item: ContentItemDto) => {
    // why merge: a save answers the item alone; the links it already has stay (a new one has none yet).
    queryClient.setQueryData<ContentDetailDto>(contentKey(item.id), (old) => ({
      links: [],
      ...old,
      ...item,
    }));
    void queryClient.invalidateQueries({ queryKey: listKey });
  };
}

export function useCreateContent() {
  const saved = useSaved();
  return useMutation({
    mutationFn: (input: CreateContentInput) => api.content.create(input),
    onSuccess: saved,
  });
}

export function useUpdateContent(contentId: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (input: UpdateContentInput) => api.content.update(contentId, input),
    onSuccess: saved,
  });
}

/** Makes a tracked link; it is put first among the item's links (they are newest first). */
export function useCreateLink(contentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateLinkInput) => api.content.createLink(contentId, input),
    onSuccess: (link) => {
      queryClient.setQueryData<ContentDetailDto>(contentKey(contentId), (old) =>
        old ? { ...old, links: [link, ...old.links] } : undefined,
      );
    },
  });
}

/** The latest engagement with a content item and its counts per kind, looked up again now and then. */
export function useContentEngagements(contentId: string) {
  return useQuery({
    queryKey: engagementsKey(contentId),
    queryFn: () => api.content.engagements(contentId, LATEST_ENGAGEMENTS),
    refetchInterval: ENGAGEMENTS_REFRESH_MS,
  });
}
