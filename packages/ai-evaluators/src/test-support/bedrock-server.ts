import type { IncomingMessage } from 'node:http';
import { pathParameter, sendJson, singleHeader, startScriptedServer, type ScriptedReply, type ScriptedServer } from './scripted-server.js';

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
export interface BedrockReply extends ScriptedReply {
  /** HTTP status. Default 200. */
  status?: number;
  /** Extra headers, e.g. `x-amzn-errortype` for errors. */
  headers?: Record<string, string>;
  /** The JSON body: a Converse response, or `{ message }` for an error. */
  body?: unknown;
}

/** Chooses a reply from the request, used when no queued reply is left. */
export type BedrockResponder = (request: RecordedBedrockRequest) => BedrockReply;

/** A local HTTP/1.1 server speaking the Bedrock Runtime Converse wire format. */
export interface BedrockTestServer extends Omit<ScriptedServer<RecordedBedrockRequest, BedrockReply>, 'url'> {
  /** Pass as `endpoint` to `new BedrockRuntimeClient(…)`. */
  endpoint: string;
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
  const server = await startScriptedServer<RecordedBedrockRequest, BedrockReply>({
    record: (request) => ({
      ...request,
      modelId: pathParameter(conversePath, request.path),
      authorization: singleHeader(request.headers, 'authorization'),
    }),
    unrouted: (request) =>
      request.method !== 'POST' || request.modelId === null
        ? bedrockErrorReply(404, 'UnknownOperationException', { message: `no route for ${request.method} ${request.path}` })
        : undefined,
    missing: bedrockErrorReply(500, 'InternalServerException', { message: 'the test server had no reply queued' }),
    send: (response, reply, position) =>
      sendJson(response, reply.status ?? 200, reply.body, {
        'x-amzn-requestid': `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
        ...reply.headers,
      }),
  });
  const { url, ...rest } = server;
  return { endpoint: url, ...rest };
}

/** The text of every `system` block and message content block of a recorded Converse body. */
export function converseTexts(body: unknown): { system: string[]; messages: string[] } {
  const request = (body ?? {}) as { system?: Array<{ text?: string }>; messages?: Array<{ content?: Array<{ text?: string }> }> };
  return {
    system: (request.system ?? []).flatMap((block) => (typeof block.text === 'string' ? [block.text] : [])),
    messages: (request.messages ?? []).flatMap((message) =>
      (message.content ?? []).flatMap((block) => (typeof block.text === 'string' ? [block.text] : [])),
    ),
  };
}
