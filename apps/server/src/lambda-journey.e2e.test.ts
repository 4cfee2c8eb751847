import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListObjectsCommand } from '@aws-sdk/client-s3';
import { createApiClient, type ApiClient } from '@ielts-genai-prep/api-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLambdaHandler, type ServerLambdaHandler } from './lambda.js';
import { TASK2_ESSAY } from './test-support/essays.js';
import { startGeminiSpeakingStandIn, type GeminiSpeakingStandIn } from './test-support/gemini-speaking-reply.js';
import { learnerRecord } from './test-support/learner-record.js';
import { lambdaEvent } from './test-support/lambda-event.js';
import { skipPreparation, submitAnswer, walkSpeakingTest } from './test-support/speaking-answers.js';
import { LOCAL_S3_CREDENTIALS, startLocalS3, type LocalS3 } from './test-support/s3-server.js';
import { GOOD_PASSWORD, type SentEmail } from './test-support/test-server.js';

/**
 * The learner's journey through Lambda as AWS runs it: two function instances, each started cold
 * from the same settings, with a `/tmp` that is emptied before every invocation (a new instance,
 * or one whose disk was recycled, keeps nothing). Requests alternate between the two. They share
 * only what a deployment shares: the tables on DynamoDB Local, the S3 bucket (s3rver), SES (the
 * emulator) and Gemini (a stand-in). Mail goes out when the outbox's schedule event is handled.
 */
interface FunctionInstance {
  name: string;
  handler: ServerLambdaHandler;
  tmp: string;
}

const prefix = `j${randomUUID().slice(0, 8)}-`;
const root = mkdtempSync(path.join(tmpdir(), 'ielts-lambda-journey-'));
let s3: LocalS3;
let gemini: GeminiSpeakingStandIn;
let instances: FunctionInstance[] = [];
const invocations: string[] = [];

function environment(tmp: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATA_DIR: path.join(tmp, 'ielts-genai-prep'),
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
    DYNAMODB_ENDPOINT: inject('dynamoDbLocalEndpoint'),
    // DynamoDB Local on a busy machine can take seconds: the journey is about state, not the JVM's speed.
    DYNAMODB_REQUEST_TIMEOUT_MS: '60000',
    TABLE_PREFIX: prefix,
    CREATE_TABLES: 'true',
    SEED_CONTENT: 'true',
    SES_FROM_ADDRESS: 'IELTS GenAI Prep <no-reply@ielts.test>',
    SES_ENDPOINT: inject('sesEndpoint'),
    PUBLIC_URL: 'https://app.ielts.test',
    SPEAKING_AUDIO_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    GEMINI_API_KEY: 'test-key',
    GEMINI_BASE_URL: gemini.url,
    CURSOR_SECRET: 'one-cursor-secret-for-every-function-0123456789',
    SCRYPT_COST: '1024',
    OFFLINE_GRAMMAR_CHECK: 'false',
  };
}

/** Empties an instance's `/tmp` before each invocation, as a recycled or new instance would have it. */
function freshTmp(instance: FunctionInstance): void {
  rmSync(instance.tmp, { recursive: true, force: true });
  mkdirSync(instance.tmp, { recursive: true });
}

let next = 0;
/** The next instance in turn, its `/tmp` emptied. */
function nextInstance(): FunctionInstance {
  const instance = instances[next % instances.length]!;
  next += 1;
  freshTmp(instance);
  invocations.push(instance.name);
  return instance;
}

/** A `fetch` that turns each request into an API Gateway event for the next instance and its answer back into a Response. */
const lambdaFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const headers = Object.fromEntries(request.headers.entries());
  const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  const event = {
    ...lambdaEvent(request.method, url.pathname, { headers }),
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(body ? { body } : {}),
  };
  const answer = await nextInstance().handler(event as never, {} as never);
  const responseHeaders = new Headers(answer.headers as Record<string, string>);
  for (const cookie of answer.cookies ?? []) responseHeaders.append('set-cookie', cookie);
  const status = answer.statusCode ?? 200;
  const text = answer.isBase64Encoded ? Buffer.from(answer.body ?? '', 'base64') : (answer.body ?? '');
  return new Response(status === 204 || status === 304 ? null : text, { status, headers: responseHeaders });
};

/** Mail sent to an address, once an instance has handled the schedule's sweep of the outbox. */
async function mailTo(email: string): Promise<SentEmail[]> {
  await nextInstance().handler({ source: 'aws.events', 'detail-type': 'Scheduled Event' });
  const store = (await (await fetch(`${inject('sesEndpoint')}/store`)).json()) as { emails: SentEmail[] };
  return store.emails.filter((mail) => mail.destination.to.some((address) => address.includes(email)));
}

