import type { Repositories } from '@ielts-genai-prep/dal-dynamodb';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from './app-env.js';
import type { AppServices } from './app-services.js';
import { consoleLogger, type Logger } from './logger.js';
import { cacheContent } from './cached-content.js';
import { securityHeaders } from './security-headers.js';
import { createAuthHandlers } from './auth-handlers.js';
import { corsPolicy } from './cors-policy.js';
import type { ServerConfig } from './config.js';
import { registerContractRoutes } from './contract-router.js';
import { toErrorResponse } from './error-responses.js';
import type { Evaluators } from './evaluators.js';
import { createLearningHandlers } from './learning-handlers.js';
import { createEmailLimiter } from './mail-composer.js';
import { createMailOutbox } from './mail-outbox.js';
import { buildOpenApiDocument } from './openapi.js';
import { createPasswordHasher, type PasswordHasher } from './password-hasher.js';
import { createPurchaseHandlers } from './purchase-handlers.js';
import { createRateLimiter } from './rate-limiter.js';
import { createRecaptchaVerifier } from './recaptcha-verifier.js';
import { requestIdFor } from './request-id.js';
import { applyResponseHeaders, jsonAnswer, startResponseHeaders } from './response-headers.js';
import { createSessionAuth, sessionCookieName } from './session-auth.js';
import { createFileSpeakingAudioStore, type SpeakingAudioStore } from './speaking-audio-store.js';
import { createSpeakingHandlers } from './speaking-handlers.js';
import { serveWebApp } from './static-web.js';
import { createStripePayments, type PaymentProvider } from './stripe-payments.js';

/** The server's version, reported by /health and /openapi.json. */
export const SERVER_VERSION = '0.0.0';

/** The routes whose answers are often large: lists, questions with passages, the OpenAPI document, the web app's scripts. */
const COMPRESSED_PATHS = ['/api/assessments', '/api/assessments/*', '/api/questions', '/api/questions/*', '/openapi.json', '/assets/*'];

/** What the server logs when a route answers with an error its contract entry does not list (a bug its tests catch). */
export const UNDECLARED_ERROR_MESSAGE = 'error code not declared in the contract';

/** What {@link createApp} is built from: every I/O dependency is passed in. */
export interface CreateAppOptions {
  config: ServerConfig;
  /** The repositories (dal-dynamodb) on DynamoDB, DynamoDB Local or the embedded store; the rate limiters count in `rateLimits`. */
  repositories: Repositories;
  evaluators: Evaluators;
  /**
   * Keeps speaking audio until scoring. Default: files in `config.speakingAudio.directory`; with a
   * bucket configured (`config.speakingAudio.kind === 's3'`) it must be passed (see runtime.ts).
   */
  speakingAudio?: SpeakingAudioStore;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  clock?: () => number;
  /** The fetch used to call reCAPTCHA's siteverify. Default global `fetch`. */
  fetch?: typeof fetch;
  logger?: Logger;
  /**
   * Called when a request has made a message due in the outbox (`repositories.outbox`), e.g. to
   * wake the in-process mail sender. The app never sends mail itself. Default: nothing.
   */
  onMailDue?: () => void;
  /** Hashes passwords. Default: scrypt at `config.scryptCost` in `config.hashing`'s bounded pool. */
  passwordHasher?: PasswordHasher;
  /** Serve the web app from `config.webDistDir` when it is built. Default true. */
  serveWeb?: boolean;
  /**
   * Takes payments for packs. Default: Stripe with `config.payments` when it is configured
   * (`kind: 'stripe'`), otherwise none (checkout answers `purchases_not_configured`).
   */
  payments?: PaymentProvider;
}

/** The folder store of the configuration; S3 needs a client, which createApp never makes itself. */
function defaultSpeakingAudio(config: ServerConfig): SpeakingAudioStore {
  if (config.speakingAudio.kind !== 'directory') {
    throw new TypeError(`createApp: speaking audio is configured in S3 bucket ${config.speakingAudio.bucket}: pass options.speakingAudio`);
  }
  return createFileSpeakingAudioStore(config.speakingAudio.directory);
}

