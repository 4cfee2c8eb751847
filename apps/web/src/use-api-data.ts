import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';

/** The state of data loaded from the API. */
export type ApiData<Value> =
  | { status: 'loading'; data: undefined; error: undefined }
  | { status: 'ready'; data: Value; error: undefined }
  | { status: 'error'; data: undefined; error: unknown };

/** {@link ApiData}, with a way to load again and to replace the data. */
export type ApiDataResult<Value> = ApiData<Value> & {
  retry: () => void;
  setData: (value: Value) => void;
};

/**
 * Reads data from the API through the app's query cache (see `query-client.ts`), under `key`: a
 * page opened again shows what it read before while it reads afresh, a new key aborts the read
 * before it (the `signal`), and a tab back in focus reads again. Only reads go through here.
 */
export function useApiData<Value>(key: QueryKey, load: (signal: AbortSignal) => Promise<Value>): ApiDataResult<Value> {
  const queryClient = useQueryClient();
  const loadRef = useRef(load);
  loadRef.current = load;
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => loadRef.current(signal) });
  const { refetch } = query;
  const retry = useCallback(() => void refetch(), [refetch]);
  const keyRef = useRef(key);
  keyRef.current = key;
  const setData = useCallback((value: Value) => void queryClient.setQueryData<Value>(keyRef.current, value), [queryClient]);
  const state: ApiData<Value> =
    query.data !== undefined
      ? { status: 'ready', data: query.data, error: undefined }
      : query.isError
        ? { status: 'error', data: undefined, error: query.error }
        : { status: 'loading', data: undefined, error: undefined };
  return { ...state, retry, setData };
}
