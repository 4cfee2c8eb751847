import { useCallback, useEffect, useState, type DependencyList } from 'react';

/** What {@link useApiData} gives a screen. */
export interface ApiData<Value> {
  data: Value | undefined;
  /** The error of the last load, or null. */
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Loads data for a screen when it mounts and whenever `dependencies` change. The load gets an
 * AbortSignal that is aborted when the screen goes away, so a late answer never lands on it.
 */
export function useApiData<Value>(load: (signal: AbortSignal) => Promise<Value>, dependencies: DependencyList): ApiData<Value> {
  const [data, setData] = useState<Value | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setLoading(false);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // The caller names what the load depends on, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...dependencies, attempt]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { data, error, loading, reload };
}
