import { registerRootComponent } from 'expo';
import Constants from 'expo-constants';
import { Platform } from 'react-native';
import { App } from './src/app';
import { resolveApiUrl } from './src/config';
import { createFileDraftStore, createStorageDraftStore } from './src/draft-store';
import { createMobileClient } from './src/mobile-client';
import { createSecureTokenStore } from './src/secure-token-store';
import { createMemoryTokenStore } from './src/token-store';

// The web build has no device keychain: it keeps the token in memory (a reload signs out).
const tokenStore = Platform.OS === 'web' ? createMemoryTokenStore() : createSecureTokenStore();

const mobileClient = createMobileClient({
  // Expo inlines EXPO_PUBLIC_* variables when bundling; this must stay a literal property access.
  baseUrl: resolveApiUrl({ environment: process.env.EXPO_PUBLIC_API_URL, extra: Constants.expoConfig?.extra }),
  tokenStore,
});

// Drafts as files on a device; the web build has no files, so localStorage there.
const draftStore = Platform.OS === 'web' ? createStorageDraftStore(globalThis.localStorage ?? null) : createFileDraftStore();

function Root() {
  return <App mobileClient={mobileClient} draftStore={draftStore} />;
}

registerRootComponent(Root);
