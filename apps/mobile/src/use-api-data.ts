import { useQuery, type QueryKey } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';

/** What {@link useApiData} gives a screen. */
export interface ApiData<Value> {
  data: Value | undefined;
  /** The error of the last load, or null. */
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Reads data for a screen through the app's query cache (see `query-client.ts`), under `key`: a
 * screen opened again shows what it read before while it reads afresh, the read gets an AbortSignal
 * aborted when nobody needs it any more, and the app back in the foreground reads again.
 */
export function useApiData<Value>(key: QueryKey, load: (signal: AbortSignal) => Promise<Value>): ApiData<Value> {
  const loadRef = useRef(load);
  loadRef.current = load;
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => loadRef.current(signal) });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { data: query.data, error: query.error ?? null, loading: query.isFetching && query.data === undefined, reload };
}
