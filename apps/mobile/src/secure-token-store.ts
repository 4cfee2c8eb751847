import * as SecureStore from 'expo-secure-store';
import type { TokenStore } from './token-store';

/** The key the session token is stored under in the device keychain / keystore. */
export const SESSION_TOKEN_KEY = 'ielts-genai-prep.session-token';

/** The part of expo-secure-store the token store uses. */
export type SecureStoreApi = Pick<typeof SecureStore, 'getItemAsync' | 'setItemAsync' | 'deleteItemAsync'>;

/** Options of {@link createSecureTokenStore}. */
export interface SecureTokenStoreOptions {
  /** The secure storage to use. Default: expo-secure-store (iOS Keychain, Android Keystore). */
  secureStore?: SecureStoreApi;
  /** The key to store the token under. Default {@link SESSION_TOKEN_KEY}. */
  key?: string;
}

/** Keeps the session token in the device's secure storage, so it survives restarts and stays out of backups. */
export function createSecureTokenStore(options: SecureTokenStoreOptions = {}): TokenStore {
  const secureStore = options.secureStore ?? SecureStore;
  const key = options.key ?? SESSION_TOKEN_KEY;
  return {
    read: () => secureStore.getItemAsync(key),
    write: (token) => secureStore.setItemAsync(key, token),
    clear: () => secureStore.deleteItemAsync(key),
  };
}