/** Builds the reference server's Hono app: every route of core's contract, /openapi.json, and the web app. */
export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const { config } = options;
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? consoleLogger;
  const windowSeconds = config.rateLimit.windowSeconds;
  // Counted in the rate limits table, so the limits hold across instances and restarts.
  const limiter = (name: string, maxFailures: number, window: number) =>
    createRateLimiter({ counters: options.repositories.rateLimits, name, maxFailures, windowSeconds: window, clock });
  const services: AppServices = {
    config,
    repositories: cacheContent(options.repositories, { ttlMs: config.contentCacheSeconds * 1000, clock }),
    evaluators: options.evaluators,
    clock,
    hasher:
      options.passwordHasher ??
      createPasswordHasher({ cost: config.scryptCost, threads: config.hashing.threads, maxWaiting: config.hashing.maxWaiting }),
    recaptcha: createRecaptchaVerifier({
      secret: config.recaptcha.secret,
      verifyUrl: config.recaptcha.verifyUrl,
      hostnames: config.recaptcha.hostnames,
      fetch: options.fetch,
    }),
    sessions: createSessionAuth({ config, repositories: options.repositories, clock }),
    loginLimiters: {
      account: limiter('login-account', config.rateLimit.maxFailuresPerAccount, windowSeconds),
      client: limiter('login-client', config.rateLimit.maxFailuresPerClient, windowSeconds),
    },
    registrationLimiters: {
      client: limiter('registration-client', config.registrationsPerClientPerHour, 3600),
      // Ten an hour per address: a person retrying is never refused, a script hashing for it is.
      account: limiter('registration-account', 10, 3600),
    },
    registrationsInFlight: new Map(),
    idempotentInFlight: new Map(),
    emailLimiter: createEmailLimiter(options.repositories.rateLimits, clock),
    logger,
    mail: createMailOutbox({ outbox: options.repositories.outbox, logger, clock, onDue: options.onMailDue }),
  };

  services.hasher.warmUp().catch((error: unknown) => logger.error('dummy password hash failed', { error: String(error) }));

  const app = new Hono<AppEnv>();
  const headers = Object.fromEntries(securityHeaders(config));

  app.use('*', async (context, next) => {
    // A request id a client can quote in a bug report; also in the server's error logs. A proxy's
    // or client's well-formed id is kept, so one id follows the request through every hop.
    const requestId = requestIdFor(context.req.header('x-request-id'));
    context.set('requestId', requestId);
    // Gathered before next() and written into the answer whole (see response-headers.ts for why).
    startResponseHeaders(context, { ...headers, 'x-request-id': requestId });
    await next();
    applyResponseHeaders(context);
  });
  // The answers that are large (a history page of 120 KB is about 5 KB gzipped), for clients that
  // ask. Only these: compressing wraps the body in a new Response, which takes every other answer
  // (/health, a session, a marked sheet) off @hono/node-server's fast path.
  for (const large of COMPRESSED_PATHS) app.use(large, compress());
  // Without origins the API is same-origin only, and a middleware that does nothing still costs each answer.
  if (config.corsOrigins.length > 0) app.use('*', corsPolicy(config.corsOrigins));

  app.onError((error, context) => {
    const mapped = toErrorResponse(error);
    if (mapped.unexpected) {
      logger.error('request failed', {
        request_id: context.get('requestId'),
        method: context.req.method,
        path: new URL(context.req.url).pathname,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
    return jsonAnswer(context, mapped.envelope, mapped.status, mapped.headers);
  });

  registerContractRoutes(
    app,
    {
      health: {
        check: async () => ({ status: 'ok' as const, version: SERVER_VERSION, time: new Date(clock()).toISOString() }),
      },
      auth: createAuthHandlers(services),
      speaking: createSpeakingHandlers(services, {
        audio: options.speakingAudio ?? defaultSpeakingAudio(config),
      }),
      purchases: createPurchaseHandlers(
        services,
        options.payments ?? (config.payments.kind === 'stripe' ? createStripePayments(config.payments) : undefined),
      ),
      ...createLearningHandlers(services),
    },
    {
      authenticate: (context) => services.sessions.authenticate(context),
      onResponseMismatch: (routeName, error, context) =>
        logger.error('response does not match the contract', {
          request_id: context.get('requestId'),
          route: routeName,
          issues: error.issues,
        }),
      errorCodeOf: (error) => toErrorResponse(error).envelope.error.code,
      onUndeclaredError: (routeName, code, context) =>
        logger.error(UNDECLARED_ERROR_MESSAGE, { request_id: context.get('requestId'), route: routeName, code }),
    },
  );

  const openApiDocument = buildOpenApiDocument({
    version: SERVER_VERSION,
    serverUrl: config.publicUrl,
    cookieName: sessionCookieName(config),
  });
  app.get('/openapi.json', (context) => context.json(openApiDocument));

  if (options.serveWeb !== false) serveWebApp(app, config.webDistDir);

  app.notFound((context) =>
    jsonAnswer(
      context,
      { error: { code: 'not_found', message: `No route for ${context.req.method} ${new URL(context.req.url).pathname}`, details: [] } },
      404,
    ),
  );
  return app;
}
