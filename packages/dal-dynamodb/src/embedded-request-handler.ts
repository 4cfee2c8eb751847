import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { DalError } from './errors.js';

/** The part of the SDK's HTTP request the embedded store reads. */
interface SdkHttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** The SDK's request handler for the embedded store, and how to wait for what it is answering. */
export interface EmbeddedRequestHandler {
  /** Give to the client as `requestHandler`. */
  requestHandler: NonNullable<DynamoDBClientConfig['requestHandler']>;
  /** Refuses new requests and resolves once those being answered are answered. */
  drain: () => Promise<void>;
}

const endpointOf = (server: Server): string => {
  const address = server.address();
  return address && typeof address === 'object' ? `${address.address}:${address.port}` : 'the embedded store';
};

// The SDK's JSON body is a Uint8Array whose valueOf() is a string: viewed over its bytes, not converted.
const bodyOf = (body: unknown): Buffer =>
  body instanceof Uint8Array
    ? Buffer.from(body.buffer, body.byteOffset, body.byteLength)
    : typeof body === 'string'
      ? Buffer.from(body)
      : Buffer.alloc(0);

/**
 * A request handler that hands each request to dynalite's own request listener in this process,
 * through no socket: the same validation, errors and answers as over loopback HTTP, without a
 * TCP connection, an HTTP client and an HTTP parser on both sides for every call. The server
 * still listens, for other processes (the CLI) that reach the store by its endpoint.
 */
export function createEmbeddedRequestHandler(server: Server): EmbeddedRequestHandler {
  const [listener] = server.listeners('request') as Array<(request: IncomingMessage, response: ServerResponse) => void>;
  if (!listener) throw new DalError({ code: 'local_dynamodb_unavailable', message: 'The embedded store has no request listener' });
  const inFlight = new Set<Promise<unknown>>();
  let draining = false;

  const answer = (request: SdkHttpRequest) =>
    new Promise<{ statusCode: number; headers: Record<string, string>; body: Buffer }>((resolve) => {
      const incoming = Object.assign(new EventEmitter(), {
        method: request.method,
        url: request.path || '/',
        // Node's incoming headers are lower-case; the SDK's may not be.
        headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value])),
      });
      const headers: Record<string, string> = {};
      const outgoing = {
        statusCode: 200,
        setHeader(name: string, value: string | number) {
          headers[name.toLowerCase()] = String(value);
        },
        end(body?: string | Buffer) {
          resolve({ statusCode: outgoing.statusCode, headers, body: body === undefined ? Buffer.alloc(0) : Buffer.from(body) });
        },
      };
      listener(incoming as unknown as IncomingMessage, outgoing as unknown as ServerResponse);
      const body = bodyOf(request.body);
      if (body.length > 0) incoming.emit('data', body);
      incoming.emit('end');
    });

  const handler = {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: SdkHttpRequest, options: { abortSignal?: AbortSignal } = {}) {
      // Refused as the closed port would refuse it: nothing was carried out.
      if (draining)
        throw Object.assign(new Error(`connect ECONNREFUSED ${endpointOf(server)} (the embedded store is closing)`), {
          code: 'ECONNREFUSED',
        });
      options.abortSignal?.throwIfAborted();
      const answered = answer(request);
      inFlight.add(answered);
      const settled = () => inFlight.delete(answered);
      answered.then(settled, settled);
      const signal = options.abortSignal;
      if (!signal) return { response: await answered };
      // An abort ends the caller's wait; the store still finishes the request, as it would one sent over a socket.
      let onAbort = () => {};
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
      });
      try {
        return { response: await Promise.race([answered, aborted]) };
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };

  return {
    requestHandler: handler as unknown as NonNullable<DynamoDBClientConfig['requestHandler']>,
    drain: async () => {
      draining = true;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
