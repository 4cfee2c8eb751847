import type { Repositories } from '@ielts-genai-prep/dal-dynamodb';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { ServerConfig } from './config.js';
import type { Evaluators } from './evaluators.js';
import type { MailOutbox } from './mail-outbox.js';
import type { PasswordHasher } from './password-hasher.js';
import type { RateLimiter } from './rate-limiter.js';
import type { RecaptchaVerifier } from './recaptcha-verifier.js';
import type { SessionAuth } from './session-auth.js';

/** The Hono environment of the app: a request id per request. */
export interface AppEnv {
  Variables: { requestId: string };
}

/** Where the server writes what went wrong; never sent to clients. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Logs JSON lines to the console. */
export const consoleLogger: Logger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message, fields) => console.warn(JSON.stringify({ level: 'warn', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};

/** Everything the route handlers share. */
export interface AppServices {
  config: ServerConfig;
  repositories: Repositories;
  evaluators: Evaluators;
  clock: () => Date;
  hasher: PasswordHasher;
  recaptcha: RecaptchaVerifier;
  sessions: SessionAuth;
  loginLimiters: { account: RateLimiter; client: RateLimiter };
  /** Registrations started per client address, and per email address. */
  registrationLimiters: { client: RateLimiter; account: RateLimiter };
  /** The registration being done for each address: repeats sent meanwhile share its outcome. */
  registrationsInFlight: Map<string, Promise<void>>;
  /** The first request of each idempotency key being processed here: retries wait for it. */
  idempotentInFlight: Map<string, Promise<unknown>>;
  /** Limits the emails one address can be sent on request (verification resends, reset links). */
  emailLimiter: RateLimiter;
  logger: Logger;
  /** Where requests put their mail (the outbox table): sent by the mail sender, never awaited by a request. */
  mail: MailOutbox;
}

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
