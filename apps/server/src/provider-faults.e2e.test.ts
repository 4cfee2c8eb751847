import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bedrockAssessmentReply } from './test-support/bedrock-assessment-reply.js';
import { geminiSpeakingReply } from './test-support/gemini-speaking-reply.js';
import { TASK2_ESSAY } from './test-support/essays.js';
import { expectWholeRecords, recordingClient, submitEssay, wholeHistory } from './test-support/keyed-submissions.js';
import { startLoopbackServer, type LoopbackServer } from './test-support/loopback-server.js';
import { answerSpeakingTest } from './test-support/speaking-answers.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

// Bedrock and Gemini throttling (429), failing (5xx) and hanging under the server: each call is
// retried a bounded number of times inside the provider deadline, the learner gets a 503 with
// Retry-After, and the allowance is given back, or charged once when a later try succeeds.
// providers.e2e.test.ts covers the successful calls and Gemini refusing a request (400).

const ATTEMPTS = 3;
/** The provider deadline, retries included; a hung call ends here. */
const DEADLINE_MS = 5000;

/** What the stand-in does with one call. */
type Behaviour = 'ok' | 'throttle' | 'fail' | 'hang';

const bedrockError = (response: ServerResponse, status: number, errorType: string) => {
  response.statusCode = status;
  response.setHeader('x-amzn-errortype', `${errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/`);
  response.end(JSON.stringify({ message: `${errorType} from the stand-in` }));
};
const geminiError = (response: ServerResponse, status: number, code: string) => {
  response.statusCode = status;
  response.end(JSON.stringify({ error: { code: status, message: `${code} from the stand-in`, status: code } }));
};

let provider: LoopbackServer;
/** Behaviours for the next calls, one per call; `ok` once it is empty. */
const script: Behaviour[] = [];
const calls: string[] = [];
/** Hung calls whose connection the server closed: it gave them up. */
let hungCallsClosed = 0;
let server: TestServer;

beforeAll(async () => {
  provider = await startLoopbackServer((request, response) => {
    const bedrock = request.url.endsWith('/converse');
    calls.push(bedrock ? 'bedrock' : 'gemini');
    const behaviour = script.shift() ?? 'ok';
    response.setHeader('content-type', 'application/json');
    // A hung call is left open: only the server's deadline (or the stand-in's close) ends it.
    if (behaviour === 'hang') {
      response.on('close', () => void (hungCallsClosed += 1));
      return;
    }
    if (behaviour === 'throttle') {
      return bedrock ? bedrockError(response, 429, 'ThrottlingException') : geminiError(response, 429, 'RESOURCE_EXHAUSTED');
    }
    if (behaviour === 'fail') {
      return bedrock ? bedrockError(response, 503, 'ServiceUnavailableException') : geminiError(response, 503, 'UNAVAILABLE');
    }
    response.end(bedrock ? bedrockAssessmentReply() : geminiSpeakingReply(request.body));
  });
  server = await startProviderServer(DEADLINE_MS);
});

/** A server scoring with Bedrock and Gemini on the stand-in, whose evaluators give up after `deadlineMs`. */
function startProviderServer(deadlineMs: number): Promise<TestServer> {
  return startTestServer({
    env: {
      BEDROCK_ENABLED: 'true',
      BEDROCK_ENDPOINT: provider.url,
      GEMINI_API_KEY: 'test-key',
      GEMINI_BASE_URL: provider.url,
      FREE_ASSESSMENTS_PER_TYPE: '100',
      FREE_ASSESSMENTS_BEFORE_VERIFICATION: '100',
      ALLOWANCE_SETTLE_SECONDS: '0',
    },
    evaluatorOptions: { retry: { maxAttempts: ATTEMPTS, initialDelayMs: 5, maxDelayMs: 20, deadlineMs, random: () => 0.5 } },
  });
}

afterAll(async () => {
  await server?.close();
  await provider?.close();
});

/** Runs `send` with the stand-in answering `behaviours` first; returns what it did and how many calls it took. */
async function withScript<Result>(behaviours: Behaviour[], send: () => Promise<Result>): Promise<{ result: Result; calls: number }> {
  script.splice(0, script.length, ...behaviours);
  const before = calls.length;
  const result = await send();
  const made = calls.length - before;
  script.length = 0;
  return { result, calls: made };
}

type LearnerClient = Awaited<ReturnType<TestServer['signUp']>>['client'];

/** Assessments of `type` the learner has used. */
const usedOf = async (client: LearnerClient, type: 'writing_task2' | 'speaking') =>
  (await client.entitlements.get()).entitlements.find((entry) => entry.assessment_type === type)!.used;

