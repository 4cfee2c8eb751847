/** The Hono environment of the app: a request id per request. */
export interface AppEnv {
  Variables: { requestId: string };
}
