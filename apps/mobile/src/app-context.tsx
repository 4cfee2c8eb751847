import type { ApiClient } from '@ielts-genai-prep/api-client';
import type { PublicUser } from '@ielts-genai-prep/core';
import { createContext, useContext } from 'react';
import type { DraftStore } from './draft-store';
import type { Navigation } from './navigation';

/** What every screen can reach. */
export interface AppContextValue {
  client: ApiClient;
  /** The signed-in learner; null on the sign-in and register screens. */
  user: PublicUser | null;
  navigation: Navigation;
  /** Where unfinished answers are kept across restarts. */
  draftStore: DraftStore;
  /** Logs in as a mobile client, stores the bearer token and opens the home screen. Rejects with the client's error. */
  signIn(email: string, password: string): Promise<void>;
  /** Ends the session on the server (when it can), forgets the token and returns to sign-in. */
  signOut(): Promise<void>;
  /** Reads the signed-in learner again (after confirming the email address, say); does nothing when signed out. */
  refreshUser(): Promise<void>;
  /**
   * Forgets the token and the learner without asking the server, which has ended the session
   * already (a password reset ends every session). Stays on the current screen.
   */
  forgetSession(): Promise<void>;
}

const AppContext = createContext<AppContextValue | null>(null);

/** Provides the app context to the screens. */
export const AppContextProvider = AppContext.Provider;

/** The app context; screens are only rendered inside it. */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp must be used inside <App>');
  return value;
}
