import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { serve, type ServerType } from '@hono/node-server';
import { createApiClient, type ApiClient } from '@ielts-genai-prep/api-client';
import { ASSESSMENT_TYPES } from '@ielts-genai-prep/core';
import { allowanceAttribute, createRepositories, createTables, resolveTableNames, type Repositories } from '@ielts-genai-prep/dal-dynamodb';
import type { Hono } from 'hono';
import { expect, inject } from 'vitest';
import type * as z from 'zod';
import { UNDECLARED_ERROR_MESSAGE, createApp } from '../app.js';
import type { AppEnv } from '../app-env.js';
import { createRecordingLogger, type LogLine } from './recording-logger.js';
import { loadConfig, type ServerConfig } from '../config.js';
import { practiceQuestions, practiceRubrics } from '../content/index.js';
import { seedContent } from '../content-seed.js';
import { createDefaultEvaluators, type DefaultEvaluatorOptions } from '../default-evaluators.js';
import type { Evaluators } from '../evaluators.js';
import { createOutboxMailSender, type DrainReport, type MailSender, type MailSenderOptions } from '../mail-sender.js';
import { createSesMailer, type Mailer } from '../mailer.js';
import type { PasswordHasher } from '../password-hasher.js';

/** A mail the SES emulator received. */
export interface SentEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc?: string[]; bcc?: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

/** A controllable clock: real time plus an offset the test moves forward. */
export interface TestClock {
  /** The time, in milliseconds since the epoch: what the server's `clock` options are given. */
  now: () => number;
  advance: (milliseconds: number) => void;
}

/** A {@link TestClock} that starts at the machine's time. */
export function createTestClock(): TestClock {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (milliseconds) => void (offset += milliseconds) };
}

/** A server on a loopback port, on DynamoDB Local and the SES emulator. */
export interface TestServer {
  baseUrl: string;
  app: Hono<AppEnv>;
  config: ServerConfig;
  repositories: Repositories;
  clock: TestClock;
  /** Log lines the server wrote. */
  logs: LogLine[];
  /** A client that keeps cookies, like a browser. */
  webClient: () => ApiClient;
  /** A client that sends a bearer token, like the mobile app. */
  mobileClient: (token: string | null) => ApiClient;
  /** The server's mail sender; no poller runs in tests: they drain it when they read mail. */
  mail: MailSender;
  /** Drains the outbox until nothing is due (at the test clock's time): what was sent, skipped, retried, given up. */
  drainMail: () => Promise<DrainReport>;
  /** Mail sent to an address, oldest first, after draining the outbox. */
  mailTo: (email: string) => Promise<SentEmail[]>;
  /** The `token` query parameter of the newest mail to `email` whose subject contains `subject`. */
  tokenFrom: (email: string, subject: string) => Promise<string>;
  /**
   * Registers, marks the address confirmed (in the store, as following the link would; `verified:
   * false` leaves it unconfirmed), signs in on the mobile client; returns its client and token.
   */
  signUp: (options?: {
    email?: string;
    password?: string;
    verified?: boolean;
  }) => Promise<{ email: string; password: string; client: ApiClient; token: string }>;
  /** A raw fetch to the server. */
  request: (pathname: string, init?: RequestInit) => Promise<Response>;
  /** Removes a user's allowance counters, as if they had registered before counters existed. */
  forgetAllowanceCounters: (email: string) => Promise<void>;
  /** Every repository operation that reached DynamoDB (e.g. `users.get`), in order, as DynamoDB reported its capacity. */
  operations: string[];
  close: () => Promise<void>;
}

