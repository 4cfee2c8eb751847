import { SESClient } from '@aws-sdk/client-ses';
import { ApiError } from '@ielts-genai-prep/api-client';
import { publicQuestionSchema, type Assessment, type AssessmentSummary } from '@ielts-genai-prep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practiceQuestions } from './content/index.js';
import { runGrant } from './grant-program.js';
import { createSesMailer } from './mailer.js';
import { TASK2_ESSAY } from './test-support/essays.js';
import { startSilentServer, type SilentServer } from './test-support/loopback-server.js';
import { startTestServer, type TestServer, readJson } from './test-support/test-server.js';
import { practiceQuestionOf } from './test-support/practice-question.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { FREE_ASSESSMENTS_PER_TYPE: '2' } });
});
afterAll(async () => {
  await server?.close();
});

const writingTask2 = practiceQuestionOf('writing_task2');
const reading = practiceQuestionOf('reading_academic');
const listening = practiceQuestionOf('listening');

/** A correct answer for each key entry: its first alternative, without optional words. */
function correctAnswers(key: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(key).map(([number, written]) => [
      number,
      (written.split(/\s*\/\s*|\s+OR\s+/)[0] ?? '')
        .replace(/\([^)]*\)/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ]),
  );
}

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!ApiError.isInstance(error)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('questions', () => {
  it('lists a type page by page, without answer keys', async () => {
    const { client } = await server.signUp();
    const expected = practiceQuestions
      .filter((question) => question.assessment_type === 'writing_task2')
      .map((question) => question.question_id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.questions.list({ type: 'writing_task2', limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((question) => question.question_id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    // In id order, the order the bank was authored in.
    expect(seen).toEqual([...expected].sort((a, b) => a.localeCompare(b)));
  });

  it('refuses a cursor from another type or an altered one with a 400 on cursor', async () => {
    const { client } = await server.signUp();
    const page = await client.questions.list({ type: 'writing_task2', limit: 1 });
    expect(page.next_cursor).not.toBeNull();
    // Each sent when the one before has been answered: a rejection is awaited as soon as it exists.
    for (const refused of [
      () => client.questions.list({ type: 'writing_task1_academic', cursor: page.next_cursor! }),
      () => client.questions.list({ type: 'writing_task2', cursor: `x${page.next_cursor!}` }),
      // The cursor the server gave out before it was signed: the id after which to go on.
      () =>
        client.questions.list({ type: 'writing_task2', cursor: Buffer.from(JSON.stringify({ after: 'w2-001' })).toString('base64url') }),
    ]) {
      const error = await apiError(refused());
      expect(error.status).toBe(400);
      expect(error.details[0]?.path).toBe('cursor');
    }
  });

  it('never sends an answer key before submission', async () => {
    const { token } = await server.signUp();
    const publicKeys = Object.keys(publicQuestionSchema.shape);
    const read = async (path: string): Promise<string> => {
      const response = await server.request(path, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status, path).toBe(200);
      return response.text();
    };
    const withKeys = practiceQuestions.filter((question) => question.answer_key !== null);
    expect(withKeys.map((question) => question.assessment_type).sort()).toEqual(expect.arrayContaining(['listening', 'reading_academic']));
    for (const question of withKeys) {
      const one = await read(`/api/questions/${question.question_id}`);
      const page = await read(`/api/questions?type=${question.assessment_type}&limit=50`);
      for (const text of [one, page]) expect(text).not.toContain('answer_key');
      // Only the fields of the public schema, whatever a future key field might be called.
      expect(Object.keys(JSON.parse(one)).filter((key) => !publicKeys.includes(key))).toEqual([]);
      for (const item of JSON.parse(page).items as object[])
        expect(Object.keys(item).filter((key) => !publicKeys.includes(key))).toEqual([]);
    }
    const { client } = await server.signUp();
    const question = await client.questions.get({ id: listening.question_id });
    expect(question.sections.length).toBeGreaterThan(0);
    await expect(client.questions.get({ id: 'no-such-question' })).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });

  it('needs a session', async () => {
    const response = await server.request('/api/questions?type=listening');
    expect(response.status).toBe(401);
    expect(await readJson(response)).toEqual({ error: { code: 'unauthorized', message: 'Sign in to continue', details: [] } });
  });
});

describe('writing', () => {
  it('scores an essay offline, stores it, emails a notice, and hides it from other users', async () => {
    const { client, email } = await server.signUp();
    const assessment = await client.writing.evaluate({ question_id: writingTask2.question_id, essay: TASK2_ESSAY });
    expect(assessment.assessment_type).toBe('writing_task2');
    expect(assessment.completed).toBe(true);
    expect(assessment.provenance?.provider).toBe('offline');
    expect(assessment.overall_band).toBeGreaterThanOrEqual(4);
    expect(Object.keys(assessment.criteria_scores).sort()).toEqual([
      'coherence_cohesion',
      'grammatical_range_accuracy',
      'lexical_resource',
      'task_response',
    ]);
    expect(assessment.user_email).toBe(email);

    await expect(client.assessments.get({ id: assessment.assessment_id })).resolves.toEqual(assessment);
    const notices = (await server.mailTo(email)).filter((mail) => mail.subject.startsWith('Your Writing Task 2 result'));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body.text).toContain(assessment.assessment_id);

    const stranger = await server.signUp();
    const hidden = await apiError(stranger.client.assessments.get({ id: assessment.assessment_id }));
    expect(hidden.status).toBe(404);
    expect((await stranger.client.assessments.list()).items).toEqual([]);
  });

  it('stores one assessment for a repeated idempotency key', async () => {
    const { client } = await server.signUp();
    const body = { question_id: writingTask2.question_id, essay: TASK2_ESSAY, idempotency_key: 'essay-attempt-0001' };
    const first = await client.writing.evaluate(body);
    const second = await client.writing.evaluate(body);
    expect(second.assessment_id).toBe(first.assessment_id);
    expect((await client.assessments.list()).items).toHaveLength(1);
  });

  it('refuses a question of another skill with a field detail', async () => {
    const { client } = await server.signUp();
    const error = await apiError(client.writing.evaluate({ question_id: reading.question_id, essay: TASK2_ESSAY }));
    expect(error.status).toBe(400);
    expect(error.details[0]?.path).toBe('question_id');
  });

  it('sends no results notice to a user who turned notices off', async () => {
    const { client, email } = await server.signUp();
    const user = (await server.repositories.users.get(email))!;
    await server.repositories.users.update(email, { preferences: { email_notifications: false } }, { expectedVersion: user.version });
    const assessment = await client.listening.evaluate({ question_id: listening.question_id, answers: {} });
    expect(assessment.completed).toBe(true);
    expect((await server.mailTo(email)).filter((mail) => mail.subject.startsWith('Your '))).toEqual([]);
  });

  it('keeps the result when the results notice cannot be sent', async () => {
    const failing = await startTestServer({
      mailer: {
        send: async () => {
          throw new Error('SES is down');
        },
      },
    });
    try {
      const { client } = await failing.signUp();
      const assessment = await client.writing.evaluate({ question_id: writingTask2.question_id, essay: TASK2_ESSAY });
      await expect(client.assessments.get({ id: assessment.assessment_id })).resolves.toMatchObject({ completed: true });
      expect((await failing.drainMail()).retried).toBeGreaterThanOrEqual(1);
      expect(failing.logs.some((line) => line.message === 'mail not sent: tried again later' && line.fields?.kind === 'result')).toBe(true);
    } finally {
      await failing.close();
    }
  });
});

describe('an SES that never answers', () => {
  let hung: SilentServer;
  let ses: SESClient;
  beforeAll(async () => {
    hung = await startSilentServer();
    ses = new SESClient({
      endpoint: hung.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    ses?.destroy();
    await hung?.close();
  });

  it('gives up on a message after the mailer’s timeout', async () => {
    const mailer = createSesMailer({ client: ses, from: 'no-reply@ielts.test', timeoutMs: 50 });
    const before = hung.connections();
    await expect(mailer.send({ to: 'learner@example.com', subject: 'Hello', text: 'Hello', html: '<p>Hello</p>' })).rejects.toMatchObject({
      name: expect.stringMatching(/Abort|Timeout/),
    });
    expect(hung.connections()).toBeGreaterThan(before);
  });

  it('never delays a request: the registration and the result are answered, and the sender gives up on the mail after the timeout, to try again', async () => {
    const silent = await startTestServer({ mailer: createSesMailer({ client: ses, from: 'no-reply@ielts.test', timeoutMs: 300 }) });
    try {
      // No request sends mail, so none can wait for SES; no clock is read here: a request that
      // waited for SES itself would never end, and the test would time out.
      const { client, email } = await silent.signUp();
      const assessment = await client.writing.evaluate({ question_id: writingTask2.question_id, essay: TASK2_ESSAY });
      expect(await silent.repositories.users.get(email)).toMatchObject({ email });
      await expect(client.assessments.get({ id: assessment.assessment_id })).resolves.toMatchObject({ completed: true });
      // The registration's link is skipped (signUp confirmed the address in the store); the notice waits.
      expect(await silent.drainMail()).toEqual({ sent: 0, skipped: 1, retried: 1, dead: 0 });
      const failed = silent.logs.filter((line) => line.message === 'mail not sent: tried again later');
      expect(failed.map((line) => line.fields?.kind)).toEqual(['result']);
      expect(hung.connections()).toBeGreaterThan(0);
    } finally {
      await silent.close();
    }
  });
});

describe('reading and listening', () => {
  it('marks a reading answer sheet by its key', async () => {
    const { client } = await server.signUp();
    const answers = correctAnswers(reading.answer_key!);
    const assessment = await client.reading.evaluate({ question_id: reading.question_id, answers });
    expect(assessment.raw_score).toBe(Object.keys(reading.answer_key!).length);
    expect(assessment.provenance?.provider).toBe('answer_key');
    expect(assessment.question_results.every((result) => result.correct)).toBe(true);
  });

  it('marks a listening sheet with blanks and wrong answers', async () => {
    const { client } = await server.signUp();
    const answers = correctAnswers(listening.answer_key!);
    delete answers['1'];
    answers['2'] = 'definitely not the answer';
    const assessment = await client.listening.evaluate({ question_id: listening.question_id, answers });
    expect(assessment.raw_score).toBe(Object.keys(listening.answer_key!).length - 2);
    expect(assessment.question_results.find((result) => result.question_number === 2)?.correct).toBe(false);
  });

  it('refuses a listening test on the reading route', async () => {
    const { client } = await server.signUp();
    const error = await apiError(client.reading.evaluate({ question_id: listening.question_id, answers: {} }));
    expect(error.status).toBe(400);
    expect(error.details[0]?.path).toBe('question_id');
  });
});

describe('history', () => {
  it('pages through every assessment newest first, with nothing lost or repeated, as history rows', async () => {
    const { client, email, token } = await server.signUp();
    await runGrant(['--email', email, '--product', 'listening-pack', '--types', 'listening', '--count', '10'], {
      repositories: server.repositories,
      output: { log: () => undefined, error: () => undefined },
    });
    const created: Assessment[] = [];
    for (let index = 0; index < 5; index += 1) {
      server.clock.advance(1000);
      created.push(await client.listening.evaluate({ question_id: listening.question_id, answers: { '1': `answer ${index}` } }));
    }
    const seen: AssessmentSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.assessments.list({ limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen.map((assessment) => assessment.assessment_id)).toEqual(created.map((assessment) => assessment.assessment_id).reverse());
    // Rows, not whole assessments: the question's title and the bands, never the answer sheet.
    const newest = created.at(-1)!;
    expect(seen[0]).toEqual({
      assessment_id: newest.assessment_id,
      assessment_type: 'listening',
      question_id: listening.question_id,
      question_title: listening.title,
      timestamp: newest.timestamp,
      completed_at: newest.completed_at,
      completed: true,
      overall_band: newest.overall_band,
      criteria_bands: {},
      flags: newest.flags,
    });
    const page = await server.request('/api/assessments?limit=5', { headers: { authorization: `Bearer ${token}` } });
    const text = await page.text();
    expect(text).not.toContain('question_results');
    expect(text.length / 5).toBeLessThan(600);
  });

  it('refuses a tampered cursor and one from another user', async () => {
    const owner = await server.signUp();
    for (let index = 0; index < 3; index += 1) {
      await owner.client.listening.evaluate({ question_id: listening.question_id, answers: {} }).catch(() => undefined);
    }
    const page = await owner.client.assessments.list({ limit: 1 });
    expect(page.next_cursor).not.toBeNull();
    const other = await server.signUp();
    const stolen = await apiError(other.client.assessments.list({ cursor: page.next_cursor! }));
    expect(stolen.status).toBe(400);
    expect(stolen.details[0]?.path).toBe('cursor');
    const tampered = await apiError(owner.client.assessments.list({ cursor: `x${page.next_cursor!}` }));
    expect(tampered.status).toBe(400);
  });
});

describe('entitlements', () => {
  it('allows the free allowance, then answers 402 until a purchase is granted', async () => {
    const { client, email } = await server.signUp();
    const before = await client.entitlements.get();
    expect(before.entitlements).toHaveLength(7);
    expect(before.entitlements.find((entry) => entry.assessment_type === 'writing_task2')).toEqual({
      assessment_type: 'writing_task2',
      granted: 2,
      used: 0,
      remaining: 2,
    });
    const body = { question_id: writingTask2.question_id, essay: TASK2_ESSAY };
    await client.writing.evaluate(body);
    await client.writing.evaluate(body);
    const refused = await apiError(client.writing.evaluate(body));
    expect(refused.status).toBe(402);
    expect(refused.code).toBe('payment_required');
    expect(refused.message).toMatch(/writing_task2/);

    const output: string[] = [];
    const grant = [
      '--email',
      email.toUpperCase(),
      '--product',
      'writing-pack-5',
      '--types',
      'writing_task2,writing_task1_academic',
      '--count',
      '5',
    ];
    const io = { log: (line: string) => output.push(line), error: (line: string) => output.push(line) };
    expect(await runGrant(grant, { repositories: server.repositories, output: io })).toBe(0);
    expect(await runGrant(grant, { repositories: server.repositories, output: io })).toBe(0);
    expect(output[1]).toMatch(/already granted/);
    const user = await server.repositories.users.get(email);
    expect(user?.purchases).toHaveLength(1);

    const after = await client.entitlements.get();
    expect(after.entitlements.find((entry) => entry.assessment_type === 'writing_task2')).toEqual({
      assessment_type: 'writing_task2',
      granted: 7,
      used: 2,
      remaining: 5,
    });
    await expect(client.writing.evaluate(body)).resolves.toMatchObject({ completed: true });
  });

  it('rejects bad grant arguments with a clear message', async () => {
    const lines: string[] = [];
    const io = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    expect(
      await runGrant(['--email', 'a@b.co', '--product', 'p', '--types', 'cooking', '--count', '1'], {
        repositories: server.repositories,
        output: io,
      }),
    ).toBe(2);
    expect(lines.join('\n')).toMatch(/--types takes/);
    expect(
      await runGrant(['--email', 'nobody@example.com', '--product', 'p', '--types', 'listening', '--count', '1'], {
        repositories: server.repositories,
        output: io,
      }),
    ).toBe(1);
    expect(lines.join('\n')).toMatch(/must register first/);
  });
});

describe('content reports', () => {
  it("reports one of my assessments or a question, but not another user's assessment", async () => {
    const { client, email } = await server.signUp();
    const assessment = await client.listening.evaluate({ question_id: listening.question_id, answers: {} });
    const report = await client.contentReports.create({
      target: { kind: 'assessment', id: assessment.assessment_id },
      reason: 'score_seems_wrong',
      details: 'I think question 3 was marked wrongly',
    });
    expect(report).toMatchObject({ reporter_email: email, status: 'open', reason: 'score_seems_wrong' });
    await expect(
      client.contentReports.create({ target: { kind: 'question', id: reading.question_id }, reason: 'question_error' }),
    ).resolves.toMatchObject({
      details: '',
    });
    const stranger = await server.signUp();
    const error = await apiError(
      stranger.client.contentReports.create({ target: { kind: 'assessment', id: assessment.assessment_id }, reason: 'other' }),
    );
    expect(error.status).toBe(404);
  });
});
