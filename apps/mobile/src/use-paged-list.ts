import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

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
 * A list read page by page through the API's cursors: the first page on mount, the next one on
 * `loadMore()`. Items already shown stay when loading more fails.
 */
export function usePagedList<Item>(
  loadPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<Item>>,
  dependencies: DependencyList,
): PagedList<Item> {
  const [items, setItems] = useState<Item[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  // One controller for whatever load is running, aborted when the list starts over or unmounts.
  const controllerRef = useRef<AbortController | null>(null);
  const loadPageRef = useRef(loadPage);
  loadPageRef.current = loadPage;

  useEffect(() => {
    const controller = new AbortController();
    controllerRef.current = controller;
    setLoading(true);
    setError(null);
    setItems([]);
    setCursor(null);
    loadPageRef.current(undefined, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems(page.items);
        setCursor(page.next_cursor);
        setLoading(false);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...dependencies, attempt]);

  const loadMore = useCallback(() => {
    const controller = controllerRef.current;
    if (!cursor || loadingMore || !controller) return;
    setLoadingMore(true);
    setError(null);
    loadPageRef.current(cursor, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems((shown) => [...shown, ...page.items]);
        setCursor(page.next_cursor);
        setLoadingMore(false);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught);
        setLoadingMore(false);
      },
    );
  }, [cursor, loadingMore]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { items, hasMore: cursor !== null, loading, loadingMore, error, loadMore, reload };
}
