import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
export interface GeminiReply {
  /** HTTP status. Default 200. */
  status?: number;
  /** The JSON body (a `GenerateContentResponse`, or `{ error: { code, message, status } }`). */
  body: unknown;
  /** Wait this long before answering (to provoke client timeouts). */
  delayMs?: number;
}

/** A local HTTP server speaking Gemini's `generateContent` wire format, replaying queued replies. */
export interface GeminiTestServer {
  /** Pass as `httpOptions.baseUrl` to `new GoogleGenAI(…)`. */
  baseUrl: string;
  /** Every request received, in order. */
  requests: RecordedGeminiRequest[];
  /** Queues replies, answered in order, one per request. */
  enqueue(...replies: GeminiReply[]): void;
  /** Answers every request with no queued reply by calling `handler` (a model that reads the request). */
  respondWith(handler: (request: RecordedGeminiRequest) => GeminiReply): void;
  /** Replies queued but not used yet. */
  pendingReplies(): number;
  close(): Promise<void>;
}

// `@google/genai` 2 calls `v1beta`; 3 defaults to `v1` unless `httpOptions.apiVersion` says otherwise.
const generateContentPath = /^\/(?:v1|v1beta)\/models\/([^/:]+):generateContent$/;

/**
 * Starts the server on 127.0.0.1 and a free port. Only `POST /v1beta/models/MODEL:generateContent`
 * (or `/v1/…`)
 * is served; with no reply queued it answers 500 so that a test notices the extra call.
 */
export async function startGeminiServer(): Promise<GeminiTestServer> {
  const requests: RecordedGeminiRequest[] = [];
  const replies: GeminiReply[] = [];
  let fallback: ((request: RecordedGeminiRequest) => GeminiReply) | undefined;
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((request, response) => {
    void handle(request, response);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const match = generateContentPath.exec(path);
    let body: unknown = null;
    try {
      body = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null;
    } catch {
      body = Buffer.concat(chunks).toString('utf8');
    }
    const apiKey = request.headers['x-goog-api-key'];
    const recorded: RecordedGeminiRequest = {
      method: request.method ?? 'GET',
      path,
      model: match ? decodeURIComponent(match[1] ?? '') : null,
      apiKey: typeof apiKey === 'string' ? apiKey : null,
      headers: request.headers,
      body,
    };
    requests.push(recorded);

    if (request.method !== 'POST' || !match) {
      send(response, { status: 404, body: { error: { code: 404, message: `no route for ${request.method} ${path}`, status: 'NOT_FOUND' } } });
      return;
    }
    const reply = replies.shift() ??
      fallback?.(recorded) ?? {
      status: 500,
      body: { error: { code: 500, message: 'the test server had no reply queued', status: 'INTERNAL' } },
    };
    if (reply.delayMs !== undefined && reply.delayMs > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(response, reply);
      }, reply.delayMs);
      timers.add(timer);
      // The client gave up (its deadline): stop waiting.
      response.on('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
      });
      return;
    }
    send(response, reply);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...more) => {
      replies.push(...more);
    },
    respondWith: (handler) => {
      fallback = handler;
    },
    pendingReplies: () => replies.length,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function send(response: ServerResponse, reply: GeminiReply): void {
  if (response.destroyed || response.writableEnded) return;
  const payload = JSON.stringify(reply.body);
  response.writeHead(reply.status ?? 200, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(payload) });
  response.end(payload);
}
