import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';

/** Methods a cross-origin caller may use (every method of core's contract). */
export const CORS_ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** Request headers a cross-origin caller may send. */
export const CORS_ALLOWED_HEADERS = ['content-type', 'authorization', 'x-request-id'];
/** Response headers a cross-origin caller may read: the api-client reads both. */
export const CORS_EXPOSED_HEADERS = ['x-request-id', 'retry-after'];
/** How long a browser may cache a preflight answer, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600;

/**
 * The CORS headers for a request from `origin`, or undefined when the origin is not allowed (then
 * no CORS header at all, so a browser keeps the response from the page). Pure.
 */
export function corsHeaders(
  allowedOrigins: readonly string[],
  origin: string | undefined,
  preflight: boolean,
): Record<string, string> | undefined {
  if (origin === undefined || !allowedOrigins.includes(origin)) return undefined;
  const headers: Record<string, string> = {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
  };
  if (preflight) {
    headers['access-control-allow-methods'] = CORS_ALLOWED_METHODS.join(', ');
    headers['access-control-allow-headers'] = CORS_ALLOWED_HEADERS.join(', ');
    headers['access-control-max-age'] = String(CORS_MAX_AGE_SECONDS);
  } else {
    headers['access-control-expose-headers'] = CORS_EXPOSED_HEADERS.join(', ');
  }
  return headers;
}

/**
 * CORS for a fixed list of web origins, credentials included, for those origins only. With an
 * empty list it does nothing: the API is then same-origin only. A preflight from another origin
 * is refused with a 403; its other requests are served without CORS headers (browsers send
 * `Origin` on same-origin POSTs too, so they cannot be refused by it).
 */
export function corsPolicy(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  return async (context, next) => {
    if (allowedOrigins.length === 0) return next();
    const origin = context.req.header('origin');
    const preflight = context.req.method === 'OPTIONS' && context.req.header('access-control-request-method') !== undefined;
    const headers = corsHeaders(allowedOrigins, origin, preflight);
    if (preflight) {
      if (!headers) {
        return context.json(
          { error: { code: 'forbidden' as const, message: `Origin ${origin ?? '(none)'} may not call this API`, details: [] } },
          403,
          { vary: 'Origin' },
        );
      }
      return context.body(null, 204, { ...headers, vary: 'Origin' });
    }
    await next();
    // The answer depends on Origin: shared caches must keep one copy per origin.
    context.header('vary', 'Origin', { append: true });
    for (const [name, value] of Object.entries(headers ?? {})) context.header(name, value);
  };
}
