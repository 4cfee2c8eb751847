/**
 * How both apps' react-query caches treat the API (passed as `new QueryClient({ defaultOptions })`).
 * The api-client already retries what is safe to send again (idempotent reads, and submissions with
 * an idempotency key) on timeouts, 429 and 5xx, with backoff; retrying here too would multiply those
 * attempts, so queries are not retried again and mutations never are. What a screen shows is read
 * afresh when the app or tab comes back into view. Requests go out whatever the platform says about
 * the network (`navigator.onLine` is often wrong): an offline request fails with the client's own
 * error, which the screen explains and offers to retry.
 */
export const queryDefaults = {
  queries: { retry: false, refetchOnWindowFocus: true, networkMode: 'always' },
  mutations: { retry: false, networkMode: 'always' },
} as const;
