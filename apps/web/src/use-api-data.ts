import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

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
 * Loads data when the component mounts and whenever `dependencies` change; a newer load
 * aborts the one before it, so a slow answer never overwrites a newer one.
 */
export function useApiData<Value>(load: (signal: AbortSignal) => Promise<Value>, dependencies: DependencyList): ApiDataResult<Value> {
  const [state, setState] = useState<ApiData<Value>>({ status: 'loading', data: undefined, error: undefined });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading', data: undefined, error: undefined });
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data, error: undefined });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', data: undefined, error });
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...dependencies, attempt]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  const setData = useCallback((data: Value) => setState({ status: 'ready', data, error: undefined }), []);
  return { ...state, retry, setData };
}