/** Options for {@link startTestServer}. */
export interface TestServerOptions {
  /** Environment variables on top of the test defaults. */
  env?: Record<string, string>;
  /** The fetch the server calls reCAPTCHA with. */
  fetch?: typeof fetch;
  /** Replace the mailer (e.g. one that fails). Default SES on the emulator. */
  mailer?: Mailer;
  /** The mail sender's policy (attempts, backoff, jitter, lease). Default: the server's. */
  mailSender?: Pick<MailSenderOptions, 'maxAttempts' | 'backoff' | 'random' | 'leaseSeconds' | 'owner'>;
  /** The DynamoDB endpoint (a DynamoDB Local of the test's own, or a proxy in front of one). Default: the run's DynamoDB Local. */
  dynamoEndpoint?: string;
  /** The SES endpoint of the default mailer. Default: the run's SES emulator. */
  sesEndpoint?: string;
  /** Options for the configured evaluators (e.g. a short provider deadline); ignored with `evaluators`. */
  evaluatorOptions?: DefaultEvaluatorOptions;
  /** Replace the evaluators. Default: the configured (offline) ones. */
  evaluators?: Evaluators;
  /** Replace the password hasher (e.g. one with a small pool and a derivation the test holds). */
  passwordHasher?: PasswordHasher;
}

/** A fetch with a cookie jar, as a browser would keep the session cookie. */
export function cookieFetch(): (input: Request, init?: RequestInit) => Promise<Response> {
  const jar = new Map<string, string>();
  return async (input, init) => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(new Request(request, { headers }));
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = value === '' || attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
}

/** A password that passes the policy. */
export const GOOD_PASSWORD = 'correct horse battery staple';

