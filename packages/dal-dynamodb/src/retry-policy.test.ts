import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTables } from './create-tables.js';
import { DalError } from './errors.js';
import { createRepositories, type Repositories } from './repositories.js';
import { backoffDelay, resolveRetryPolicy, runWithRetry, toDalError } from './retry-policy.js';
import { createTestClients, uniquePrefix, type TestClients } from './test-support/clients.js';
import { startFaultProxy, type FaultProxy } from './test-support/fault-proxy.js';
import { sessionInput, uniqueEmail, userInput } from './test-support/fixtures.js';

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, with full jitter', () => {
    const top = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, top))).toEqual([99, 199, 399, 799, 999, 999]);
    const bottom = resolveRetryPolicy({ random: () => 0 });
    expect(backoffDelay(3, bottom)).toBe(0);
  });
});

describe('toDalError', () => {
  const context = { operation: 'users.get', tableName: 'users', key: { email: 'a@b.c' } };
  const awsError = (name: string, message: string) => Object.assign(new Error(message), { name });

  it('maps DynamoDB exceptions to codes', () => {
    expect(toDalError(awsError('ProvisionedThroughputExceededException', 'slow'), context).code).toBe('throttled');
    expect(toDalError(awsError('ThrottlingException', 'slow'), context).code).toBe('throttled');
    expect(toDalError(awsError('ResourceNotFoundException', 'no table'), context).code).toBe('table_missing');
    expect(toDalError(awsError('ValidationException', 'Item size has exceeded the maximum allowed size'), context).code).toBe(
      'item_too_large',
    );
    expect(toDalError(awsError('ValidationException', 'bad expression'), context).code).toBe('validation');
    const other = toDalError(awsError('InternalServerError', 'boom'), context);
    expect(other).toMatchObject({ code: 'dynamodb', isRetryable: true, tableName: 'users', key: { email: 'a@b.c' } });
    expect(other.message).toBe('users.get on users (email="a@b.c") failed: InternalServerError: boom');
  });

  it('maps a refused or dropped connection to unavailable, retryable', () => {
    // As the SDK's HTTP handler rejects when nothing listens on the endpoint.
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });
    expect(toDalError(refused, context)).toMatchObject({ code: 'unavailable', isRetryable: true, tableName: 'users', cause: refused });
    expect(toDalError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), context).code).toBe('unavailable');
    expect(toDalError(awsError('TimeoutError', 'socket timed out'), context).code).toBe('dynamodb');
  });
});

describe('runWithRetry', () => {
  const context = { operation: 'test', tableName: 't' };
  const throttle = () => Object.assign(new Error('slow down'), { name: 'ThrottlingException' });

  it('retries throttling and returns the first success', async () => {
    let calls = 0;
    const result = await runWithRetry(
      async () => {
        calls++;
        if (calls < 3) throw throttle();
        return 'ok';
      },
      resolveRetryPolicy({ baseDelayMs: 1 }),
      context,
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('does not retry other errors, and rethrows a failed condition untouched', async () => {
    let calls = 0;
    const condition = Object.assign(new Error('no'), { name: 'ConditionalCheckFailedException' });
    await expect(
      runWithRetry(
        async () => {
          calls++;
          throw condition;
        },
        resolveRetryPolicy(),
        context,
      ),
    ).rejects.toBe(condition);
    expect(calls).toBe(1);
  });

  it('fails fast on a refused connection: one attempt, unavailable, never held until the deadline', async () => {
    // A store that is down answers nothing: backing off until a ten-minute deadline would hold
    // every request of an outage that long. The SDK's own retries have already been spent.
    let calls = 0;
    const error = await runWithRetry(
      async () => {
        calls++;
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });
      },
      resolveRetryPolicy({ deadlineMs: 600_000 }),
      context,
    ).catch((caught: unknown) => caught);
    expect(DalError.isInstance(error, 'unavailable')).toBe(true);
    expect(calls).toBe(1);
  });

  it('stops at the deadline, aborting the attempt in flight', async () => {
    // The attempt never settles unless aborted: that it settled proves the deadline fired.
    let aborted = false;
    const error = await runWithRetry(
      (signal) =>
        new Promise((_, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
          });
        }),
      resolveRetryPolicy({ deadlineMs: 100 }),
      context,
    ).catch((caught: unknown) => caught);
    expect(DalError.isInstance(error, 'deadline_exceeded')).toBe(true);
    expect(aborted).toBe(true);
  });

  it("ends a request at its call's deadline when that comes first, and sends nothing once it has passed", async () => {
    const policy = resolveRetryPolicy({ deadlineMs: 5000, callDeadlineMs: 100 });
    const hang = (signal: AbortSignal) =>
      new Promise<never>((_, reject) =>
        signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))),
      );
    // `hang` settles only when aborted, so an answer at all means the call's deadline (100 ms, before the 5 s one) ended it.
    const error = await runWithRetry(hang, policy, context, Date.now() + 100).catch((caught: unknown) => caught);
    expect(DalError.isInstance(error, 'deadline_exceeded')).toBe(true);
    expect((error as DalError).message).toBe("test on t did not finish within the call's deadline of 100 ms");

    let attempts = 0;
    const late = await runWithRetry(
      async () => {
        attempts++;
        return 'sent';
      },
      policy,
      context,
      Date.now() - 1,
    ).catch((caught: unknown) => caught);
    expect(DalError.isInstance(late, 'deadline_exceeded')).toBe(true);
    expect(attempts).toBe(0);
  });
});

