import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address. On Lambda, the source IP API Gateway saw. Behind a trusted proxy, the last
 * `X-Forwarded-For` entry: the one that proxy appended; the entries before it are whatever the
 * client sent, so trusting the first would let anyone pick their own address (and rate-limit key).
 * Otherwise the socket's peer.
 */
export function clientAddress(context: Context, trustProxy: boolean): string | undefined {
  // On Lambda, hono/aws-lambda puts the API Gateway request context in the env.
  const lambdaContext = (context.env as { requestContext?: { identity?: { sourceIp?: string }; http?: { sourceIp?: string } } } | undefined)
    ?.requestContext;
  const lambdaAddress = lambdaContext?.http?.sourceIp ?? lambdaContext?.identity?.sourceIp;
  if (lambdaAddress) return lambdaAddress;
  if (trustProxy) {
    const forwarded = context.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(context).remote.address;
  } catch {
    // Not on the Node adapter (app.request in tests): no socket to ask.
    return undefined;
  }
}