/** Starts a server for one test file: its own tables on the shared DynamoDB Local, content loaded. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dynamoEndpoint = options.dynamoEndpoint ?? inject('dynamoDbLocalEndpoint');
  const sesEndpoint = options.sesEndpoint ?? inject('sesEndpoint');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ielts-server-test-'));
  const prefix = `t${randomUUID().slice(0, 8)}-`;
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      AWS_REGION: 'us-east-1',
      TABLE_PREFIX: prefix,
      SES_FROM_ADDRESS: 'IELTS GenAI Prep <no-reply@ielts.test>',
      SES_ENDPOINT: sesEndpoint,
      PUBLIC_URL: 'http://app.ielts.test',
      DATA_DIR: dataDir,
      // The OWASP cost takes a third of a second per hash; tests use 2^10.
      SCRYPT_COST: '1024',
      // Every test file registers from 127.0.0.1; the per-client limit has its own test.
      REGISTRATIONS_PER_CLIENT_PER_HOUR: '10000',
      // Harper takes seconds of CPU to load in every server; the test that needs it turns it on.
      OFFLINE_GRAMMAR_CHECK: 'false',
      // DynamoDB Local on a busy machine can take seconds; no test here is about its speed.
      DYNAMODB_REQUEST_TIMEOUT_MS: '60000',
      ...options.env,
    },
    { rootDirectory: dataDir },
  );

  const clock = createTestClock();
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const dynamo = new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'us-east-1', credentials });
  const documentClient = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
  await createTables({ client: dynamo, prefix, pollIntervalMs: 50 });
  const operations: string[] = [];
  const repositories = createRepositories({
    documentClient,
    onConsumedCapacity: (report) => operations.push(report.operation),
    cursorSecret: config.cursorSecret,
    prefix,
    clock: clock.now,
    retry: { deadlineMs: config.dynamodbRequestTimeoutMs, callDeadlineMs: 3 * config.dynamodbRequestTimeoutMs },
  });
  await seedContent(repositories, { questions: practiceQuestions, rubrics: practiceRubrics });

  const ses = new SESClient({ endpoint: sesEndpoint, region: 'us-east-1', credentials });
  const { logger, logs } = createRecordingLogger();
  // Requests only write the outbox; reading the mailbox drains it first, so no test waits on a timer.
  const mail = createOutboxMailSender({
    repositories,
    config,
    mailer: options.mailer ?? createSesMailer({ client: ses, from: config.mail.from }),
    logger,
    clock: clock.now,
    ...options.mailSender,
  });
  const drainMail = async (): Promise<DrainReport> => {
    const total: DrainReport = { sent: 0, skipped: 0, retried: 0, dead: 0 };
    for (;;) {
      const report = await mail.drain();
      for (const key of Object.keys(total) as Array<keyof DrainReport>) total[key] += report[key];
      if (report.sent + report.skipped + report.retried + report.dead === 0) return total;
    }
  };
  const app = createApp({
    config,
    repositories,
    evaluators: options.evaluators ?? createDefaultEvaluators(config, options.evaluatorOptions),
    clock: clock.now,
    fetch: options.fetch,
    passwordHasher: options.passwordHasher,
    logger,
    serveWeb: false,
  });

  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const mailTo = async (email: string): Promise<SentEmail[]> => {
    await drainMail();
    const response = await fetch(`${sesEndpoint}/store`);
    const store = (await response.json()) as { emails: SentEmail[] };
    return store.emails.filter((mail) => mail.destination.to.some((address) => address.includes(email)));
  };

  const testServer: TestServer = {
    baseUrl,
    app,
    config,
    repositories,
    clock,
    logs,
    mail,
    drainMail,
    operations,
    webClient: () => createApiClient({ baseUrl, fetch: cookieFetch(), retry: false }),
    mobileClient: (token) => createApiClient({ baseUrl, getToken: () => token, retry: false }),
    mailTo,
    async tokenFrom(email, subject) {
      const mail = (await mailTo(email)).filter((entry) => entry.subject.includes(subject)).at(-1);
      const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.body.text ?? '')?.[1];
      if (!token) throw new Error(`No mail "${subject}" with a token to ${email}`);
      return token;
    },
    async signUp(signUpOptions = {}) {
      const email = signUpOptions.email ?? `learner-${randomUUID().slice(0, 8)}@example.com`;
      const password = signUpOptions.password ?? GOOD_PASSWORD;
      const anonymous = createApiClient({ baseUrl, retry: false });
      await anonymous.auth.register({ email, password });
      if (signUpOptions.verified !== false) {
        const user = await repositories.users.get(email);
        if (!user) throw new Error(`registration of ${email} wrote no user`);
        await repositories.users.update(email, { email_verified: true }, { expectedVersion: user.version });
      }
      const login = await anonymous.auth.login({ email, password, client: 'mobile' });
      if (!login.token) throw new Error('mobile login returned no token');
      return { email, password, client: testServer.mobileClient(login.token), token: login.token };
    },
    request: (pathname, init) => fetch(`${baseUrl}${pathname}`, init),
    async forgetAllowanceCounters(email) {
      const names = Object.fromEntries(ASSESSMENT_TYPES.map((type, index) => [`#c${index}`, allowanceAttribute(type)]));
      await documentClient.send(
        new UpdateCommand({
          TableName: resolveTableNames({ prefix }).users,
          Key: { email },
          UpdateExpression: `REMOVE ${Object.keys(names).join(', ')}`,
          ExpressionAttributeNames: names,
        }),
      );
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      ses.destroy();
      dynamo.destroy();
      rmSync(dataDir, { recursive: true, force: true });
      // Every test file checks the contract's error lists against what its routes answered.
      const undeclared = [
        ...new Set(
          logs
            .filter((line) => line.message === UNDECLARED_ERROR_MESSAGE)
            .map((line) => `${String(line.fields?.route)}: ${String(line.fields?.code)}`),
        ),
      ];
      if (undeclared.length > 0)
        throw new Error(
          `Routes answered with error codes their contract entry does not list (add them to its \`errors\`): ${undeclared.join('; ')}`,
        );
    },
  };
  return testServer;
}

/**
 * A response's JSON body. Without a schema it is `unknown`, for assertions on the whole body
 * (`toEqual`, `toHaveProperty`). With one (a route's `response` in core's `apiContract`, or
 * `errorEnvelopeSchema` for a refused request) it is parsed and typed, and must be exactly what the
 * schema reads: a field the schema would drop or a default it would fill fails here, so an
 * assertion on the typed result never looks past the raw body.
 */
export async function readJson(response: Response): Promise<unknown>;
export async function readJson<Schema extends z.ZodType>(response: Response, schema: Schema): Promise<z.output<Schema>>;
export async function readJson(response: Response, schema?: z.ZodType): Promise<unknown> {
  const body: unknown = await response.json();
  if (!schema) return body;
  const parsed = schema.parse(body);
  expect(parsed, 'the body is exactly what its schema reads').toEqual(body);
  return parsed;
}
