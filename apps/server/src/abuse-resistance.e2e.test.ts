import { randomUUID, scrypt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiContract, errorEnvelopeSchema } from '@ielts-genai-prep/core';
import { practiceQuestions } from './content/index.js';
import type { EmailMessage, Mailer } from './mailer.js';
import { createPasswordHasher, type ScryptDerivation } from './password-hasher.js';
import { GOOD_PASSWORD, readJson, startTestServer, type TestServer } from './test-support/test-server.js';
import { practiceQuestionOf } from './test-support/practice-question.js';

const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;

const jsonPost = (server: TestServer, pathname: string, body: unknown, headers: Record<string, string> = {}) =>
  server.request(pathname, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** Real scrypt, except while the test holds it: then each derivation waits until released. */
function holdableDerivation() {
  const held: Array<() => void> = [];
  let holding = false;
  const derive: ScryptDerivation = (task) =>
    new Promise((resolve, reject) => {
      const run = () =>
        scrypt(task.password, task.salt, task.keyLength, { N: task.cost, r: task.blockSize, p: task.parallelization }, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      if (holding) held.push(run);
      else run();
    });
  return {
    derive,
    held,
    hold: () => void (holding = true),
    releaseAll: () => {
      holding = false;
      for (const run of held.splice(0)) run();
    },
  };
}

/** Resolves when `count` of the promises have settled. */
function whenSettled(promises: Array<Promise<unknown>>, count: number): Promise<void> {
  let settled = 0;
  return new Promise((resolve) => {
    for (const promise of promises) void promise.finally(() => (settled += 1) === count && resolve());
  });
}

describe('password hashing cannot take the server down', () => {
  const derivation = holdableDerivation();
  // Two hashes at once and ten waiting: the rest are refused at once.
  const hasher = createPasswordHasher({ cost: 1024, threads: 2, maxWaiting: 10, derive: derivation.derive });
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      passwordHasher: hasher,
      env: { LOGIN_MAX_FAILURES_PER_CLIENT: '100000', LOGIN_MAX_FAILURES_PER_ACCOUNT: '10000' },
    });
  });
  afterAll(async () => {
    derivation.releaseAll();
    await server?.close();
  });

  it('answers 50 GET /api/auth/me of another user while 100 logins wait for the hashing pool', async () => {
    const flooded = await server.signUp();
    const other = await server.signUp();
    derivation.hold();
    const logins = Array.from({ length: 100 }, () =>
      jsonPost(server, '/api/auth/login', { email: flooded.email, password: flooded.password, client: 'mobile' }),
    );
    // 2 running + 10 waiting are accepted; the other 88 are refused without waiting for a thread.
    await whenSettled(logins, 88);
    expect(derivation.held).toHaveLength(2);

    const reads = await Promise.all(
      Array.from({ length: 50 }, () => server.request('/api/auth/me', { headers: { authorization: `Bearer ${other.token}` } })),
    );
    expect(reads.map((response) => response.status)).toEqual(Array(50).fill(200));
    expect(
      new Set(await Promise.all(reads.map(async (response) => (await readJson(response, apiContract.auth.me.response)).user.email))),
    ).toEqual(new Set([other.email]));

    derivation.releaseAll();
    const responses = await Promise.all(logins);
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(12);
    expect(statuses.filter((status) => status === 503)).toHaveLength(88);
    const refused = responses.find((response) => response.status === 503)!;
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await readJson(refused, errorEnvelopeSchema)).error.code).toBe('service_unavailable');
  });

  it('writes no account for a registration refused because the pool is full', async () => {
    derivation.hold();
    const email = uniqueEmail('refused');
    const fillers = Array.from({ length: 12 }, (_, index) =>
      jsonPost(server, '/api/auth/register', { email: uniqueEmail(`filler${index}`), password: GOOD_PASSWORD }),
    );
    // All twelve in the hasher (two hashing, ten in line) before the next comes: over loopback a
    // busy machine may still be carrying some, and then the next would be queued, not refused.
    await expect.poll(() => hasher.load, { timeout: 60_000 }).toEqual({ running: 2, waiting: 10 });
    expect(derivation.held).toHaveLength(2);
    const refused = await jsonPost(server, '/api/auth/register', { email, password: GOOD_PASSWORD });
    expect(refused.status).toBe(503);
    expect(await server.repositories.users.get(email)).toBeUndefined();
    derivation.releaseAll();
    expect((await Promise.all(fillers)).map((response) => response.status)).toEqual(Array(12).fill(202));
  }, 90_000);
});

