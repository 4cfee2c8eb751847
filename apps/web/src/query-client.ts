import { QueryClient } from '@tanstack/react-query';

/**
 * The web app's cache of what it read from the API. The api-client already retries what is safe to
 * send again (idempotent reads, and submissions with an idempotency key) on timeouts, 429 and 5xx,
 * with backoff; retrying here too would multiply those attempts, so queries are not retried again
 * and mutations never are. A tab that comes back into focus reads afresh what it shows. Requests
 * are sent whatever `navigator.onLine` says (it is often wrong): an offline request fails with the
 * client's own error, which the page explains and offers to retry.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: true, networkMode: 'always' },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}
