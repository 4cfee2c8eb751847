import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ListObjectsCommand } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { serve, type ServerType } from '@hono/node-server';
import { ApiError, createApiClient, type ApiClient } from '@ielts-genai-prep/api-client';
import { createRepositories, createTables } from '@ielts-genai-prep/dal-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from './app.js';
import { loadConfig, type ServerConfig } from './config.js';
import { practiceQuestions, practiceRubrics } from './content/index.js';
import { seedContent } from './content-seed.js';
import { createDefaultEvaluators } from './default-evaluators.js';
import { createOutboxMailSender, type MailSender } from './mail-sender.js';
import { createSesMailer } from './mailer.js';
import { createS3SpeakingAudioStore } from './speaking-audio-store.js';
import { TASK2_ESSAY } from './test-support/essays.js';
import { startGeminiSpeakingStandIn, type GeminiSpeakingStandIn } from './test-support/gemini-speaking-reply.js';
import { createRecordingLogger, type LogLine } from './test-support/recording-logger.js';
import { learnerRecord } from './test-support/learner-record.js';
import { startRoundRobinProxy, type RoundRobinProxy } from './test-support/round-robin-proxy.js';
import { localS3Client, startLocalS3, type LocalS3 } from './test-support/s3-server.js';
import { skipPreparation, submitAnswer, walkSpeakingTest } from './test-support/speaking-answers.js';
import { GOOD_PASSWORD, cookieFetch, createTestClock, type SentEmail } from './test-support/test-server.js';

/**
 * Two instances of the server share nothing but what a deployment shares: one table set on
 * DynamoDB Local, one S3 bucket (s3rver), one SES (the emulator) and one Gemini (a stand-in on
 * loopback). Each has its own clients, memory, data folder, mail sender and hashing pool, as two
 * processes or two Lambda instances would; only the clock is shared, and faked, so that the
 * speaking test's timings and the lockout window pass without waiting. A round-robin proxy sends
 * the learner's requests to one and then the other.
 */
const LOCKOUT_LIMIT = 6;

interface Instance {
  name: string;
  url: string;
  config: ServerConfig;
  logs: LogLine[];
  mail: MailSender;
  close: () => Promise<void>;
}

const prefix = `t${randomUUID().slice(0, 8)}-`;
const clock = createTestClock();

let s3: LocalS3;
let gemini: GeminiSpeakingStandIn;
let instances: Instance[] = [];
let proxy: RoundRobinProxy;

function environment(dataDir: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DYNAMODB_ENDPOINT: inject('dynamoDbLocalEndpoint'),
    AWS_REGION: 'us-east-1',
    TABLE_PREFIX: prefix,
    SES_FROM_ADDRESS: 'IELTS GenAI Prep <no-reply@ielts.test>',
    SES_ENDPOINT: inject('sesEndpoint'),
    PUBLIC_URL: 'http://app.ielts.test',
    DATA_DIR: dataDir,
    SPEAKING_AUDIO_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    GEMINI_API_KEY: 'test-key',
    GEMINI_BASE_URL: gemini.url,
    CURSOR_SECRET: 'one-cursor-secret-for-every-instance-0123456789',
    SCRYPT_COST: '1024',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: String(LOCKOUT_LIMIT),
    // Every request reaches the instances from the proxy's address: only the account limit is under test.
    LOGIN_MAX_FAILURES_PER_CLIENT: '100000',
    REGISTRATIONS_PER_CLIENT_PER_HOUR: '10000',
    OFFLINE_GRAMMAR_CHECK: 'false',
    // DynamoDB Local on a busy machine can take seconds; nothing here is about its speed.
    DYNAMODB_REQUEST_TIMEOUT_MS: '60000',
  };
}

