import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './loopback-server.js';

/** A loopback HTTP proxy in front of DynamoDB Local that holds requests for the delay the test sets. */
export interface DelayingProxy {
  /** e.g. `http://127.0.0.1:40123`. */
  url: string;
  /**
   * Holds each request arriving from now on for `milliseconds` (0: none), or only those of
   * `operations` (DynamoDB's `X-Amz-Target` action, e.g. `UpdateItem`) when given.
   */
  setDelay: (milliseconds: number, operations?: readonly string[]) => void;
  /** Requests whose client gave up while they were held; each was still carried out, its answer thrown away. */
  lateApplied: () => number;
  /** Resolves once every request passed on has had DynamoDB's answer. */
  settled: () => Promise<void>;
  close: () => Promise<void>;
}

const operationOf = (incoming: IncomingMessage) =>
  String(incoming.headers['x-amz-target'] ?? '')
    .split('.')
    .pop() ?? '';

/**
 * Starts a proxy that delays DynamoDB requests by an injected amount, as a slow or overloaded
 * DynamoDB would. A request whose client gives up while it is held is sent on at once and its
 * answer dropped: DynamoDB received it and carries it out, but too late for the caller, which is
 * the case a server must survive without half-written records.
 */
export async function startDelayingProxy(upstreamUrl: string): Promise<DelayingProxy> {
  let delayMs = 0;
  let delayed: ReadonlySet<string> | undefined;
  let lateApplied = 0;
  const inFlight = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();

  const forward = (incoming: IncomingMessage, body: Buffer, outgoing: ServerResponse | undefined) => {
    const target = new URL(incoming.url ?? '/', upstreamUrl);
    const done = new Promise<void>((resolve) => {
      const upstream = httpRequest(target, { method: incoming.method, headers: { ...incoming.headers, host: target.host } }, (answer) => {
        answer.on('end', resolve);
        if (!outgoing) return void answer.resume();
        outgoing.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(outgoing);
      });
      upstream.on('error', (error) => {
        resolve();
        if (!outgoing) return;
        if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
        outgoing.end(`proxy: ${error.message}`);
      });
      upstream.end(body);
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };

  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const hold = delayed === undefined || delayed.has(operationOf(incoming)) ? delayMs : 0;
      if (hold <= 0) return forward(incoming, body, outgoing);
      const timer = setTimeout(() => {
        timers.delete(timer);
        forward(incoming, body, outgoing);
      }, hold);
      timers.add(timer);
      // The client gave up first (its deadline): DynamoDB still gets the request, now.
      outgoing.once('close', () => {
        if (!timers.delete(timer)) return;
        clearTimeout(timer);
        lateApplied += 1;
        forward(incoming, body, undefined);
      });
    });
  });
  const listening = await listenOnLoopback(server);
  return {
    url: listening.url,
    setDelay: (milliseconds, operations) => {
      delayMs = milliseconds;
      delayed = operations ? new Set(operations) : undefined;
    },
    lateApplied: () => lateApplied,
    settled: async () => {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await listening.close();
    },
  };
}
