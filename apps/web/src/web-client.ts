import { createApiClient, type ApiClient, type ApiError } from '@ielts-genai-prep/api-client';

/** The API client of the web app, and a way to hear about ended sessions. */
export interface WebClient {
  client: ApiClient;
  /** Calls `listener` whenever an endpoint that needs a user answers 401; returns the unsubscribe. */
  onUnauthorized(listener: (error: ApiError) => void): () => void;
}

/** Options for {@link createWebClient}. */
export interface WebClientOptions {
  /** Where the API lives. The reference server serves this app on the API's own origin. */
  baseUrl: string;
  /** The fetch to use. Default: the browser's. */
  fetch?: (input: Request, init?: RequestInit) => Promise<Response>;
}

/**
 * Builds the client the app uses: cookie sessions (the server sets an HttpOnly cookie), and a
 * 401 from any signed-in endpoint fanned out to listeners, so the session state can forget the user.
 */
export function createWebClient(options: WebClientOptions): WebClient {
  const listeners = new Set<(error: ApiError) => void>();
  const client = createApiClient({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // Scoring an essay can take a while when a model is involved.
    timeout: 90_000,
    onUnauthorized: (error) => {
      for (const listener of listeners) listener(error);
    },
  });
  return {
    client,
    onUnauthorized(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
