import { createApiClient, type ApiClient, type ApiError, type RetryOptions } from '@ielts-genai-prep/api-client';
import type { TokenStore } from './token-store';

/** The API client of the app, its token store, and a way to hear about ended sessions. */
export interface MobileClient {
  client: ApiClient;
  tokenStore: TokenStore;
  /** Calls `listener` whenever an endpoint that needs a user answers 401; returns the unsubscribe. */
  onUnauthorized(listener: (error: ApiError) => void): () => void;
}

/** Options of {@link createMobileClient}. */
export interface MobileClientOptions {
  /** Where the API lives (see `resolveApiUrl`). */
  baseUrl: string;
  /** Where the bearer token is kept: secure storage on a device, memory in tests. */
  tokenStore: TokenStore;
  /** The fetch to use. Default: the platform's. */
  fetch?: (input: Request, init?: RequestInit) => Promise<Response>;
  /** Milliseconds to wait for each attempt. Default 90000: scoring an essay with a model can take a while. */
  timeout?: number;
  /** Retries of idempotent calls; see the api-client. Default: the api-client's. */
  retry?: RetryOptions | number | false;
}

/**
 * Builds the client the app uses: bearer-token sessions (the token comes from `auth.login` with
 * `client: 'mobile'` and is read from the token store on every call), and a 401 from any signed-in
 * endpoint clears the stored token and is fanned out to listeners, so the app can go back to sign-in.
 */
export function createMobileClient(options: MobileClientOptions): MobileClient {
  const listeners = new Set<(error: ApiError) => void>();
  const { tokenStore } = options;
  const client = createApiClient({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    timeout: options.timeout ?? 90_000,
    // The bearer token is the session; cookies from the native cookie jar would only confuse the server.
    credentials: 'omit',
    getToken: () => tokenStore.read(),
    onUnauthorized: async (error) => {
      await tokenStore.clear();
      for (const listener of listeners) listener(error);
    },
  });
  return {
    client,
    tokenStore,
    onUnauthorized(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
