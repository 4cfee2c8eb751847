import type { ApiClient } from '@ielts-genai-prep/api-client';
import type { PublicUser } from '@ielts-genai-prep/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createQueryClient } from './query-client.js';
import type { WebClient } from './web-client.js';

/** Who is signed in: `undefined` while the app is still asking the server. */
export type SessionUser = PublicUser | null | undefined;

/** What every page can reach: the API client and the session. */
export interface AppContextValue {
  client: ApiClient;
  user: SessionUser;
  /** Remember the user `auth.login` returned. */
  signedIn: (user: PublicUser) => void;
  /** Forget the user (after sign-out or a 401). */
  signedOut: () => void;
}

const AppContext = createContext<AppContextValue | null>(null);

/** Props of {@link AppProvider}. */
export interface AppProviderProps {
  webClient: WebClient;
  /** Skips asking `auth.me` at start (tests that render signed-out pages). */
  initialUser?: SessionUser;
  children: ReactNode;
}

/**
 * Asks the server who is signed in, and keeps that up to date as sessions start and end; holds the
 * query cache the pages read the API through, emptied when the learner signs out.
 */
export function AppProvider({ webClient, initialUser, children }: AppProviderProps) {
  const [user, setUser] = useState<SessionUser>(initialUser);
  const [queryClient] = useState(createQueryClient);
  // One learner's results must never show to the next one on this browser: the cache is emptied when
  // a signed-in learner signs out (not before anyone signed in, which would drop the first reads).
  const previousUser = useRef<SessionUser>(initialUser);
  useEffect(() => {
    if (previousUser.current && user === null) queryClient.clear();
    previousUser.current = user;
  }, [user, queryClient]);

  useEffect(() => webClient.onUnauthorized(() => setUser(null)), [webClient]);

  useEffect(() => {
    if (initialUser !== undefined) return;
    const controller = new AbortController();
    // auth.session answers 200 with null for a signed-out visitor, where auth.me answers 401, which
    // the browser would log as a console error on every signed-out page load.
    webClient.client.auth.session({ signal: controller.signal }).then(
      (result) => setUser(result.user),
      () => {
        // Network trouble: treated as signed out; the sign-in page explains the rest.
        if (!controller.signal.aborted) setUser(null);
      },
    );
    return () => controller.abort();
  }, [webClient, initialUser]);

  const value = useMemo<AppContextValue>(
    () => ({ client: webClient.client, user, signedIn: setUser, signedOut: () => setUser(null) }),
    [webClient, user],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <AppContext.Provider value={value}>{children}</AppContext.Provider>
    </QueryClientProvider>
  );
}

/** The app's client and session. */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp needs an AppProvider');
  return value;
}
