import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';

/** A request as a stand-in reads it: the whole body, as text. */
export interface LoopbackRequest {
  method: string;
  /** The path with its query string, as sent. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A stand-in for an HTTP dependency, listening on 127.0.0.1. */
export interface LoopbackServer {
  /** e.g. `http://127.0.0.1:40123`, no trailing slash. */
  url: string;
  /** Stops listening and drops open connections (keep-alive sockets would hold the close). */
  close(): Promise<void>;
}

/** Reads a request's body to the end, as UTF-8 text. */
export function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', reject);
  });
}

/**
 * Starts an HTTP server on 127.0.0.1 and a free port that reads each request's body and hands it
 * to `handle`: the part every hand-written stand-in of the server's tests shares, so each says
 * only how its service answers.
 */
export async function startLoopbackServer(
  handle: (request: LoopbackRequest, response: ServerResponse) => void | Promise<void>,
): Promise<LoopbackServer> {
  const server = createServer((incoming, response) => {
    void (async () => {
      const body = await readBody(incoming);
      await handle({ method: incoming.method ?? 'GET', url: incoming.url ?? '/', headers: incoming.headers, body }, response);
    })();
  });
  return listenOnLoopback(server);
}

/**
 * Listens with `server` on 127.0.0.1 and a free port. `close` drops open connections first, since
 * clients' keep-alive sockets would hold the close; proxies and stand-ins all stop this way.
 */
export async function listenOnLoopback(server: Server): Promise<LoopbackServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A TCP server on loopback that accepts connections and never answers, like a hung endpoint. */
export interface SilentServer extends LoopbackServer {
  /** How many connections it has accepted. */
  connections(): number;
}

/** Starts a {@link SilentServer}: a client's own timeout is the only way out of a request to it. */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createTcpServer((socket) => {
    accepted += 1;
    sockets.add(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on (it was free a moment ago): a connection to it is refused. */
export async function closedPort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
