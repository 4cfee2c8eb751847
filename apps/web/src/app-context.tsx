import type { ApiClient } from '@ielts-genai-prep/api-client';
import type { PublicUser } from '@ielts-genai-prep/core';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
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

/** Asks the server who is signed in, and keeps that up to date as sessions start and end. */
export function AppProvider({ webClient, initialUser, children }: AppProviderProps) {
  const [user, setUser] = useState<SessionUser>(initialUser);

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
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

/** The app's client and session. */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp needs an AppProvider');
  return value;
}
