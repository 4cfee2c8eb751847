// A real HTTP server on 127.0.0.1 that stands in for our own API server in the client's tests
// (the reference server is not built yet). Each test decides the answer; every request is recorded.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request the server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** Query parameters in order. */
  query: Array<[string, string]>;
  headers: IncomingHttpHeaders;
  /** The raw body ('' when none). */
  bodyText: string;
  /** The body parsed as JSON, or undefined when empty. */
  body: unknown;
}

/** What the server answers. */
export type TestReply =
  | { status: number; json: unknown; headers?: Record<string, string>; delayMs?: number }
  | { status: number; text: string; headers?: Record<string, string>; delayMs?: number }
  /** Close the connection without an answer. */
  | { destroy: true };

/** Decides the reply to a request; the number of requests so far (this one included) is passed in. */
export type TestHandler = (request: RecordedRequest, count: number) => TestReply;

/** The running test server. */
export interface ContractTestServer {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Every request received since the last {@link ContractTestServer.reset}. */
  requests: RecordedRequest[];
  /** Sets how the server answers. */
  handle(handler: TestHandler): void;
  /** Forgets recorded requests and answers 500 until told otherwise. */
  reset(): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Starts a server on 127.0.0.1 on a free port. */
export async function startContractTestServer(): Promise<ContractTestServer> {
  const unset: TestHandler = () => ({ status: 500, json: { error: { code: 'internal', message: 'no handler set', details: [] } } });
  let handler = unset;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const bodyText = await readBody(request);
    const recorded: RecordedRequest = {
      method: request.method ?? '',
      path: url.pathname,
      query: [...url.searchParams.entries()],
      headers: request.headers,
      bodyText,
      body: bodyText === '' ? undefined : (JSON.parse(bodyText) as unknown),
    };
    requests.push(recorded);
    const reply = handler(recorded, requests.length);
    if ('destroy' in reply) {
      request.socket.destroy();
      return;
    }
    const send = () => {
      const isJson = 'json' in reply;
      response.writeHead(reply.status, {
        'content-type': isJson ? 'application/json' : 'text/html',
        ...reply.headers,
      });
      response.end(isJson ? JSON.stringify(reply.json) : reply.text);
    };
    if (reply.delayMs) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!response.destroyed) send();
      }, reply.delayMs);
      timers.add(timer);
    } else {
      send();
    }
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
    },
    reset() {
      handler = unset;
      requests.length = 0;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** A port on 127.0.0.1 that nothing listens on: bound, then closed. */
export async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
