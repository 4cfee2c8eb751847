/** The names this machine answers to on loopback. */
const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for `localhost`, `127.0.0.1` and `::1`. */
export function isLoopbackHostname(hostname: string): boolean {
  return LOOPBACK_HOSTNAMES.has(hostname.toLowerCase());
}

/**
 * The one origin a local server is reached at: PUBLIC_URL's, when it names this server on a
 * loopback name and the port it listens on (`http://localhost:3000` for PORT 3000). Null when
 * PUBLIC_URL is elsewhere (behind a proxy, a domain) or the port is chosen at start (PORT 0).
 */
export function canonicalLoopbackOrigin(publicUrl: string, port: number): string | null {
  if (port === 0) return null;
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    return null;
  }
  const urlPort = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return isLoopbackHostname(url.hostname) && urlPort === port ? url.origin : null;
}

/**
 * A request on another loopback name than the canonical one (`127.0.0.1:3000` for
 * `localhost:3000`) is sent there with 307 (method and body kept; not cached, so a changed
 * PUBLIC_URL takes effect at once). The session cookie belongs to one host name: without this a
 * learner signed in on one name, following an emailed link to the other, would be signed out.
 * Null for a request already on the canonical origin or not on loopback.
 */
export function canonicalRedirect(request: Request, canonicalOrigin: string): Response | null {
  const url = new URL(request.url);
  const canonical = new URL(canonicalOrigin);
  const host = request.headers.get('host');
  const hostname = host ? new URL(`http://${host}`).hostname : url.hostname;
  if (hostname.toLowerCase() === canonical.hostname.toLowerCase() || !isLoopbackHostname(hostname)) return null;
  return new Response(null, {
    status: 307,
    headers: { location: `${canonical.origin}${url.pathname}${url.search}`, 'cache-control': 'no-store' },
  });
}

/**
 * Wraps an app's `fetch` so that, when PUBLIC_URL names this server on loopback at `port`
 * ({@link canonicalLoopbackOrigin}), a request on another loopback name is redirected there
 * ({@link canonicalRedirect}). Otherwise `fetch` is returned as it is.
 */
export function withCanonicalOrigin<Rest extends unknown[]>(
  fetch: (request: Request, ...rest: Rest) => Response | Promise<Response>,
  publicUrl: string,
  port: number,
): (request: Request, ...rest: Rest) => Response | Promise<Response> {
  const canonical = canonicalLoopbackOrigin(publicUrl, port);
  if (!canonical) return fetch;
  return (request, ...rest) => canonicalRedirect(request, canonical) ?? fetch(request, ...rest);
}
