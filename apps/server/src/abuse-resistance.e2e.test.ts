import { randomUUID, scrypt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordHasher, type ScryptDerivation } from './password-hasher.js';
import { GOOD_PASSWORD, readJson, startTestServer, type TestServer } from './test-support/test-server.js';

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

    const reads = await Promise.all(Array.from({ length: 50 }, () => server.request('/api/auth/me', { headers: { authorization: `Bearer ${other.token}` } })));
    expect(reads.map((response) => response.status)).toEqual(Array(50).fill(200));
    expect(new Set(await Promise.all(reads.map(async (response) => (await readJson(response)).user.email)))).toEqual(new Set([other.email]));

    derivation.releaseAll();
    const responses = await Promise.all(logins);
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(12);
    expect(statuses.filter((status) => status === 503)).toHaveLength(88);
    const refused = responses.find((response) => response.status === 503)!;
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await readJson(refused)).error.code).toBe('service_unavailable');
  });

  it('writes no account for a registration refused because the pool is full', async () => {
    derivation.hold();
    const email = uniqueEmail('refused');
    const fillers = Array.from({ length: 12 }, (_, index) => jsonPost(server, '/api/auth/register', { email: uniqueEmail(`filler${index}`), password: GOOD_PASSWORD }));
    await expect.poll(() => derivation.held.length).toBe(2);
    const refused = await jsonPost(server, '/api/auth/register', { email, password: GOOD_PASSWORD });
    expect(refused.status).toBe(503);
    expect(await server.repositories.users.get(email)).toBeUndefined();
    derivation.releaseAll();
    expect((await Promise.all(fillers)).map((response) => response.status)).toEqual(Array(12).fill(202));
  });
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
    const responses = await Promise.all(Array.from({ length: 50 }, () => jsonPost(server, '/api/auth/register', { email, password: GOOD_PASSWORD })));
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(202));
    expect(new Set(await Promise.all(responses.map((response) => response.text())))).toHaveLength(1);
    expect(await server.repositories.users.get(email)).toMatchObject({ email, email_verified: false });
    const mail = await server.mailTo(email);
    expect(mail.filter((entry) => entry.subject === 'Confirm your email address')).toHaveLength(1);
  });

  it('limits registrations per client address, new and taken emails alike', async () => {
    // One registration was counted by the test above (its repeats joined it).
    const statuses = [];
    for (const email of [uniqueEmail('a'), uniqueEmail('b'), uniqueEmail('c')]) {
      statuses.push((await jsonPost(server, '/api/auth/register', { email, password: GOOD_PASSWORD })).status);
    }
    expect(statuses).toEqual([202, 202, 429]);
    const limited = await jsonPost(server, '/api/auth/register', { email: uniqueEmail('d'), password: GOOD_PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    server.clock.advance(3600 * 1000);
    expect((await jsonPost(server, '/api/auth/register', { email: uniqueEmail('e'), password: GOOD_PASSWORD })).status).toBe(202);
  });
});
