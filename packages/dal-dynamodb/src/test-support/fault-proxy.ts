import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to one request, chosen by the test per operation. */
export type Fault =
  | { kind: 'throttle' }
  | { kind: 'delay'; milliseconds: number }
  /** BatchWriteItem only: forward the first `keep` writes and hand the rest back as UnprocessedItems. */
  | { kind: 'partial-batch'; keep: number }
  /** Forward, then change DynamoDB's JSON answer before the client sees it (e.g. a table still CREATING). */
  | { kind: 'rewrite'; rewrite: (answer: Record<string, unknown>) => Record<string, unknown> };

/**
 * A loopback HTTP proxy in front of DynamoDB Local that speaks DynamoDB's JSON protocol:
 * it forwards requests, except where the test's plan injects a fault (throttling answers,
 * delays, unprocessed batch items, tables not yet ACTIVE), which DynamoDB Local itself never produces.
 */
export interface FaultProxy {
  endpoint: string;
  /** Operations seen, e.g. `PutItem`, in order. */
  operations: string[];
  /** Sets the faults for the next requests of an operation, consumed one per request. */
  plan: (operation: string, faults: Fault[]) => void;
  close: () => Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const operations: string[] = [];
  const plans = new Map<string, Fault[]>();

  const forward = async (request: IncomingMessage, body: Buffer) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name)) headers[name] = value;
    }
    const upstream = await fetch(`${target}${request.url ?? '/'}`, { method: request.method, headers, body: body.toString('utf8') });
    return {
      status: upstream.status,
      contentType: upstream.headers.get('content-type') ?? 'application/x-amz-json-1.0',
      text: await upstream.text(),
    };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    const operation =
      String(request.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() ?? '';
    operations.push(operation);
    const fault = plans.get(operation)?.shift();
    const reply = (status: number, contentType: string, text: string) => {
      response.writeHead(status, { 'content-type': contentType, 'x-amzn-requestid': `proxy-${operations.length}` });
      response.end(text);
    };
    if (fault?.kind === 'throttle') {
      return reply(
        400,
        'application/x-amz-json-1.0',
        JSON.stringify({
          __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
          message: 'The level of configured provisioned throughput for the table was exceeded.',
        }),
      );
    }
    if (fault?.kind === 'delay') {
      // Held until the delay ends or the client gives up (its deadline), so a long hold leaves no timer behind.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, fault.milliseconds);
        response.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (response.destroyed) return;
    }
    if (fault?.kind === 'partial-batch') {
      const parsed = JSON.parse(body.toString()) as { RequestItems: Record<string, unknown[]> };
      const [table, writes] = Object.entries(parsed.RequestItems)[0]!;
      const unprocessed = { UnprocessedItems: { [table]: writes.slice(fault.keep) } };
      // DynamoDB refuses an empty batch: with nothing kept, nothing is forwarded.
      if (fault.keep === 0) return reply(200, 'application/x-amz-json-1.0', JSON.stringify(unprocessed));
      const kept = { ...parsed, RequestItems: { [table]: writes.slice(0, fault.keep) } };
      const upstream = await forward(request, Buffer.from(JSON.stringify(kept)));
      const result = JSON.parse(upstream.text) as Record<string, unknown>;
      return reply(upstream.status, upstream.contentType, JSON.stringify({ ...result, ...unprocessed }));
    }
    const upstream = await forward(request, body);
    if (fault?.kind === 'rewrite') {
      return reply(
        upstream.status,
        upstream.contentType,
        JSON.stringify(fault.rewrite(JSON.parse(upstream.text) as Record<string, unknown>)),
      );
    }
    if (!response.destroyed) reply(upstream.status, upstream.contentType, upstream.text);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    operations,
    plan: (operation, faults) => plans.set(operation, [...faults]),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
