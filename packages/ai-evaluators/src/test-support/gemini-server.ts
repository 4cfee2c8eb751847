import type { IncomingMessage } from 'node:http';
import { pathParameter, sendJson, singleHeader, startScriptedServer, type ScriptedReply, type ScriptedServer } from './scripted-server.js';

/** A request the server received. */
export interface RecordedGeminiRequest {
  method: string;
  /** The path without the query string, e.g. `/v1beta/models/gemini-2.5-flash-lite:generateContent`. */
  path: string;
  /** The model id from the path; null when the path is not a `generateContent` call. */
  model: string | null;
  /** The `x-goog-api-key` header. */
  apiKey: string | null;
  headers: IncomingMessage['headers'];
  /** The JSON body, parsed. */
  body: unknown;
}

/** How the server answers one request. */
export interface GeminiReply extends ScriptedReply {
  /** HTTP status. Default 200. */
  status?: number;
  /** The JSON body (a `GenerateContentResponse`, or `{ error: { code, message, status } }`). */
  body: unknown;
}

/** A local HTTP server speaking Gemini's `generateContent` wire format, replaying queued replies. */
export interface GeminiTestServer extends Omit<ScriptedServer<RecordedGeminiRequest, GeminiReply>, 'url'> {
  /** Pass as `httpOptions.baseUrl` to `new GoogleGenAI(…)`. */
  baseUrl: string;
}

// `@google/genai` 2 calls `v1beta`; 3 defaults to `v1` unless `httpOptions.apiVersion` says otherwise.
const generateContentPath = /^\/(?:v1|v1beta)\/models\/([^/:]+):generateContent$/;

/**
 * Starts the server on 127.0.0.1 and a free port. Only `POST /v1beta/models/MODEL:generateContent`
 * (or `/v1/…`) is served; with no reply queued it answers 500 so that a test notices the extra call.
 */
export async function startGeminiServer(): Promise<GeminiTestServer> {
  const server = await startScriptedServer<RecordedGeminiRequest, GeminiReply>({
    record: (request) => ({
      ...request,
      model: pathParameter(generateContentPath, request.path),
      apiKey: singleHeader(request.headers, 'x-goog-api-key'),
    }),
    unrouted: (request) =>
      request.method !== 'POST' || request.model === null
        ? { status: 404, body: { error: { code: 404, message: `no route for ${request.method} ${request.path}`, status: 'NOT_FOUND' } } }
        : undefined,
    missing: { status: 500, body: { error: { code: 500, message: 'the test server had no reply queued', status: 'INTERNAL' } } },
    send: (response, reply) => sendJson(response, reply.status ?? 200, reply.body, { 'content-type': 'application/json; charset=UTF-8' }),
  });
  const { url, ...rest } = server;
  return { baseUrl: url, ...rest };
}
