import type { ResponseHeaders } from './response-headers.js';

/** The Hono environment of the app: a request id per request, and the headers its answer will carry. */
export interface AppEnv {
  Variables: { requestId: string; responseHeaders: ResponseHeaders };
}
