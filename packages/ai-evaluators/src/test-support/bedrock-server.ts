import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the server received. */
export interface RecordedBedrockRequest {
  method: string;
  /** The path, e.g. `/model/amazon.nova-micro-v1%3A0/converse`. */
  path: string;
  /** The model id decoded from the path; null when the path is not a Converse call. */
  modelId: string | null;
  /** The `authorization` header (SigV4 from the real SDK client). */
  authorization: string | null;
  headers: IncomingMessage['headers'];
  /** The JSON body, parsed (the raw text when it is not JSON). */
  body: unknown;
}

/** How the server answers one request. */
export interface BedrockReply {
  /** HTTP status. Default 200. */
  status?: number;
  /** Extra headers, e.g. `x-amzn-errortype` for errors. */
  headers?: Record<string, string>;
  /** The JSON body: a Converse response, or `{ message }` for an error. */
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer (until the client gives up or the server closes). */
  hang?: boolean;
}

/** Chooses a reply from the request, used when no queued reply is left. */
export type BedrockResponder = (request: RecordedBedrockRequest) => BedrockReply;

/** A local HTTP/1.1 server speaking the Bedrock Runtime Converse wire format. */
export interface BedrockTestServer {
  /** Pass as `endpoint` to `new BedrockRuntimeClient(…)`. */
  endpoint: string;
  /** Every request received, in order. */
  requests: RecordedBedrockRequest[];
  /** Queues replies, answered in order, one per request. */
  enqueue(...replies: BedrockReply[]): void;
  /** Answers from the request once the queue is empty. */
  respondWith(responder: BedrockResponder): void;
  /** Replies queued but not used yet. */
  pendingReplies(): number;
  close(): Promise<void>;
}

const conversePath = /^\/model\/([^/]+)\/converse$/;

/** A Converse `200` reply with a recorded response body. */
export function converseReply(body: unknown, delayMs?: number): BedrockReply {
  return { status: 200, body, ...(delayMs === undefined ? {} : { delayMs }) };
}

/**
 * A Bedrock error reply as the service sends it: the status, `x-amzn-errortype` naming the
 * exception (the SDK reads the error type from this header) and a `{ message }` body.
 */
export function bedrockErrorReply(status: number, errorType: string, body: unknown): BedrockReply {
  return {
    status,
    headers: { 'x-amzn-errortype': `${errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/` },
    body,
  };
}

/**
 * Starts the server on 127.0.0.1 and a free port. Only `POST /model/MODEL/converse` is served;
 * with no reply queued and no responder it answers 500 so that a test notices the extra call.
 */
export async function startBedrockServer(): Promise<BedrockTestServer> {
  const requests: RecordedBedrockRequest[] = [];
  const replies: BedrockReply[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let responder: BedrockResponder | undefined;
  let requestCounter = 0;

  const server = createServer((request, response) => {
    void handle(request, response);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const match = conversePath.exec(path);
    let body: unknown = null;
    try {
      body = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    const authorization = request.headers.authorization;
    const recorded: RecordedBedrockRequest = {
      method: request.method ?? 'GET',
      path,
      modelId: match ? decodeURIComponent(match[1] ?? '') : null,
      authorization: typeof authorization === 'string' ? authorization : null,
      headers: request.headers,
      body,
    };
    requests.push(recorded);
    requestCounter += 1;
    const requestId = `00000000-0000-4000-8000-${String(requestCounter).padStart(12, '0')}`;

    if (request.method !== 'POST' || !match) {
      send(response, requestId, bedrockErrorReply(404, 'UnknownOperationException', { message: `no route for ${request.method} ${path}` }));
      return;
    }
    const reply =
      replies.shift() ??
      responder?.(recorded) ??
      bedrockErrorReply(500, 'InternalServerException', { message: 'the test server had no reply queued' });
    if (reply.hang) {
      // Answer nothing; the socket closes when the client aborts or the server closes.
      return;
    }
    if (reply.delayMs !== undefined && reply.delayMs > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(response, requestId, reply);
      }, reply.delayMs);
      timers.add(timer);
      response.on('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
      });
      return;
    }
    send(response, requestId, reply);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
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

function send(response: ServerResponse, requestId: string, reply: BedrockReply): void {
  if (response.destroyed || response.writableEnded) return;
  const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
  response.writeHead(reply.status ?? 200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': requestId,
    ...reply.headers,
  });
  response.end(payload);
}

/** The text of every `system` block and message content block of a recorded Converse body. */
export function converseTexts(body: unknown): { system: string[]; messages: string[] } {
  const request = (body ?? {}) as { system?: Array<{ text?: string }>; messages?: Array<{ content?: Array<{ text?: string }> }> };
  return {
    system: (request.system ?? []).flatMap((block) => (typeof block.text === 'string' ? [block.text] : [])),
    messages: (request.messages ?? []).flatMap((message) => (message.content ?? []).flatMap((block) => (typeof block.text === 'string' ? [block.text] : []))),
  };
}