describe('repositories through a faulty network (DynamoDB Local behind a fault-injecting proxy)', () => {
  let proxy: FaultProxy;
  let clients: TestClients;
  let repositories: Repositories;
  const prefix = uniquePrefix('faults');

  beforeAll(async () => {
    const direct = createTestClients(inject('dynamoDbLocalEndpoint'));
    await createTables({ client: direct.client, prefix, tables: ['users', 'sessions'] });
    direct.destroy();
    proxy = await startFaultProxy(inject('dynamoDbLocalEndpoint'));
    // One SDK attempt per call, so every retry seen is the repository's own.
    clients = createTestClients(proxy.endpoint, { maxAttempts: 1 });
    repositories = createRepositories({
      documentClient: clients.documentClient,
      prefix,
      cursorSecret: 'secret',
      retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 4, deadlineMs: 2000 },
    });
  });

  afterAll(async () => {
    clients?.destroy();
    await proxy?.close();
  });

  it('retries throttled requests with backoff until they succeed', async () => {
    const user = userInput();
    proxy.plan('PutItem', [{ kind: 'throttle' }, { kind: 'throttle' }, { kind: 'throttle' }]);
    const before = proxy.operations.length;
    await repositories.users.create(user);
    expect(proxy.operations.slice(before)).toEqual(['PutItem', 'PutItem', 'PutItem', 'PutItem']);
    expect((await repositories.users.get(String(user.email)))?.email).toBe(user.email);
  });

  it('gives up with a throttled error after the last attempt', async () => {
    proxy.plan('GetItem', [{ kind: 'throttle' }, { kind: 'throttle' }, { kind: 'throttle' }, { kind: 'throttle' }]);
    const error = await repositories.users.get(uniqueEmail()).catch((caught: unknown) => caught);
    expect(DalError.isInstance(error, 'throttled')).toBe(true);
    expect((error as DalError).isRetryable).toBe(true);
  });

  it('bounds a slow call by its deadline', async () => {
    const slow = createRepositories({
      documentClient: clients.documentClient,
      prefix,
      cursorSecret: 'secret',
      retry: { deadlineMs: 150 },
    });
    // The answer is held far beyond the test's own timeout: only the 150 ms deadline can end the call.
    proxy.plan('GetItem', [{ kind: 'delay', milliseconds: 600_000 }]);
    const error = await slow.users.get(uniqueEmail()).catch((caught: unknown) => caught);
    expect(DalError.isInstance(error, 'deadline_exceeded')).toBe(true);
  });

  it('bounds a whole call by its deadline: every page of a listing together, each page under its own deadline', async () => {
    const email = uniqueEmail('slow-pages');
    for (let start = 0; start < 230; start += 23) {
      await Promise.all(Array.from({ length: 23 }, () => repositories.sessions.create(sessionInput({ user_email: email }))));
    }
    const bounded = createRepositories({
      documentClient: clients.documentClient,
      prefix,
      cursorSecret: 'secret',
      retry: { deadlineMs: 6000, callDeadlineMs: 4500 },
    });
    // Three pages of 100, each held 2.5 s: every request is within its 6 s, two pages together are past the
    // call's 4.5 s whatever the machine's speed (a slower machine only adds to them). The first page answers
    // at about 2.5 s, so the second is sent and cut: that holds while the machine needs less than 2 s of its
    // own for the first page. The pages requested, not a clock, show that the call was cut.
    const slowPages = () =>
      proxy.plan(
        'Query',
        [2500, 2500, 2500].map((milliseconds) => ({ kind: 'delay' as const, milliseconds })),
      );
    slowPages();
    const before = proxy.operations.length;
    const error = await bounded.sessions.listForUser(email).catch((caught: unknown) => caught);
    expect(DalError.isInstance(error, 'deadline_exceeded')).toBe(true);
    expect((error as DalError).message).toContain("call's deadline of 4500 ms");
    expect(proxy.operations.slice(before)).toEqual(['Query', 'Query']);

    // The same call with time enough for every page.
    slowPages();
    const patient = createRepositories({
      documentClient: clients.documentClient,
      prefix,
      cursorSecret: 'secret',
      retry: { deadlineMs: 6000, callDeadlineMs: 20_000 },
    });
    expect(await patient.sessions.listForUser(email)).toHaveLength(230);
  });

  it('re-sends unprocessed batch items when deleting all of a user’s sessions', async () => {
    const email = uniqueEmail('unprocessed');
    for (let index = 0; index < 30; index++) await repositories.sessions.create(sessionInput({ user_email: email }));
    proxy.plan('BatchWriteItem', [
      { kind: 'partial-batch', keep: 10 },
      { kind: 'partial-batch', keep: 5 },
    ]);
    const before = proxy.operations.length;
    expect(await repositories.sessions.deleteAllForUser(email)).toBe(30);
    // 25 + 5 writes, of which the first two answers hand back 15 and then 5 as unprocessed.
    expect(proxy.operations.slice(before).filter((operation) => operation === 'BatchWriteItem').length).toBeGreaterThanOrEqual(4);
    expect(await repositories.sessions.listForUser(email)).toEqual([]);
  });

  it('gives up with throttled when batch items stay unprocessed through every attempt', async () => {
    const email = uniqueEmail('stuck');
    for (let index = 0; index < 3; index++) await repositories.sessions.create(sessionInput({ user_email: email }));
    // maxAttempts is 4: every answer hands all three deletes back.
    proxy.plan(
      'BatchWriteItem',
      Array.from({ length: 4 }, () => ({ kind: 'partial-batch' as const, keep: 0 })),
    );
    const error = await repositories.sessions.deleteAllForUser(email).catch((caught: unknown) => caught);
    expect(DalError.isInstance(error, 'throttled')).toBe(true);
    expect((error as DalError).message).toContain('3 writes');
    expect((error as DalError).message).toContain('still unprocessed after 4 attempts');
    expect(await repositories.sessions.listForUser(email)).toHaveLength(3);
  });
});
