// A stand-in for the API at the wire level, for component tests: the app's real client sends
// real requests through `fetch`, and each route's handler answers as the server would.
import { createWebClient, type WebClient } from './web-client.js';

/** A request the fake API received, with its JSON body. */
export interface ReceivedRequest {
  method: string;
  path: string;
  /** The query string's parameters (`cursor`, `limit`). */
  query: Record<string, string>;
  body: unknown;
}

/** What a handler answers: a status and a JSON body. */
export interface FakeResponse {
  status?: number;
  body: unknown;
}

/** Handlers by `METHOD /path` (the exact path, query excluded). */
export type FakeRoutes = Record<string, (request: ReceivedRequest) => FakeResponse | Promise<FakeResponse>>;

/** A web client whose requests go to `routes`; unknown routes answer 404. */
export function fakeApi(routes: FakeRoutes): { webClient: WebClient; requests: ReceivedRequest[] } {
  const requests: ReceivedRequest[] = [];
  const webClient = createWebClient({
    baseUrl: 'http://api.test',
    fetch: async (request) => {
      const url = new URL(request.url);
      const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
      const received = {
        method: request.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: text ? (JSON.parse(text) as unknown) : undefined,
      };
      requests.push(received);
      const handler = routes[`${request.method} ${url.pathname}`];
      const answer = handler
        ? await handler(received)
        : { status: 404, body: { error: { code: 'not_found', message: `no ${url.pathname}`, details: [] } } };
      return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { 'content-type': 'application/json' } });
    },
  });
  return { webClient, requests };
}

/** The error envelope the server sends. */
export function errorBody(code: string, message: string): { error: { code: string; message: string; details: [] } } {
  return { error: { code, message, details: [] } };
}
