import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

/**
 * The headers of one answer, gathered before its handler runs: the security headers, the request
 * id and any cookie a handler sets. Kept as a plain record and written straight into the answer by
 * `jsonAnswer`, because @hono/node-server writes a plain record to the socket as it is, while
 * headers set with `context.header` become a `Headers` object it has to copy field by field:
 * about a fifth of a small answer's speed.
 */
export interface ResponseHeaders {
  readonly fields: Record<string, string>;
  readonly cookies: string[];
  /**
   * The last answer `jsonAnswer` built, which carries them already. Compared by identity rather
   * than kept in a WeakSet: a WeakSet entry per answer costs the garbage collector about 1 µs.
   */
  built?: Response;
}

/** Starts gathering the answer's headers with `fields`; the app's first middleware calls it. */
export function startResponseHeaders(context: Context<AppEnv>, fields: Record<string, string>): void {
  context.set('responseHeaders', { fields, cookies: [] });
}

/**
 * Adds a `Set-Cookie` to the answer. The one way a handler sets a response header: one set with
 * `context.header` would be lost from an answer built by `jsonAnswer`.
 */
export function addResponseCookie(context: Context<AppEnv>, cookie: string): void {
  context.get('responseHeaders').cookies.push(cookie);
}

/** A JSON answer with the gathered headers, `no-store`, and `extra` (such as `retry-after`). */
export function jsonAnswer(context: Context<AppEnv>, body: unknown, status: number, extra?: Record<string, string>): Response {
  const gathered = context.get('responseHeaders');
  const { fields, cookies } = gathered;
  const record = { ...fields, 'content-type': 'application/json', 'cache-control': 'no-store', ...extra };
  // Repeated Set-Cookie fields cannot go in a record: as name-value pairs they stay apart.
  const headers =
    cookies.length === 0 ? record : [...Object.entries(record), ...cookies.map((cookie) => ['set-cookie', cookie] as [string, string])];
  const response = new Response(JSON.stringify(body), { status, headers });
  gathered.built = response;
  return response;
}

/**
 * After the handler: an answer not built by `jsonAnswer` (the web app's files, the OpenAPI
 * document, a compressed list's new body) is given every gathered header it does not have yet.
 */
export function applyResponseHeaders(context: Context<AppEnv>): void {
  const { fields, cookies, built } = context.get('responseHeaders');
  if (context.res === built) return;
  const present = context.res.headers;
  for (const [name, value] of Object.entries(fields)) if (!present.has(name)) context.header(name, value);
  if (!present.has('set-cookie')) for (const cookie of cookies) context.header('set-cookie', cookie, { append: true });
}