const ANSWER =
  'I would say it depends on the situation, because people have different needs and habits, and what suits one family may not suit another.';

beforeAll(async () => {
  s3 = await startLocalS3();
  gemini = await startGeminiSpeakingStandIn();
  instances = ['a', 'b'].map((name) => {
    const tmp = path.join(root, name);
    mkdirSync(tmp, { recursive: true });
    const settings = environment(tmp);
    return { name, tmp, handler: createLambdaHandler(() => settings) };
  });
});

afterAll(async () => {
  await gemini?.close();
  await s3?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the Lambda handler on two instances whose /tmp is emptied before every invocation', () => {
  // Two cold starts create the tables and load the content: minutes on a busy machine.
  it('takes a learner through registration, the emailed confirmation, sign-in, a writing result and a speaking test answered on both', {
    timeout: 600_000,
  }, async () => {
    let token: string | null = null;
    const learner: ApiClient = createApiClient({
      baseUrl: 'https://api.ielts.test',
      fetch: lambdaFetch,
      getToken: () => token,
      retry: false,
    });
    const email = `lambda-journey-${randomUUID().slice(0, 8)}@example.com`;
    await learner.auth.register({ email, password: GOOD_PASSWORD, display_name: 'Fresh Tmp' });
    const mail = (await mailTo(email)).filter((entry) => entry.subject.includes('Confirm your email'));
    expect(mail).toHaveLength(1);
    const verification = /token=([A-Za-z0-9_-]+)/.exec(mail[0]!.body.text ?? '')?.[1];
    expect(verification).toBeDefined();
    await expect(learner.auth.verifyEmail({ token: verification! })).resolves.toEqual({ ok: true });
    const signedIn = await learner.auth.login({ email, password: GOOD_PASSWORD, client: 'mobile' });
    token = signedIn.token ?? null;
    expect(token).not.toBeNull();
    expect(signedIn.user).toMatchObject({ email, email_verified: true });

    // A writing result scored on one instance is read back on the other.
    const written = await learner.writing.evaluate({ question_id: 'w2-001', essay: TASK2_ESSAY });
    const readBack = [
      await learner.assessments.get({ id: written.assessment_id }),
      await learner.assessments.get({ id: written.assessment_id }),
    ];
    expect(readBack.map((assessment) => assessment.overall_band)).toEqual([written.overall_band, written.overall_band]);

    // A speaking test whose turns alternate between the instances, each with its recording.
    const turns: Array<{ instance: string; audio: string }> = [];
    const view = await walkSpeakingTest(await learner.speaking.start({ question_id: 'sp-004' }), {
      answer: async (current, index) => {
        const audio = Buffer.from(`recording ${index} ${randomUUID()}`).toString('base64');
        const before = invocations.length;
        const after = await submitAnswer(learner, current, {
          transcript: { text: ANSWER, words: [] },
          // No duration: the clock is real here, and an answer cannot last longer than the time since its question.
          transcript_source: 'device',
          audio: { data: audio, mime_type: 'audio/webm' },
        });
        turns.push({ instance: invocations[before]!, audio });
        return after;
      },
      endPreparation: (current) => skipPreparation(learner, current),
    });
    expect(turns.length).toBeGreaterThanOrEqual(6);
    for (const name of ['a', 'b']) expect(turns.some((turn) => turn.instance === name)).toBe(true);

    const scored = await learner.speaking.complete({ id: view.assessment_id });
    expect(scored.provenance?.provider).toBe('gemini');
    expect(scored.criteria_scores.pronunciation?.band).toBe(6.5);
    // The instance that scored it sent the model every recording, whichever instance took the turn:
    // none of them waited on an instance's disk, which was emptied before every invocation.
    const call = gemini.calls.at(-1)!;
    for (const turn of turns) expect(call).toContain(turn.audio);
    const left = await s3.client.send(new ListObjectsCommand({ Bucket: s3.bucket, Prefix: `speaking-audio/${view.assessment_id}/` }));
    expect(left.Contents ?? []).toEqual([]);

    expect(await learnerRecord(learner)).toEqual({
      assessmentIds: [written.assessment_id, scored.assessment_id].sort(),
      used: [
        ['speaking', 1],
        ['writing_task2', 1],
      ],
    });
    // Both instances served the journey, and what either left on its disk was gone before its next invocation.
    expect(new Set(invocations)).toEqual(new Set(['a', 'b']));
    for (const instance of instances) {
      freshTmp(instance);
      expect(readdirSync(instance.tmp)).toEqual([]);
    }
  });
});