describe('registration floods', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { REGISTRATIONS_PER_CLIENT_PER_HOUR: '3' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('makes one user, fifty identical 202s and one verification mail of 50 parallel registrations of one email', async () => {
    const email = uniqueEmail('parallel');
    // Handed to the app in one go, so all fifty are truly at once: over loopback a busy machine
    // spreads them out, and one arriving after the first has finished is a registration of its own.
    const body = JSON.stringify({ email, password: GOOD_PASSWORD });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        server.app.request('/api/auth/register', { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(202));
    expect(new Set(await Promise.all(responses.map((response) => response.text())))).toHaveLength(1);
    expect(await server.repositories.users.get(email)).toMatchObject({ email, email_verified: false });
    const mail = await server.mailTo(email);
    expect(mail.filter((entry) => entry.subject === 'Confirm your email address')).toHaveLength(1);
  });

  it('limits registrations per client address, new and taken emails alike', async () => {
    // The test above counted one registration: start from an empty window all the same.
    server.clock.advance(3600 * 1000);
    const statuses = [];
    for (const email of [uniqueEmail('a'), uniqueEmail('b'), uniqueEmail('c'), uniqueEmail('c2')]) {
      statuses.push((await jsonPost(server, '/api/auth/register', { email, password: GOOD_PASSWORD })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    const limited = await jsonPost(server, '/api/auth/register', { email: uniqueEmail('d'), password: GOOD_PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    server.clock.advance(3600 * 1000);
    expect((await jsonPost(server, '/api/auth/register', { email: uniqueEmail('e'), password: GOOD_PASSWORD })).status).toBe(202);
  });
});

describe('idempotency keys hold under retries', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { FREE_ASSESSMENTS_PER_TYPE: '2' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const reading = practiceQuestionOf('reading_academic');
  const listening = practiceQuestionOf('listening');
  const evaluate = (token: string, route: string, body: unknown) =>
    jsonPost(server, `/api/${route}/evaluate`, body, { authorization: `Bearer ${token}` });
  const remaining = async (token: string, type: string) => {
    const response = await server.request('/api/entitlements', { headers: { authorization: `Bearer ${token}` } });
    return (await readJson(response, apiContract.entitlements.get.response)).entitlements.find((entry) => entry.assessment_type === type)!
      .remaining;
  };

  it('turns 10 parallel submissions with one key and 2 left into one assessment, charged once, and no 402', async () => {
    const { token } = await server.signUp();
    const body = { question_id: reading.question_id, answers: { '1': 'sand' }, idempotency_key: `parallel-${randomUUID()}` };
    const responses = await Promise.all(Array.from({ length: 10 }, () => evaluate(token, 'reading', body)));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    const ids = new Set(
      await Promise.all(responses.map(async (response) => (await readJson(response, apiContract.reading.evaluate.response)).assessment_id)),
    );
    expect(ids.size).toBe(1);
    const history = await readJson(
      await server.request('/api/assessments', { headers: { authorization: `Bearer ${token}` } }),
      apiContract.assessments.list.response,
    );
    expect(history.items).toHaveLength(1);
    expect(await remaining(token, 'reading_academic')).toBe(1);
    // A later retry gets the same assessment, still charged once.
    const later = await evaluate(token, 'reading', body);
    expect((await readJson(later, apiContract.reading.evaluate.response)).assessment_id).toBe([...ids][0]);
    expect(await remaining(token, 'reading_academic')).toBe(1);
  });

  it('answers 422 idempotency_key_reused for the same key with another body, and keeps keys apart per route', async () => {
    const { token } = await server.signUp();
    const key = `reused-${randomUUID()}`;
    const first = await evaluate(token, 'reading', { question_id: reading.question_id, answers: { '1': 'sand' }, idempotency_key: key });
    expect(first.status).toBe(201);
    const reused = await evaluate(token, 'reading', { question_id: reading.question_id, answers: { '1': 'rock' }, idempotency_key: key });
    expect(reused.status).toBe(422);
    expect((await readJson(reused, errorEnvelopeSchema)).error).toMatchObject({
      code: 'idempotency_key_reused',
      details: [{ path: 'idempotency_key' }],
    });
    // The same key on another route is another request: never the reading result.
    const other = await evaluate(token, 'listening', { question_id: listening.question_id, answers: {}, idempotency_key: key });
    expect(other.status).toBe(201);
    expect((await readJson(other, apiContract.listening.evaluate.response)).assessment_type).toBe('listening');
    // Key order and whitespace in the JSON do not change the fingerprint.
    const reordered = await server.request('/api/reading/evaluate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: `{ "idempotency_key": "${key}", "answers": { "1": "sand" }, "question_id": "${reading.question_id}" }`,
    });
    expect(reordered.status).toBe(201);
    expect((await readJson(reordered, apiContract.reading.evaluate.response)).assessment_id).toBe(
      (await readJson(first, apiContract.reading.evaluate.response)).assessment_id,
    );
  });

  it('gives the key back when the first request fails, so a retry is scored', async () => {
    const { token, email } = await server.signUp();
    const key = `failing-${randomUUID()}`;
    const body = { question_id: reading.question_id, answers: { '1': 'sand' }, idempotency_key: key };
    // The allowance is spent elsewhere first: the keyed request gets a 402 and must not keep the key.
    await server.repositories.users.consumeAllowance(email, 'reading_academic', { limit: 2, countExisting: async () => 0 });
    await server.repositories.users.consumeAllowance(email, 'reading_academic', { limit: 2, countExisting: async () => 0 });
    expect((await evaluate(token, 'reading', body)).status).toBe(402);
    await server.repositories.users.releaseAllowance(email, 'reading_academic');
    expect((await evaluate(token, 'reading', body)).status).toBe(201);
  });
});

describe('no account enumeration by timing', () => {
  /** A mailer that holds every message until the test releases it. */
  const held: EmailMessage[] = [];
  let delivered = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const mailer: Mailer = {
    async send(message) {
      held.push(message);
      await released;
      delivered += 1;
    },
  };
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ mailer });
  });
  afterAll(async () => {
    release();
    await server?.close();
  });

  it('answers registration and reset before any mail is sent, with the same answer for known and unknown addresses', async () => {
    const known = uniqueEmail('known');
    const registered = await jsonPost(server, '/api/auth/register', { email: known, password: GOOD_PASSWORD });
    expect(registered.status).toBe(202);
    // Answered, the account written, the mail only in the outbox.
    expect(await server.repositories.users.get(known)).toBeDefined();
    const taken = await jsonPost(server, '/api/auth/register', { email: known, password: GOOD_PASSWORD });
    expect(taken.status).toBe(202);
    expect(await taken.text()).toBe(await registered.text());

    const resetKnown = await jsonPost(server, '/api/auth/password-reset/request', { email: known });
    const resetUnknown = await jsonPost(server, '/api/auth/password-reset/request', { email: uniqueEmail('unknown') });
    expect([resetKnown.status, resetUnknown.status]).toEqual([202, 202]);
    expect(await resetKnown.text()).toBe(await resetUnknown.text());
    // Every answer came back while no mail had been delivered.
    expect(delivered).toBe(0);

    release();
    expect((await server.drainMail()).sent).toBe(3);
    expect(delivered).toBe(3);
    expect(held.map((message) => message.subject).sort()).toEqual(
      ['Confirm your email address', 'Reset your password', 'Someone tried to register with your email address'].sort(),
    );
  });
});

describe('the free allowance cannot be farmed with unconfirmed accounts', () => {
  let server: TestServer;
  let allowingOne: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { FREE_ASSESSMENTS_PER_TYPE: '2' } });
    allowingOne = await startTestServer({ env: { FREE_ASSESSMENTS_PER_TYPE: '2', FREE_ASSESSMENTS_BEFORE_VERIFICATION: '1' } });
  });
  afterAll(async () => {
    await server?.close();
    await allowingOne?.close();
  });

  const reading = practiceQuestionOf('reading_academic');
  const submit = (target: TestServer, token: string) =>
    jsonPost(
      target,
      '/api/reading/evaluate',
      { question_id: reading.question_id, answers: { '1': 'sand' } },
      { authorization: `Bearer ${token}` },
    );
  const readingEntitlement = async (target: TestServer, token: string) =>
    (
      await readJson(
        await target.request('/api/entitlements', { headers: { authorization: `Bearer ${token}` } }),
        apiContract.entitlements.get.response,
      )
    ).entitlements.find((entry) => entry.assessment_type === 'reading_academic');

  it('grants nothing before the address is confirmed, and the full allowance after', async () => {
    const { token, email } = await server.signUp({ verified: false });
    expect(await readingEntitlement(server, token)).toEqual({ assessment_type: 'reading_academic', granted: 0, used: 0, remaining: 0 });
    const refused = await submit(server, token);
    expect(refused.status).toBe(402);
    const verification = await server.tokenFrom(email, 'Confirm');
    expect((await jsonPost(server, '/api/auth/verify-email', { token: verification })).status).toBe(200);
    expect(await readingEntitlement(server, token)).toMatchObject({ granted: 2, remaining: 2 });
    expect((await submit(server, token)).status).toBe(201);
  });

  it('grants the documented small allowance before confirmation when configured', async () => {
    const { token } = await allowingOne.signUp({ verified: false });
    expect(await readingEntitlement(allowingOne, token)).toMatchObject({ granted: 1, remaining: 1 });
    expect((await submit(allowingOne, token)).status).toBe(201);
    expect((await submit(allowingOne, token)).status).toBe(402);
  });
});

