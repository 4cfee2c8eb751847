import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';

/** A page as the API returns it. */
export interface Page<Item> {
  items: Item[];
  next_cursor: string | null;
}

/** What {@link usePagedList} gives a screen. */
export interface PagedList<Item> {
  items: Item[];
  /** More items exist: show "Load more". */
  hasMore: boolean;
  /** The first page is loading. */
  loading: boolean;
  loadingMore: boolean;
  /** The error of the last load (first page or more), or null. */
  error: unknown;
  loadMore(): void;
  /** Starts again from the first page. */
  reload(): void;
}

/**
 * A list read page by page through the API's cursors, on the app's query cache under `key`: the
 * first page on mount, the next one on `loadMore()`. Items already shown stay when loading more fails.
 */
export function usePagedList<Item>(
  key: QueryKey,
  loadPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<Item>>,
): PagedList<Item> {
  const loadPageRef = useRef(loadPage);
  loadPageRef.current = loadPage;
  const list = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => loadPageRef.current(pageParam ?? undefined, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
  });
  const items = useMemo(() => (list.data?.pages ?? []).flatMap((page) => page.items), [list.data]);
  const { fetchNextPage, hasNextPage, isFetchingNextPage, refetch } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [fetchNextPage, hasNextPage, isFetchingNextPage]);
  const reload = useCallback(() => void refetch(), [refetch]);
  return {
    items,
    hasMore: hasNextPage,
    loading: list.isFetching && list.data === undefined,
    loadingMore: isFetchingNextPage,
    error: list.error ?? null,
    loadMore,
    reload,
  };
}
