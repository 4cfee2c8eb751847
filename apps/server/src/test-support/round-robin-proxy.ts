import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './loopback-server.js';

/** A request the proxy passed on: to which upstream, and what came back. */
export interface ProxiedRequest {
  method: string;
  path: string;
  /** The name of the upstream that answered. */
  upstream: string;
  status: number;
}

/** A round-robin reverse proxy on loopback, in front of several servers. */
export interface RoundRobinProxy {
  /** e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Every request passed on, in the order they arrived. */
  log: ProxiedRequest[];
  close: () => Promise<void>;
}

/**
 * Starts a reverse proxy that sends each request to the next upstream in turn (the first to the
 * first, the second to the second, …), as a load balancer without stickiness does. Bodies and
 * headers pass through both ways unchanged; each answer says which upstream gave it in
 * `x-served-by`.
 */
export async function startRoundRobinProxy(upstreams: ReadonlyArray<{ name: string; url: string }>): Promise<RoundRobinProxy> {
  const log: ProxiedRequest[] = [];
  let next = 0;
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const upstream = upstreams[next++ % upstreams.length]!;
    const target = new URL(incoming.url ?? '/', upstream.url);
    const entry: ProxiedRequest = { method: incoming.method ?? 'GET', path: target.pathname, upstream: upstream.name, status: 0 };
    log.push(entry);
    const forwarded = httpRequest(
      target,
      { method: incoming.method, headers: { ...incoming.headers, host: target.host }, agent: false },
      (answer) => {
        entry.status = answer.statusCode ?? 0;
        outgoing.writeHead(answer.statusCode ?? 502, [...answer.rawHeaders, 'x-served-by', upstream.name]);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', (error) => {
      entry.status = 502;
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(`proxy: ${error.message}`);
    });
    incoming.pipe(forwarded);
  });
  const listening = await listenOnLoopback(server);
  return { url: listening.url, log, close: listening.close };
}
