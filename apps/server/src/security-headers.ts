import type { ServerConfig } from './config.js';

/**
 * What the web app may load: its own scripts, styles and API, its recordings (blob URLs), a
 * listening section's recording from any HTTPS host (`audio_url`), and nothing framed or framing.
 * The built app has no inline script or style, so nothing here needs 'unsafe-inline'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The security headers of every answer. Gathered by the app's first middleware before the handler
 * runs and written into the answer with it (response-headers.ts), not added afterwards as
 * `hono/secure-headers` does: a header added to a finished response makes @hono/node-server
 * build a new Response, a third of a small answer's speed. HSTS only in
 * production, where the server is reached over HTTPS; a local http:// start must not pin it.
 */
export function securityHeaders(config: Pick<ServerConfig, 'environment'>): ReadonlyArray<readonly [string, string]> {
  return [
    ['x-content-type-options', 'nosniff'],
    // Emailed links carry tokens in the query string: never leak them through Referer.
    ['referrer-policy', 'no-referrer'],
    ['x-frame-options', 'DENY'],
    ['content-security-policy', CONTENT_SECURITY_POLICY],
    ['cross-origin-opener-policy', 'same-origin'],
    ...(config.environment === 'production' ? ([['strict-transport-security', 'max-age=31536000; includeSubDomains']] as const) : []),
  ];
}