describe('input hygiene', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses display names with control, bidi, tag or zero-width characters, and over-long ones, writing nothing', async () => {
    for (const displayName of ['Ana\r\nX-Admin: 1', 'Ana\u0000', 'Ana\u202Egnp.exe', 'Ana\u{E0041}', 'A\u200Bna', 'x'.repeat(101)]) {
      const email = uniqueEmail('named');
      const response = await jsonPost(server, '/api/auth/register', { email, password: GOOD_PASSWORD, display_name: displayName });
      expect(response.status, JSON.stringify(displayName)).toBe(400);
      expect((await readJson(response, errorEnvelopeSchema)).error.details[0]?.path).toBe('display_name');
      expect(await server.repositories.users.get(email)).toBeUndefined();
    }
    const email = uniqueEmail('named');
    expect((await jsonPost(server, '/api/auth/register', { email, password: GOOD_PASSWORD, display_name: '  José Ñúñez ' })).status).toBe(
      202,
    );
    expect((await server.repositories.users.get(email))?.display_name).toBe('José Ñúñez');
  });

  it('refuses a password of only whitespace', async () => {
    const response = await jsonPost(server, '/api/auth/register', { email: uniqueEmail('spaces'), password: '        ' });
    expect(response.status).toBe(400);
    expect((await readJson(response, errorEnvelopeSchema)).error.details).toEqual([
      { path: 'password', message: 'must not be only spaces or invisible characters' },
    ]);
  });

  it('answers 415 to a body declared in a charset other than UTF-8', async () => {
    const body = JSON.stringify({ email: uniqueEmail('latin'), password: GOOD_PASSWORD });
    for (const contentType of ['application/json; charset=iso-8859-1', 'application/json;charset="utf-16"']) {
      const response = await server.request('/api/auth/register', { method: 'POST', headers: { 'content-type': contentType }, body });
      expect(response.status, contentType).toBe(415);
      expect((await readJson(response, errorEnvelopeSchema)).error.code).toBe('unsupported_media_type');
    }
    const utf8 = await server.request('/api/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=UTF-8' },
      body,
    });
    expect(utf8.status).toBe(202);
  });

  it('refuses unknown keys nested in a content report target like top-level ones', async () => {
    const { token } = await server.signUp();
    const question = practiceQuestions[0]!;
    const response = await jsonPost(
      server,
      '/api/content-reports',
      { target: { kind: 'question', id: question.question_id, reporter_email: 'someone@example.com' }, reason: 'question_error' },
      { authorization: `Bearer ${token}` },
    );
    expect(response.status).toBe(400);
    expect((await readJson(response, errorEnvelopeSchema)).error.details).toEqual([
      { path: 'target.reporter_email', message: 'is not allowed' },
    ]);
  });

  it('ends the session a client presents when it signs in again', async () => {
    const { email, password, token: planted } = await server.signUp();
    const login = await jsonPost(server, '/api/auth/login', { email, password, client: 'mobile' }, { authorization: `Bearer ${planted}` });
    expect(login.status).toBe(200);
    const fresh = (await readJson(login, apiContract.auth.login.response)).token!;
    const me = (token: string) => server.request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect((await me(planted)).status).toBe(401);
    expect((await me(fresh)).status).toBe(200);
  });
});
