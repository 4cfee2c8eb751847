import { useCallback, useEffect, useRef, useState } from 'react';

/** What {@link useAction} gives a screen. */
export interface Action<Args extends unknown[]> {
  /** Runs the action; resolves true when it succeeded, false when it failed (the error is kept). */
  run(...args: Args): Promise<boolean>;
  busy: boolean;
  /** What the last run threw, or null. */
  error: unknown;
}

/**
 * One thing a screen does on request (send a link, save a password): `busy` while it runs, its
 * error kept for the screen to show, cleared when it runs again. State is left alone once the
 * screen has gone.
 */
export function useAction<Args extends unknown[]>(perform: (...args: Args) => Promise<unknown>): Action<Args> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mounted = useRef(true);
  const latest = useRef(perform);
  latest.current = perform;
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const run = useCallback(async (...args: Args) => {
    setBusy(true);
    setError(null);
    let succeeded = false;
    try {
      await latest.current(...args);
      succeeded = true;
    } catch (caught) {
      if (mounted.current) setError(caught);
    }
    if (mounted.current) setBusy(false);
    return succeeded;
  }, []);
  return { run, busy, error };
}