describe('Bedrock faults while scoring writing', () => {
  it('retries throttling and a 5xx within the attempts, and charges the one assessment stored', async () => {
    const { email, token } = await server.signUp();
    const recording = recordingClient(server.baseUrl, token);
    const { result, calls: made } = await withScript(['throttle', 'fail'], () => submitEssay(recording, 'bedrock-recovers'));
    expect(result).toMatchObject({ status: 201, assessmentId: expect.any(String) });
    expect(made).toBe(3);
    await expectWholeRecords(server, email, [result.assessmentId!]);
  });

  it.each([
    ['throttles', 'throttle' as const],
    ['fails with a 5xx', 'fail' as const],
  ])(
    'answers 503 with Retry-After after %s on every attempt, gives the allowance back, and charges once when the key is sent again',
    async (_name, behaviour) => {
      const { email, token } = await server.signUp();
      const recording = recordingClient(server.baseUrl, token);
      const key = `bedrock-${behaviour}`;
      const failed = await withScript(Array(ATTEMPTS + 2).fill(behaviour), () => submitEssay(recording, key));
      expect(failed.result).toMatchObject({ status: 503, retryAfter: expect.any(String) });
      // Bounded: the evaluator's attempts, not one more.
      expect(failed.calls).toBe(ATTEMPTS);
      await expectWholeRecords(server, email, []);

      const retried = await withScript([], () => submitEssay(recording, key));
      expect(retried.result).toMatchObject({ status: 201, assessmentId: expect.any(String) });
      const history = await expectWholeRecords(server, email, [retried.result.assessmentId!]);
      expect(history).toEqual([retried.result.assessmentId]);
    },
  );

  it('ends a call Bedrock never answers at the provider deadline with a 503 and Retry-After, and gives the allowance back', async () => {
    const { email, token } = await server.signUp();
    const recording = recordingClient(server.baseUrl, token);
    const hung = await withScript(Array(ATTEMPTS).fill('hang'), () => submitEssay(recording, 'bedrock-hangs'));
    expect(hung.result).toMatchObject({ status: 503, retryAfter: expect.any(String) });
    // The stand-in answered none of its calls, so only the provider deadline can have ended the request.
    expect(hung.calls).toBeLessThanOrEqual(ATTEMPTS);
    await expectWholeRecords(server, email, []);
  });
});

describe('Gemini faults while scoring speaking', () => {
  it.each([
    ['throttles', 'throttle' as const],
    ['fails with a 5xx', 'fail' as const],
    ['never answers', 'hang' as const],
  ])(
    'answers 503 with Retry-After when Gemini %s on every attempt, within the deadline; the test stays open and is charged once when scored',
    async (_name, behaviour) => {
      const { client, token } = await server.signUp();
      const view = await answerSpeakingTest(server, client, await client.speaking.start({ question_id: 'sp-002' }));
      const failed = await withScript(Array(ATTEMPTS + 2).fill(behaviour), () =>
        server.request(`/api/speaking/sessions/${view.assessment_id}/complete`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        }),
      );
      // A hung stand-in answers none of its calls: a 503 at all means the provider deadline ended it.
      expect(failed.result.status).toBe(503);
      expect(failed.result.headers.get('retry-after')).not.toBeNull();
      expect(((await failed.result.json()) as { error: { code: string } }).error.code).toBe('service_unavailable');
      // Bounded: at most the evaluator's attempts (a hung one may use the whole deadline at once).
      expect(failed.calls).toBeGreaterThanOrEqual(1);
      expect(failed.calls).toBeLessThanOrEqual(ATTEMPTS);
      expect(await usedOf(client, 'speaking')).toBe(0);
      expect((await server.repositories.assessments.get(view.assessment_id))?.completed).toBe(false);

      const scored = await withScript([], () => client.speaking.complete({ id: view.assessment_id }));
      expect(scored.result.provenance?.provider).toBe('gemini');
      expect(await usedOf(client, 'speaking')).toBe(1);
      expect(await wholeHistory(client)).toContain(view.assessment_id);
    },
  );
});

describe('a learner who goes away while the provider is scoring', () => {
  // A provider deadline of ten minutes: only the learner's going away can end the hung call in this test.
  let patient: TestServer;
  beforeAll(async () => {
    patient = await startProviderServer(600_000);
  });
  afterAll(async () => {
    await patient?.close();
  });

  /**
   * Sends `path` with the stand-in hanging, goes away once the provider has the call, and waits
   * until the server has given that call up and given the `type` allowance back. Generous waits
   * for what the test sets off; none of them is what it measures.
   */
  async function goAwayDuringTheCall(
    client: LearnerClient,
    token: string,
    path: string,
    body: unknown,
    type: 'writing_task2' | 'speaking',
  ) {
    script.splice(0, script.length, ...Array(ATTEMPTS).fill('hang'));
    const callsBefore = calls.length;
    const closedBefore = hungCallsClosed;
    const learner = new AbortController();
    const sent = fetch(`${patient.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: learner.signal,
    });
    await vi.waitFor(() => expect(calls.length).toBe(callsBefore + 1), { timeout: 60_000, interval: 20 });
    learner.abort();
    await expect(sent).rejects.toThrow();
    await vi.waitFor(() => expect(hungCallsClosed).toBe(closedBefore + 1), { timeout: 60_000, interval: 20 });
    await vi.waitFor(async () => expect(await usedOf(client, type)).toBe(0), { timeout: 60_000, interval: 50 });
    // Given up, not retried: one call.
    expect(calls.length).toBe(callsBefore + 1);
    script.length = 0;
  }

  it('ends the Bedrock call when the connection closes, tries no other, and gives the allowance back', async () => {
    const { client, token } = await patient.signUp();
    const essay = { question_id: 'w2-001', essay: TASK2_ESSAY, idempotency_key: 'goes-away' };
    await goAwayDuringTheCall(client, token, '/api/writing/evaluate', essay, 'writing_task2');
    // The key is free for the learner to send again.
    const again = await client.writing.evaluate(essay);
    expect(again.provenance?.provider).toBe('bedrock');
    expect(await usedOf(client, 'writing_task2')).toBe(1);
  }, 240_000);

  it('ends the Gemini call of a finished speaking test when the connection closes; the test stays open and is charged once when scored', async () => {
    const { client, token } = await patient.signUp();
    const view = await answerSpeakingTest(patient, client, await client.speaking.start({ question_id: 'sp-002' }));
    await goAwayDuringTheCall(client, token, `/api/speaking/sessions/${view.assessment_id}/complete`, undefined, 'speaking');
    expect((await patient.repositories.assessments.get(view.assessment_id))?.completed).toBe(false);
    const scored = await client.speaking.complete({ id: view.assessment_id });
    expect(scored.provenance?.provider).toBe('gemini');
    expect(await usedOf(client, 'speaking')).toBe(1);
  }, 240_000);
});
