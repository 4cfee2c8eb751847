import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What every provider stand-in's reply may ask for besides its wire format. */
export interface ScriptedReply {
  /** Wait this long before answering (to provoke client timeouts). */
  delayMs?: number;
  /** Never answer (until the client gives up or the server closes). */
  hang?: boolean;
}

/** A request as it arrived: the parts every stand-in reads. */
export interface ArrivedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  headers: IncomingMessage['headers'];
  /** The JSON body, parsed (the raw text when it is not JSON; null when empty). */
  body: unknown;
}

/** How a provider's stand-in speaks its wire format on top of {@link startScriptedServer}. */
export interface ScriptedServerOptions<Recorded, Reply extends ScriptedReply> {
  /** The request as the stand-in records it (adds what its tests read: a model id, a key). */
  record(request: ArrivedRequest): Recorded;
  /** The reply to a request the provider has no route for; undefined when it is served. */
  unrouted(request: Recorded): Reply | undefined;
  /** The reply when none is queued and no responder is set, so a test notices the extra call. */
  missing: Reply;
  /** Writes a reply in the provider's wire format (the request's position, from 1, for ids). */
  send(response: ServerResponse, reply: Reply, position: number): void;
}

/** A local stand-in that answers queued replies in order, then from a responder. */
export interface ScriptedServer<Recorded, Reply> {
  /** e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Every request received, in order. */
  requests: Recorded[];
  /** Queues replies, answered in order, one per request. */
  enqueue(...replies: Reply[]): void;
  /** Answers from the request once the queue is empty. */
  respondWith(responder: (request: Recorded) => Reply): void;
  /** Replies queued but not used yet. */
  pendingReplies(): number;
  close(): Promise<void>;
}

/**
 * Starts an HTTP/1.1 server on 127.0.0.1 and a free port that records every request and replays
 * scripted replies: the part the Bedrock and Gemini stand-ins share. Each says only how its
 * provider's requests look and how its answers are written.
 */
export async function startScriptedServer<Recorded, Reply extends ScriptedReply>(
  options: ScriptedServerOptions<Recorded, Reply>,
): Promise<ScriptedServer<Recorded, Reply>> {
  const requests: Recorded[] = [];
  const replies: Reply[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let responder: ((request: Recorded) => Reply) | undefined;

  const server = createServer((request, response) => {
    void handle(request, response);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    try {
      body = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    const recorded = options.record({
      method: request.method ?? 'GET',
      path: (request.url ?? '/').split('?')[0] ?? '/',
      headers: request.headers,
      body,
    });
    requests.push(recorded);
    const position = requests.length;
    const unrouted = options.unrouted(recorded);
    if (unrouted) {
      options.send(response, unrouted, position);
      return;
    }
    const reply = replies.shift() ?? responder?.(recorded) ?? options.missing;
    // Answer nothing; the socket closes when the client aborts or the server closes.
    if (reply.hang) return;
    if (reply.delayMs === undefined || reply.delayMs <= 0) {
      options.send(response, reply, position);
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      options.send(response, reply, position);
    }, reply.delayMs);
    timers.add(timer);
    // The client gave up (its deadline): stop waiting.
    response.on('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...more) => {
      replies.push(...more);
    },
    respondWith: (next) => {
      responder = next;
    },
    pendingReplies: () => replies.length,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Writes a JSON reply unless the client has gone. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.destroyed || response.writableEnded) return;
  const payload = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers });
  response.end(payload);
}

/** The first group of `pattern` in a request's path, URI-decoded (a model id); null when the path does not match. */
export function pathParameter(pattern: RegExp, path: string): string | null {
  const match = pattern.exec(path);
  return match ? decodeURIComponent(match[1] ?? '') : null;
}

/** A request header's value when it was sent once; null when missing or repeated. */
export function singleHeader(headers: IncomingMessage['headers'], name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' ? value : null;
}
