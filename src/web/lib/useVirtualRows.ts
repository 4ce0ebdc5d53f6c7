import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';

/** The paging state of an infinite query, as far as the rows on screen need it. */
export interface RowPaging {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  /** The last page failed: it is not asked for again by scrolling, only by the visible "load more". */
  isFetchNextPageError: boolean;
  fetchNextPage: () => unknown;
}

interface VirtualRowsOptions {
  /** Rows loaded so far. */
  count: number;
  paging: RowPaging;
  /** A row's height before it is measured, in pixels. */
  estimateSize: number;
  /** A row's identity, so a measured height stays with its row when rows above it come or go. */
  getKey?: (index: number) => string | number;
  /** Rows rendered beyond each edge of the visible ones; keeps Tab moving and hides blank edges while scrolling. */
  overscan?: number;
}

/**
 * Only the rows in sight of a scrolling element (plus `overscan`) are rendered; the others are stood in
 * for by `paddingTop` and `paddingBottom` pixels. When the rendered rows reach the last one loaded, the
 * next page is fetched. Heights are measured: pass `measure` as the ref of each row with `data-index`.
 */
export function useVirtualRows<TScroll extends HTMLElement, TRow extends HTMLElement>({
  count,
  paging,
  estimateSize,
  getKey,
  overscan = 10,
}: VirtualRowsOptions) {
  const scrollRef = useRef<TScroll>(null);
  const virtualizer = useVirtualizer<TScroll, TRow>({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    ...(getKey ? { getItemKey: getKey } : {}),
    overscan,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);

  const atEnd = last !== undefined && last.index >= count - 1;
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = paging;
  useEffect(() => {
    // why: after a failed page the user retries with the button; retrying on every scroll would loop.
    if (atEnd && hasNextPage && !isFetchingNextPage && !isFetchNextPageError) void fetchNextPage();
  }, [atEnd, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  return {
    scrollRef,
    items,
    measure: virtualizer.measureElement,
    paddingTop: first ? first.start : 0,
    paddingBottom: last ? virtualizer.getTotalSize() - last.end : 0,
  };
}