/** One instance of the server: its own clients, folder, queue and hashing pool, on the shared table set and bucket. */
async function startInstance(name: string): Promise<Instance> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `ielts-instance-${name}-`));
  const config = loadConfig(environment(dataDir), { rootDirectory: dataDir });
  if (config.speakingAudio.kind !== 's3') throw new Error('expected the S3 audio store');
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const dynamo = new DynamoDBClient({ endpoint: inject('dynamoDbLocalEndpoint'), region: 'us-east-1', credentials });
  const documentClient = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
  const repositories = createRepositories({
    documentClient,
    cursorSecret: config.cursorSecret,
    prefix,
    clock: clock.now,
    retry: { deadlineMs: config.dynamodbRequestTimeoutMs, callDeadlineMs: 3 * config.dynamodbRequestTimeoutMs },
  });
  // As runtime.ts builds it for SPEAKING_AUDIO_BUCKET and S3_ENDPOINT, with s3rver's credentials.
  const s3Client = localS3Client(config.speakingAudio.endpoint!);
  const ses = new SESClient({ endpoint: inject('sesEndpoint'), region: 'us-east-1', credentials });
  const { logger, logs } = createRecordingLogger();
  const mail = createOutboxMailSender({
    repositories,
    config,
    mailer: createSesMailer({ client: ses, from: config.mail.from }),
    logger,
    clock: clock.now,
    owner: `instance-${name}`,
  });
  const app = createApp({
    config,
    repositories,
    evaluators: createDefaultEvaluators(config),
    speakingAudio: createS3SpeakingAudioStore({ client: s3Client, bucket: config.speakingAudio.bucket }),
    clock: clock.now,
    logger,
    serveWeb: false,
  });
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  return {
    name,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    config,
    logs,
    mail,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      s3Client.destroy();
      ses.destroy();
      dynamo.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

beforeAll(async () => {
  s3 = await startLocalS3();
  gemini = await startGeminiSpeakingStandIn();
  const dynamo = new DynamoDBClient({
    endpoint: inject('dynamoDbLocalEndpoint'),
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  try {
    // Tables and content once, as a deployment makes them (`ielts-db create-tables`, a seed job).
    await createTables({ client: dynamo, prefix, pollIntervalMs: 50 });
    await seedContent(createRepositories({ documentClient: DynamoDBDocumentClient.from(dynamo), cursorSecret: 'seed', prefix }), {
      questions: practiceQuestions,
      rubrics: practiceRubrics,
    });
  } finally {
    dynamo.destroy();
  }
  instances = [await startInstance('a'), await startInstance('b')];
  proxy = await startRoundRobinProxy(instances.map(({ name, url }) => ({ name, url })));
});

afterAll(async () => {
  await proxy?.close();
  for (const instance of instances) await instance.close();
  await gemini?.close();
  await s3?.close();
});

/** A browser-like client (cookies) of the proxy. */
const browser = (): ApiClient => createApiClient({ baseUrl: proxy.url, fetch: cookieFetch(), retry: false });
const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;

/** Mail sent to an address, once both instances' senders have drained the one outbox at once. */
async function mailTo(email: string): Promise<SentEmail[]> {
  await Promise.all(instances.map((instance) => instance.mail.drain()));
  const store = (await (await fetch(`${inject('sesEndpoint')}/store`)).json()) as { emails: SentEmail[] };
  return store.emails.filter((mail) => mail.destination.to.some((address) => address.includes(email)));
}

/** Which instance answered each of the requests `action` sent through the proxy. */
async function servedBy<Result>(action: () => Promise<Result>): Promise<{ result: Result; upstreams: string[] }> {
  const before = proxy.log.length;
  const result = await action();
  return { result, upstreams: proxy.log.slice(before).map((entry) => entry.upstream) };
}

const ANSWER =
  'I would say it depends on the situation, because people have different needs and habits, and what suits one family may not suit another.';

describe('two instances behind a round-robin proxy', () => {
  it('take a learner through registration, the emailed confirmation, sign-in, a writing result and a speaking test answered on both', async () => {
    const email = uniqueEmail('stateless');
    const web = browser();
    await web.auth.register({ email, password: GOOD_PASSWORD, display_name: 'Two Instances' });
    const mail = (await mailTo(email)).filter((entry) => entry.subject.includes('Confirm your email'));
    expect(mail).toHaveLength(1);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail[0]!.body.text ?? '')?.[1];
    expect(token).toBeDefined();
    await expect(web.auth.verifyEmail({ token: token! })).resolves.toEqual({ ok: true });
    await expect(web.auth.login({ email, password: GOOD_PASSWORD })).resolves.toMatchObject({ user: { email, email_verified: true } });

    // One session, honoured by both.
    const reads = await servedBy(async () => [await web.auth.me(), await web.auth.me()]);
    expect(reads.upstreams.sort()).toEqual(['a', 'b']);
    expect(reads.result.map((read) => read.user.email)).toEqual([email, email]);

    // A writing result scored on one instance is read back from the other, and in the history.
    const written = await web.writing.evaluate({ question_id: 'w2-001', essay: TASK2_ESSAY });
    const readBack = await servedBy(async () => [
      await web.assessments.get({ id: written.assessment_id }),
      await web.assessments.get({ id: written.assessment_id }),
    ]);
    expect(readBack.upstreams.sort()).toEqual(['a', 'b']);
    expect(readBack.result.map((assessment) => assessment.overall_band)).toEqual([written.overall_band, written.overall_band]);

    // A speaking test whose turns go to one instance and then the other, with audio on most.
    const turns: Array<{ upstream: string; audio: string | null }> = [];
    const view = await walkSpeakingTest(await web.speaking.start({ question_id: 'sp-004' }), {
      answer: async (current, index) => {
        clock.advance(20_500);
        // Audio on every turn but every third, so each instance stores some and skips some.
        const audio = index % 3 === 2 ? null : Buffer.from(`recording ${index} ${randomUUID()}`).toString('base64');
        const { result, upstreams } = await servedBy(() =>
          submitAnswer(web, current, {
            transcript: { text: ANSWER, words: [] },
            transcript_source: 'device',
            duration_ms: 20_000,
            ...(audio ? { audio: { data: audio, mime_type: 'audio/webm' as const } } : {}),
          }),
        );
        turns.push({ upstream: upstreams[0]!, audio });
        return result;
      },
      // Skipping the preparation and looking again: two requests, so the turns keep alternating.
      endPreparation: (current) => skipPreparation(web, current),
    });
    expect(turns.length).toBeGreaterThanOrEqual(6);
    for (let index = 1; index < turns.length; index += 1) expect(turns[index]!.upstream).not.toBe(turns[index - 1]!.upstream);
    for (const name of ['a', 'b']) expect(turns.some((turn) => turn.upstream === name && turn.audio !== null)).toBe(true);

    // Each recording is one object in the shared bucket, whichever instance stored it.
    const stored = await s3.client.send(new ListObjectsCommand({ Bucket: s3.bucket, Prefix: `speaking-audio/${view.assessment_id}/` }));
    expect((stored.Contents ?? []).map((object) => object.Key).sort()).toEqual(
      turns.flatMap((turn, index) => (turn.audio ? [`speaking-audio/${view.assessment_id}/${index}`] : [])).sort(),
    );

    const scored = await web.speaking.complete({ id: view.assessment_id });
    expect(scored.provenance?.provider).toBe('gemini');
    expect(scored.criteria_scores.pronunciation?.band).toBe(6.5);
    // The instance that scored it sent the model the audio of every turn, whichever instance took it.
    const call = gemini.calls.at(-1)!;
    for (const turn of turns) if (turn.audio) expect(call).toContain(turn.audio);
    // Scored: its recordings are gone from the bucket.
    const left = await s3.client.send(new ListObjectsCommand({ Bucket: s3.bucket, Prefix: `speaking-audio/${view.assessment_id}/` }));
    expect(left.Contents ?? []).toEqual([]);

    expect(await learnerRecord(web)).toEqual({
      assessmentIds: [written.assessment_id, scored.assessment_id].sort(),
      used: [
        ['speaking', 1],
        ['writing_task2', 1],
      ],
    });
    for (const instance of instances) expect(instance.logs.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('lock an account out at the per-account limit when its failed sign-ins are spread over both, and after a restart', async () => {
    const email = uniqueEmail('lockout');
    await browser().auth.register({ email, password: GOOD_PASSWORD });
    const attempt = (password: string) =>
      fetch(`${proxy.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });

    const failures = await servedBy(async () => {
      const statuses: number[] = [];
      for (let index = 0; index < LOCKOUT_LIMIT; index += 1) statuses.push((await attempt(`wrong guess ${index}`)).status);
      return statuses;
    });
    expect(failures.result).toEqual(Array(LOCKOUT_LIMIT).fill(401));
    // Half to each: neither instance alone saw enough to lock the account.
    expect(failures.upstreams.filter((name) => name === 'a')).toHaveLength(LOCKOUT_LIMIT / 2);
    expect(failures.upstreams.filter((name) => name === 'b')).toHaveLength(LOCKOUT_LIMIT / 2);

    // Even the right password is refused now, on either instance.
    for (let index = 0; index < instances.length; index += 1) {
      const locked = await attempt(GOOD_PASSWORD);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    }
    // A new instance (a restart, a cold start) knows it too.
    const restarted = await startInstance('c');
    try {
      const fromRestart = await fetch(`${restarted.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: GOOD_PASSWORD }),
      });
      expect(fromRestart.status).toBe(429);
    } finally {
      await restarted.close();
    }

    // Once the window has passed, the right password signs in again.
    clock.advance((instances[0]!.config.rateLimit.windowSeconds + 1) * 1000);
    const web = browser();
    await expect(web.auth.login({ email, password: GOOD_PASSWORD })).resolves.toMatchObject({ user: { email } });
  });

  it('let no more than the per-account limit of guesses through when they arrive at both at once', async () => {
    const email = uniqueEmail('burst');
    await browser().auth.register({ email, password: GOOD_PASSWORD });
    const { result: statuses, upstreams } = await servedBy(() =>
      Promise.all(
        Array.from({ length: LOCKOUT_LIMIT * 3 }, (_, index) =>
          fetch(`${proxy.url}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email, password: `guess number ${index}` }),
          }).then((response) => response.status),
        ),
      ),
    );
    expect(new Set(upstreams)).toEqual(new Set(['a', 'b']));
    // Each guess within the limit is checked (401), unless an instance's bounded hashing queue was
    // full on a busy machine (503, counted all the same); every guess beyond it is refused unchecked.
    const checked = statuses.filter((status) => status === 401).length;
    const busy = statuses.filter((status) => status === 503).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked + busy).toBe(LOCKOUT_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(LOCKOUT_LIMIT * 2);
    const refused = await browser()
      .auth.login({ email, password: GOOD_PASSWORD })
      .catch((error: unknown) => error);
    expect(ApiError.isInstance(refused) && refused.status).toBe(429);
  });
});
