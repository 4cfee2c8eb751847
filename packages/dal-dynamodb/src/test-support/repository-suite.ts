import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { assessmentListItemSchema, userSchema } from '@ielts-genai-prep/core';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyMarkerId } from '../assessment-repository.js';
import { encodeCursor } from '../cursor.js';
import { DalError } from '../errors.js';
import { createExpressionBuilder } from '../expressions.js';
import { MAX_ITEM_BYTES, itemSize } from '../item-size.js';
import { createRepositories, type Repositories } from '../repositories.js';
import { createRequestSender, type ConsumedCapacityReport } from '../request-sender.js';
import { resolveTableNames, type TableNames } from '../table-definitions.js';
import { toUserItem } from '../user-repository.js';
import {
  contentReportInput,
  minutesAfterStart,
  nowSeconds,
  purchaseInput,
  questionInput,
  readingQuestionInput,
  rubricInput,
  safetyLogInput,
  sessionInput,
  startedAssessmentInput,
  uniqueEmail,
  userInput,
  writingTask2Result,
} from './fixtures.js';

/** A DynamoDB endpoint with its tables created under `prefix`, and clients that record what they send. */
export interface SuiteBackend {
  client: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
  sentCommands: string[];
  close: () => Promise<void>;
}

const cursorSecret = 'test-cursor-secret-0123456789abcdef';

/** An idempotency marker's id: stored in the assessments table, but never an assessment. */
const idempotencyMarkerIdFor = (email: string) => idempotencyMarkerId(email, 'some-key-123');

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** Wraps every method of every repository to record `repository.method` when called. */
function recordCalls(repositories: Repositories, called: Set<string>): Repositories {
  const recorded: Record<string, Record<string, unknown>> = {};
  for (const [repositoryName, repository] of Object.entries(repositories)) {
    recorded[repositoryName] = Object.fromEntries(
      Object.entries(repository as Record<string, (...args: unknown[]) => unknown>).map(([methodName, method]) => [
        methodName,
        (...args: unknown[]) => {
          called.add(`${repositoryName}.${methodName}`);
          return method(...args);
        },
      ]),
    );
  }
  return recorded as unknown as Repositories;
}

function expectDalError(error: unknown, code: DalError['code']): DalError {
  expect(DalError.isInstance(error), `expected a DalError, got ${String(error)}`).toBe(true);
  expect((error as DalError).code).toBe(code);
  return error as DalError;
}

/**
 * Every repository method against one backend. Run by the DynamoDB Local test file and the
 * dynalite test file, so that the embedded default is held to the same behaviour.
 */
export function describeRepositorySuite(backendName: string, start: (prefix: string) => Promise<SuiteBackend>, prefix: string): void {
  describe(`repositories on ${backendName}`, () => {
    let backend: SuiteBackend;
    let repositories: Repositories;
    let names: TableNames;
    const capacity: ConsumedCapacityReport[] = [];
    const called = new Set<string>();

    beforeAll(async () => {
      backend = await start(prefix);
      names = resolveTableNames({ prefix });
      repositories = recordCalls(
        createRepositories({
          documentClient: backend.documentClient,
          prefix,
          cursorSecret,
          onConsumedCapacity: (report) => capacity.push(report),
        }),
        called,
      );
    });

    afterAll(async () => {
      await backend?.close();
    });

    const commandsDuring = async (action: () => Promise<unknown>) => {
      const before = backend.sentCommands.length;
      await action();
      return backend.sentCommands.slice(before);
    };

    describe('users', () => {
      it('creates and reads back a user, normalizing the email', async () => {
        const input = userInput({ email: `  Mixed.${uniqueEmail()}`.toUpperCase() });
        const created = await repositories.users.create(input);
        expect(created.email).toBe(String(input.email).trim().toLowerCase());
        expect(created.version).toBe(0);
        expect(created.preferences).toEqual({ target_band: null, exam_variant: 'academic', email_notifications: true, locale: 'en' });
        expect(await repositories.users.get(String(input.email))).toEqual(created);
        expect(await repositories.users.get(uniqueEmail('nobody'))).toBeUndefined();
      });

      it('lets exactly one of 50 concurrent registrations of one email succeed', async () => {
        const email = uniqueEmail('race');
        const results = await Promise.allSettled(
          Array.from({ length: 50 }, (_, index) => repositories.users.create(userInput({ email, display_name: `attempt ${index}` }))),
        );
        const fulfilled = results.filter((result) => result.status === 'fulfilled');
        const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
        expect(fulfilled).toHaveLength(1);
        expect(rejected).toHaveLength(49);
        for (const result of rejected) expectDalError(result.reason, 'duplicate');
        const stored = await repositories.users.get(email);
        expect(stored?.display_name).toBe((fulfilled[0] as PromiseFulfilledResult<{ display_name: string }>).value.display_name);
      });

      it('updates allow-listed fields with optimistic locking', async () => {
        const user = await repositories.users.create(userInput());
        const updated = await repositories.users.update(
          user.email,
          { display_name: 'Ada L.', preferences: { target_band: 7.5 } },
          { expectedVersion: 0 },
        );
        expect(updated.display_name).toBe('Ada L.');
        expect(updated.version).toBe(1);
        // Only the preference given changed.
        expect(updated.preferences).toEqual({ ...user.preferences, target_band: 7.5 });

        const stale = await caught(repositories.users.update(user.email, { display_name: 'Stale' }, { expectedVersion: 0 }));
        expect(expectDalError(stale, 'conflict').key).toEqual({ email: user.email });
        expect((await repositories.users.get(user.email))?.display_name).toBe('Ada L.');

        const again = await repositories.users.update(user.email, { email_verified: true }, { expectedVersion: 1 });
        expect(again).toMatchObject({ email_verified: true, version: 2, display_name: 'Ada L.' });

        expectDalError(
          await caught(repositories.users.update(uniqueEmail('ghost'), { display_name: 'x' }, { expectedVersion: 0 })),
          'not_found',
        );
      });

      it('rejects fields outside the allow-list and bad values before sending anything', async () => {
        const user = await repositories.users.create(userInput());
        const sent = await commandsDuring(async () => {
          const disallowed = await caught(
            repositories.users.update(user.email, { version: 9, email: 'x@y.z' } as never, { expectedVersion: 0 }),
          );
          expect(expectDalError(disallowed, 'validation').issues.map((issue) => issue.path)).toEqual(['version', 'email']);
          expectDalError(
            await caught(repositories.users.update(user.email, { preferences: { target_band: 7.3 } }, { expectedVersion: 0 })),
            'validation',
          );
          expectDalError(await caught(repositories.users.update(user.email, {}, { expectedVersion: 0 })), 'validation');
          expectDalError(await caught(repositories.users.create(userInput({ email: 'not-an-email' }))), 'validation');
        });
        expect(sent).toEqual([]);
      });

      it('adds a purchase once however often it is sent', async () => {
        const user = await repositories.users.create(userInput());
        const purchase = purchaseInput();
        const first = await repositories.users.addPurchase(user.email, purchase);
        expect(first.added).toBe(true);
        const second = await repositories.users.addPurchase(user.email, purchase);
        expect(second.added).toBe(false);
        const concurrent = await Promise.all(Array.from({ length: 10 }, () => repositories.users.addPurchase(user.email, purchase)));
        expect(concurrent.every((result) => !result.added)).toBe(true);
        const other = await repositories.users.addPurchase(user.email, purchaseInput({ source: 'web' }));
        expect(other.added).toBe(true);
        const stored = await repositories.users.get(user.email);
        expect(stored?.purchases.map((item) => item.purchase_id)).toEqual([purchase.purchase_id, other.user.purchases[1]?.purchase_id]);
        expect(stored?.purchases[0]).toEqual({ ...purchase, expires_at: null });
        expectDalError(await caught(repositories.users.addPurchase(uniqueEmail('ghost'), purchaseInput())), 'not_found');
      });

      it('records a login', async () => {
        const user = await repositories.users.create(userInput());
        const at = new Date('2026-11-26T08:30:00.000Z');
        const loggedIn = await repositories.users.recordLogin(user.email, at);
        expect(loggedIn.last_login).toBe(at.toISOString());
        expect(loggedIn.version).toBe(0);
        expectDalError(await caught(repositories.users.recordLogin(uniqueEmail('ghost'))), 'not_found');
      });

      it('starts a new user with every counter at 0', async () => {
        const user = await repositories.users.create(userInput());
        const usage = await repositories.users.getAllowanceUsage(user.email);
        expect(Object.keys(usage ?? {})).toHaveLength(7);
        expect(Object.values(usage ?? {}).every((used) => used === 0)).toBe(true);
        let counted = 0;
        const countExisting = async () => ++counted;
        expect(await repositories.users.consumeAllowance(user.email, 'listening', { limit: 1, countExisting })).toEqual({
          consumed: true,
          used: 1,
        });
        expect(counted).toBe(0);
      });

      it('starts the missing counters of a user from before counters, once, keeping any already there', async () => {
        const user = userInput();
        // Stored as an earlier version did: no counters.
        await backend.documentClient.send(new PutCommand({ TableName: names.users, Item: toUserItem(userSchema.parse(user)) }));
        const email = String(user.email);
        expect(await repositories.users.getAllowanceUsage(email)).toEqual({});
        expect(await repositories.users.initializeAllowance(email, { reading_academic: 4, speaking: 1 })).toEqual({
          reading_academic: 4,
          speaking: 1,
        });
        // A second start, say from a request racing the first, changes nothing already counted.
        expect(await repositories.users.initializeAllowance(email.toUpperCase(), { reading_academic: 9, listening: 2 })).toEqual({
          reading_academic: 4,
          speaking: 1,
          listening: 2,
        });
        expect(await repositories.users.initializeAllowance(email, {})).toEqual({ reading_academic: 4, speaking: 1, listening: 2 });
        expectDalError(await caught(repositories.users.initializeAllowance(uniqueEmail('ghost'), { listening: 0 })), 'not_found');
        const sent = await commandsDuring(async () => {
          expectDalError(await caught(repositories.users.initializeAllowance(email, { listening: -1 })), 'validation');
          expectDalError(await caught(repositories.users.initializeAllowance(email, { cooking: 1 } as never)), 'validation');
        });
        expect(sent).toEqual([]);
      });

      it('counts assessments against a limit atomically: of 20 concurrent calls for the last 3, exactly 3 win', async () => {
        // A user from before counters, so the first calls start the counter from what is stored.
        const user = userSchema.parse(userInput());
        await backend.documentClient.send(new PutCommand({ TableName: names.users, Item: toUserItem(user) }));
        expect(await repositories.users.getAllowanceUsage(user.email)).toEqual({});
        let counted = 0;
        // Two writing assessments stored before the counter existed.
        const countExisting = async () => {
          counted++;
          return 2;
        };
        const results = await Promise.all(
          Array.from({ length: 20 }, () => repositories.users.consumeAllowance(user.email, 'writing_task2', { limit: 5, countExisting })),
        );
        expect(results.filter((result) => result.consumed)).toHaveLength(3);
        expect(
          results
            .filter((result) => result.consumed)
            .map((result) => result.used)
            .sort(),
        ).toEqual([3, 4, 5]);
        expect(results.filter((result) => !result.consumed).every((result) => result.used === 5)).toBe(true);
        expect(counted).toBeGreaterThanOrEqual(1);
        expect(await repositories.users.getAllowanceUsage(user.email.toUpperCase())).toEqual({ writing_task2: 5 });

        // A counter already there is never recounted; other types have their own.
        const before = counted;
        expect(await repositories.users.consumeAllowance(user.email, 'writing_task2', { limit: 5, countExisting })).toEqual({
          consumed: false,
          used: 5,
        });
        expect(await repositories.users.consumeAllowance(user.email, 'writing_task2', { limit: 6, countExisting })).toEqual({
          consumed: true,
          used: 6,
        });
        expect(counted).toBe(before);
        expect(await repositories.users.consumeAllowance(user.email, 'listening', { limit: 1, countExisting: async () => 0 })).toEqual({
          consumed: true,
          used: 1,
        });
        expect(await repositories.users.consumeAllowance(user.email, 'speaking', { limit: 0, countExisting: async () => 0 })).toEqual({
          consumed: false,
          used: 0,
        });

        // Releasing gives one back, never below zero.
        expect(await repositories.users.releaseAllowance(user.email, 'listening')).toBe(true);
        expect(await repositories.users.releaseAllowance(user.email, 'listening')).toBe(false);
        expect(await repositories.users.releaseAllowance(user.email, 'reading_academic')).toBe(false);
        expect(await repositories.users.getAllowanceUsage(user.email)).toEqual({ writing_task2: 6, listening: 0, speaking: 0 });
        // The user and the counters from one read, for a request that needs both.
        const stored = await repositories.users.get(user.email);
        const oneRead = await commandsDuring(async () => {
          expect(await repositories.users.getWithAllowanceUsage(user.email.toUpperCase())).toEqual({
            user: stored,
            allowanceUsage: { writing_task2: 6, listening: 0, speaking: 0 },
          });
        });
        expect(oneRead).toEqual(['GetItemCommand']);
        expect(await repositories.users.getWithAllowanceUsage(uniqueEmail('nobody'))).toBeUndefined();

        // The counters live beside the user without changing it or its updates.
        const updated = await repositories.users.update(user.email, { display_name: 'Counted' }, { expectedVersion: 0 });
        expect(updated).toEqual({ ...user, display_name: 'Counted', version: 1 });
        expect(await repositories.users.getAllowanceUsage(user.email)).toEqual({ writing_task2: 6, listening: 0, speaking: 0 });

        const ghost = uniqueEmail('ghost');
        expectDalError(await caught(repositories.users.consumeAllowance(ghost, 'listening', { limit: 3, countExisting })), 'not_found');
        expect(await repositories.users.getAllowanceUsage(ghost)).toBeUndefined();
        expect(await repositories.users.get(ghost)).toBeUndefined();
        const sent = await commandsDuring(async () => {
          expectDalError(
            await caught(repositories.users.consumeAllowance(user.email, 'cooking' as never, { limit: 3, countExisting })),
            'validation',
          );
          expectDalError(
            await caught(repositories.users.consumeAllowance(user.email, 'listening', { limit: -1, countExisting })),
            'validation',
          );
        });
        expect(sent).toEqual([]);
      });

      it('reconciles a counter down to the assessments stored only once its last count has settled', async () => {
        const user = await repositories.users.create(userInput());
        // Counts stamped at a known time by a repository on a fixed clock.
        const countedAt = new Date(Date.UTC(2030, 0, 1));
        const stamped = createRepositories({
          documentClient: backend.documentClient,
          prefix,
          cursorSecret,
          clock: () => countedAt.getTime(),
        });
        for (let count = 0; count < 3; count++)
          await stamped.users.consumeAllowance(user.email, 'writing_task2', { limit: 10, countExisting: async () => 0 });
        const before = (minutes: number) => ({ settledBefore: new Date(countedAt.getTime() + minutes * 60_000) });
        // A count at or after the cut-off may belong to a request still storing its answer: kept.
        expect(await repositories.users.reconcileAllowance(user.email, 'writing_task2', { stored: 1, ...before(0) })).toBe(false);
        expect(await repositories.users.getAllowanceUsage(user.email)).toMatchObject({ writing_task2: 3 });
        expect(await repositories.users.reconcileAllowance(user.email, 'writing_task2', { stored: 1, ...before(1) })).toBe(true);
        expect(await repositories.users.getAllowanceUsage(user.email)).toMatchObject({ writing_task2: 1 });
        // Never raised, and a type without a counter (or a user without one) is left alone.
        expect(await repositories.users.reconcileAllowance(user.email, 'writing_task2', { stored: 2, ...before(1) })).toBe(false);
        expect(await repositories.users.reconcileAllowance(user.email, 'speaking', { stored: 0, ...before(1) })).toBe(false);
        expect(await repositories.users.reconcileAllowance(uniqueEmail('nobody'), 'speaking', { stored: 0, ...before(1) })).toBe(false);
        expect(await repositories.users.getAllowanceUsage(user.email)).toMatchObject({ writing_task2: 1, speaking: 0 });
        expectDalError(
          await caught(repositories.users.reconcileAllowance(user.email, 'writing_task2', { stored: -1, ...before(1) })),
          'validation',
        );
        // The stamp stays outside the user, like the counters.
        expect(await repositories.users.get(user.email)).not.toHaveProperty('allowance_counted_at_writing_task2');
      });

      it('reports an item that does not match the schema as invalid_item naming table and key', async () => {
        const email = uniqueEmail('corrupt');
        await backend.documentClient.send(new PutCommand({ TableName: names.users, Item: { email, user_id: 'not-a-uuid' } }));
        const error = expectDalError(await caught(repositories.users.get(email)), 'invalid_item');
        expect(error.tableName).toBe(names.users);
        expect(error.key).toEqual({ email });
        expect(error.message).toContain(names.users);
        expect(error.message).toContain(email);
        expect(error.issues.map((issue) => issue.path)).toContain('user_id');
      });

      it('reports the capacity each call consumed', async () => {
        const user = await repositories.users.create(userInput());
        await repositories.users.get(user.email);
        const create = capacity.find((report) => report.operation === 'users.create');
        const get = capacity.find((report) => report.operation === 'users.get');
        expect(create).toMatchObject({ tableName: names.users });
        expect(create!.capacityUnits).toBeGreaterThan(0);
        expect(get!.capacityUnits).toBeGreaterThan(0);
        // A new user's counters exist: counting is one request.
        let before = capacity.length;
        await repositories.users.consumeAllowance(user.email, 'speaking', { limit: 2, countExisting: async () => 0 });
        expect(capacity.slice(before).map((report) => report.operation)).toEqual(['users.consumeAllowance']);
        // A call that sends several requests reports each of them under its own name: for a user
        // from before counters, counting fails on the missing counter (a failed condition reports
        // no capacity), then it reads the counters, initializes this one and counts again.
        const legacy = userSchema.parse(userInput());
        await backend.documentClient.send(new PutCommand({ TableName: names.users, Item: toUserItem(legacy) }));
        before = capacity.length;
        await repositories.users.consumeAllowance(legacy.email, 'speaking', { limit: 2, countExisting: async () => 0 });
        const reports = capacity.slice(before);
        expect(reports.map((report) => report.operation)).toEqual(Array(3).fill('users.consumeAllowance'));
        expect(reports.every((report) => report.tableName === names.users && report.capacityUnits > 0)).toBe(true);
      });
    });

    describe('reserved words', () => {
      it('sets and conditions on name, status, timestamp and data through placeholders', async () => {
        const email = uniqueEmail('reserved');
        await backend.documentClient.send(new PutCommand({ TableName: names.users, Item: { email, status: 'new' } }));
        const builder = createExpressionBuilder();
        const assignments = ['name', 'status', 'timestamp', 'data'].map(
          (attribute) => `${builder.name(attribute)} = ${builder.value(`${attribute}-value`)}`,
        );
        const sender = createRequestSender({ documentClient: backend.documentClient });
        await sender.update(
          { operation: 'test.reserved', tableName: names.users, key: { email } },
          {
            TableName: names.users,
            Key: { email },
            UpdateExpression: `SET ${assignments.join(', ')}`,
            ConditionExpression: `${builder.name('status')} = ${builder.value('new')}`,
            ...builder.attributes(),
          },
        );
        const stored = await backend.documentClient.send(new GetCommand({ TableName: names.users, Key: { email } }));
        expect(stored.Item).toEqual({
          email,
          name: 'name-value',
          status: 'status-value',
          timestamp: 'timestamp-value',
          data: 'data-value',
        });
      });
    });

    describe('sessions', () => {
      it('creates and reads a live session; a second create with the same id is a duplicate', async () => {
        const input = sessionInput();
        const session = await repositories.sessions.create(input);
        expect(await repositories.sessions.get(session.session_id)).toEqual(session);
        expectDalError(await caught(repositories.sessions.create(input)), 'duplicate');
        expect(await repositories.sessions.get('0'.repeat(64))).toBeUndefined();
      });

      it('treats an expired item that TTL has not deleted yet as absent', async () => {
        const idleExpired = await repositories.sessions.create(sessionInput({ expires_at: nowSeconds() - 60 }));
        const absoluteExpired = await repositories.sessions.create(sessionInput({ absolute_expires_at: nowSeconds() - 1 }));
        expect(await repositories.sessions.get(idleExpired.session_id)).toBeUndefined();
        expect(await repositories.sessions.get(absoluteExpired.session_id)).toBeUndefined();
        // The items are still there: only the read hides them.
        const raw = await backend.documentClient.send(
          new GetCommand({ TableName: names.sessions, Key: { session_id: idleExpired.session_id } }),
        );
        expect(raw.Item?.session_id).toBe(idleExpired.session_id);
      });

      it('touches a live session, caps it at the absolute expiry, and never revives an expired one', async () => {
        const now = nowSeconds();
        const live = await repositories.sessions.create(sessionInput({ last_seen_at: now - 100, absolute_expires_at: now + 5000 }));
        const touched = await repositories.sessions.touch(live.session_id, { expiresAt: now + 3600 });
        expect(touched?.expires_at).toBe(now + 3600);
        expect(touched!.last_seen_at).toBeGreaterThanOrEqual(now);
        const capped = await repositories.sessions.touch(live.session_id, { expiresAt: now + 10_000 });
        expect(capped?.expires_at).toBe(now + 5000);

        const expired = await repositories.sessions.create(sessionInput({ expires_at: now - 5 }));
        expect(await repositories.sessions.touch(expired.session_id, { expiresAt: now + 3600 })).toBeUndefined();
        const raw = await backend.documentClient.send(
          new GetCommand({ TableName: names.sessions, Key: { session_id: expired.session_id } }),
        );
        expect(raw.Item?.expires_at).toBe(now - 5);
        expect(await repositories.sessions.get(expired.session_id)).toBeUndefined();
        expect(await repositories.sessions.touch('f'.repeat(64), { expiresAt: now + 3600 })).toBeUndefined();
      });

      it('deletes one session', async () => {
        const session = await repositories.sessions.create(sessionInput());
        await repositories.sessions.delete(session.session_id);
        expect(await repositories.sessions.get(session.session_id)).toBeUndefined();
        await repositories.sessions.delete(session.session_id);
      });

      it("deletes all of a user's sessions across every GSI page and leaves others alone", async () => {
        const email = uniqueEmail('many-sessions');
        const other = await repositories.sessions.create(sessionInput());
        const created = [];
        for (let start = 0; start < 230; start += 23) {
          created.push(
            ...(await Promise.all(Array.from({ length: 23 }, () => repositories.sessions.create(sessionInput({ user_email: email }))))),
          );
        }
        const listed = await repositories.sessions.listForUser(email);
        expect(new Set(listed.map((session) => session.session_id))).toEqual(new Set(created.map((session) => session.session_id)));

        const sent = await commandsDuring(async () => {
          expect(await repositories.sessions.deleteAllForUser(email.toUpperCase())).toBe(230);
        });
        // 230 sessions at 100 per page is three pages, deleted 25 per batch.
        expect(sent.filter((name) => name === 'QueryCommand')).toHaveLength(3);
        expect(sent.filter((name) => name === 'BatchWriteItemCommand').length).toBeGreaterThanOrEqual(10);
        expect(await repositories.sessions.listForUser(email)).toEqual([]);
        for (const session of created.slice(0, 5)) expect(await repositories.sessions.get(session.session_id)).toBeUndefined();
        expect(await repositories.sessions.get(other.session_id)).toEqual(other);
        expect(await repositories.sessions.deleteAllForUser(email)).toBe(0);
      });

      it('consumes a live session exactly once, even under concurrent attempts', async () => {
        const session = await repositories.sessions.create(sessionInput());
        expect(await repositories.sessions.consume(session.session_id)).toEqual(session);
        expect(await repositories.sessions.get(session.session_id)).toBeUndefined();
        expectDalError(await caught(repositories.sessions.consume(session.session_id)), 'not_found');

        const contested = await repositories.sessions.create(sessionInput());
        const results = await Promise.allSettled(Array.from({ length: 10 }, () => repositories.sessions.consume(contested.session_id)));
        const fulfilled = results.filter((result) => result.status === 'fulfilled');
        expect(fulfilled).toHaveLength(1);
        expect((fulfilled[0] as PromiseFulfilledResult<unknown>).value).toEqual(contested);
        for (const result of results.filter((entry): entry is PromiseRejectedResult => entry.status === 'rejected')) {
          expectDalError(result.reason, 'not_found');
        }

        // An expired item is not consumed: it stays for TTL to delete.
        const expired = await repositories.sessions.create(sessionInput({ expires_at: nowSeconds() - 1 }));
        expectDalError(await caught(repositories.sessions.consume(expired.session_id)), 'not_found');
        const raw = await backend.documentClient.send(
          new GetCommand({ TableName: names.sessions, Key: { session_id: expired.session_id } }),
        );
        expect(raw.Item?.session_id).toBe(expired.session_id);
        expectDalError(await caught(repositories.sessions.consume('e'.repeat(64))), 'not_found');
      });

      it('lists only live sessions', async () => {
        const email = uniqueEmail('listing');
        const live = await repositories.sessions.create(sessionInput({ user_email: email }));
        await repositories.sessions.create(sessionInput({ user_email: email, expires_at: nowSeconds() - 1 }));
        expect(await repositories.sessions.listForUser(email)).toEqual([live]);
      });
    });

    describe('assessments', () => {
      it('saves, reads back and refuses a second assessment with the same id', async () => {
        const input = startedAssessmentInput();
        const { assessment, created } = await repositories.assessments.save(input);
        expect(created).toBe(true);
        expect(await repositories.assessments.get(assessment.assessment_id)).toEqual(assessment);
        expectDalError(await caught(repositories.assessments.save(input)), 'duplicate');
        expect(await repositories.assessments.get('asm-missing')).toBeUndefined();
      });

      it('reserves an idempotency key once per user and scope, even for concurrent claims, and keeps its fingerprint', async () => {
        const email = uniqueEmail('idempotent');
        const key = `idem-${Date.now()}-key`;
        const claim = {
          userEmail: email,
          scope: 'writing.evaluate',
          idempotencyKey: key,
          fingerprint: 'body-a',
          targetAssessmentId: `asm-${key}`,
        };
        const racing = await Promise.all(Array.from({ length: 10 }, () => repositories.assessments.claimIdempotencyKey(claim)));
        expect(racing.filter((result) => result.claimed)).toHaveLength(1);
        const lost = racing.filter((result) => !result.claimed);
        expect(lost).toHaveLength(9);
        expect(
          new Set(lost.map((result) => (result.claimed ? '' : `${result.record.fingerprint} ${result.record.target_assessment_id}`))),
        ).toEqual(new Set([`body-a asm-${key}`]));
        const first = await repositories.assessments.save(
          startedAssessmentInput({ assessment_id: claim.targetAssessmentId, user_email: email, idempotency_key: key }),
        );
        expect(first.created).toBe(true);
        const retry = await repositories.assessments.save(
          startedAssessmentInput({ assessment_id: claim.targetAssessmentId, user_email: email, idempotency_key: key }),
        );
        expect(retry).toEqual({ assessment: first.assessment, created: false });

        // Another scope, or another user, is another claim.
        expect(await repositories.assessments.claimIdempotencyKey({ ...claim, scope: 'reading.evaluate' })).toEqual({ claimed: true });
        expect(await repositories.assessments.claimIdempotencyKey({ ...claim, userEmail: uniqueEmail('other') })).toEqual({
          claimed: true,
        });
        const otherUser = await repositories.assessments.save(startedAssessmentInput({ idempotency_key: key }));
        expect(otherUser.created).toBe(true);

        // Released, it can be claimed again; a release naming another reservation time changes nothing.
        const releasable = { ...claim, idempotencyKey: `${key}-released` };
        expect(await repositories.assessments.claimIdempotencyKey(releasable)).toEqual({ claimed: true });
        await repositories.assessments.releaseIdempotencyKey(releasable, '2000-01-01T00:00:00.000Z');
        expect((await repositories.assessments.claimIdempotencyKey(releasable)).claimed).toBe(false);
        await repositories.assessments.releaseIdempotencyKey(releasable);
        expect(await repositories.assessments.claimIdempotencyKey(releasable)).toEqual({ claimed: true });

        // Markers never show in the history: one assessment.
        const history = await repositories.assessments.listByUser(email, { limit: 50 });
        expect(history.items.map((item) => item.assessment_id)).toEqual([claim.targetAssessmentId]);
        expect(history.next_cursor).toBeNull();
      });

      it("walks a user's history newest first across pages, losing and repeating nothing", async () => {
        const email = uniqueEmail('history');
        const order = Array.from({ length: 53 }, (_, index) => index).sort(() => Math.random() - 0.5);
        for (let start = 0; start < order.length; start += 10) {
          await Promise.all(
            order.slice(start, start + 10).map((index) =>
              repositories.assessments.save(
                startedAssessmentInput({
                  user_email: email,
                  timestamp: minutesAfterStart(index),
                  assessment_id: `hist-${email}-${index}`.replace(/[@]/g, '_'),
                }),
              ),
            ),
          );
        }
        await repositories.assessments.save(startedAssessmentInput({ timestamp: minutesAfterStart(1000) }));

        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page = await repositories.assessments.listByUser(email, { limit: 10, cursor });
          pages++;
          expect(page.items.length).toBeGreaterThan(0);
          expect(page.items.length).toBeLessThanOrEqual(10);
          seen.push(...page.items.map((item) => item.timestamp));
          cursor = page.next_cursor;
        } while (cursor);
        expect(pages).toBe(6);
        expect(seen).toHaveLength(53);
        expect(new Set(seen).size).toBe(53);
        expect(seen).toEqual(Array.from({ length: 53 }, (_, index) => minutesAfterStart(52 - index)));

        const exact = await repositories.assessments.listByUser(email, { limit: 53 });
        expect(exact.items).toHaveLength(53);
        expect(exact.next_cursor).toBeNull();
      });

      it('lists the fields of a history row, each criterion with its band only, and get reads the whole assessment', async () => {
        const email = uniqueEmail('rows');
        const { assessment } = await repositories.assessments.save(
          startedAssessmentInput({ user_email: email, question_id: 'writing-task2-001' }),
        );
        const scored = await repositories.assessments.updateCompletion(assessment.assessment_id, writingTask2Result(), {
          completedAt: new Date('2026-11-25T10:20:00.000Z'),
        });
        const started = await repositories.assessments.save(
          startedAssessmentInput({ user_email: email, assessment_type: 'speaking', timestamp: minutesAfterStart(0) }),
        );
        const sent = await commandsDuring(async () => {
          const page = await repositories.assessments.listByUser(email);
          expect(page.items).toEqual([
            {
              assessment_id: scored.assessment_id,
              assessment_type: 'writing_task2',
              user_email: email,
              question_id: 'writing-task2-001',
              timestamp: scored.timestamp,
              completed_at: '2026-11-25T10:20:00.000Z',
              completed: true,
              overall_band: 6.5,
              criteria_scores: {
                task_response: { band: 6.5 },
                coherence_cohesion: { band: 7 },
                lexical_resource: { band: 6.5 },
                grammatical_range_accuracy: { band: 6 },
              },
              flags: [],
            },
            { ...assessmentListItemSchema.parse(started.assessment), criteria_scores: {} },
          ]);
        });
        // One query; the exact items above show that no submission, feedback or question results came back.
        expect(sent).toEqual(['QueryCommand']);
        expect(await repositories.assessments.get(scored.assessment_id)).toEqual(scored);
      });

      it('pages through assessments that share a timestamp without losing or repeating one', async () => {
        const email = uniqueEmail('same-time');
        const saved = await Promise.all(
          Array.from({ length: 25 }, () =>
            repositories.assessments.save(startedAssessmentInput({ user_email: email, timestamp: minutesAfterStart(7) })),
          ),
        );
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page = await repositories.assessments.listByUser(email, { limit: 10, cursor });
          seen.push(...page.items.map((item) => item.assessment_id));
          cursor = page.next_cursor;
        } while (cursor);
        expect(seen).toHaveLength(25);
        expect(new Set(seen)).toEqual(new Set(saved.map((result) => result.assessment.assessment_id)));
      });

      it('reports a stored item in a history page that does not match the schema, naming it, and pages past one that is not shown', async () => {
        const email = uniqueEmail('corrupt-history');
        const good = await repositories.assessments.save(startedAssessmentInput({ user_email: email, timestamp: minutesAfterStart(2) }));
        await backend.documentClient.send(
          new PutCommand({
            TableName: names.assessments,
            Item: { assessment_id: 'asm-corrupt-1', user_email: email, timestamp: minutesAfterStart(1), assessment_type: 'cooking' },
          }),
        );
        // The first page of one holds the good item; the corrupt one only tells that a next page exists.
        const first = await repositories.assessments.listByUser(email, { limit: 1 });
        expect(first.items).toEqual([assessmentListItemSchema.parse(good.assessment)]);
        const error = expectDalError(
          await caught(repositories.assessments.listByUser(email, { limit: 1, cursor: first.next_cursor })),
          'invalid_item',
        );
        expect(error.tableName).toBe(names.assessments);
        expect(error.key).toEqual({ assessment_id: 'asm-corrupt-1' });
        expect(error.issues.map((issue) => issue.path)).toContain('assessment_type');
      });

      it('rejects a cursor from another user, a tampered one and a forged one', async () => {
        const email = uniqueEmail('cursor-owner');
        for (let index = 0; index < 3; index++) {
          await repositories.assessments.save(startedAssessmentInput({ user_email: email, timestamp: minutesAfterStart(index) }));
        }
        const page = await repositories.assessments.listByUser(email, { limit: 1 });
        expect(page.next_cursor).not.toBeNull();
        const cursor = page.next_cursor!;
        const sent = await commandsDuring(async () => {
          expectDalError(await caught(repositories.assessments.listByUser(uniqueEmail('thief'), { cursor })), 'invalid_cursor');
          const [body, signature] = cursor.split('.') as [string, string];
          const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
          payload.k.timestamp = '2099-01-01T00:00:00.000Z';
          const tampered = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
          expectDalError(await caught(repositories.assessments.listByUser(email, { cursor: tampered })), 'invalid_cursor');
          const forged = encodeCursor({ list: `assessments:${names.assessments}`, owner: email }, payload.k, 'another-secret');
          expectDalError(await caught(repositories.assessments.listByUser(email, { cursor: forged })), 'invalid_cursor');
          expectDalError(await caught(repositories.assessments.listByUser(email, { cursor: 'garbage' })), 'invalid_cursor');
        });
        expect(sent).toEqual([]);
        const next = await repositories.assessments.listByUser(email.toUpperCase(), { limit: 1, cursor });
        expect(next.items[0]?.timestamp).toBe(minutesAfterStart(1));
      });

      it('discards an assessment in progress, but never a scored one or one changed meanwhile', async () => {
        const { assessment } = await repositories.assessments.save(startedAssessmentInput({ assessment_type: 'speaking' }));
        expectDalError(
          await caught(repositories.assessments.discardInProgress(assessment.assessment_id, { expectedVersion: 3 })),
          'conflict',
        );
        await repositories.assessments.discardInProgress(assessment.assessment_id, { expectedVersion: 0 });
        expect(await repositories.assessments.get(assessment.assessment_id)).toBeUndefined();
        expectDalError(
          await caught(repositories.assessments.discardInProgress(assessment.assessment_id, { expectedVersion: 0 })),
          'not_found',
        );

        const { assessment: scored } = await repositories.assessments.save(startedAssessmentInput());
        await repositories.assessments.updateCompletion(scored.assessment_id, writingTask2Result(), {
          expectedVersion: 0,
          completedAt: new Date('2026-11-25T10:20:00.000Z'),
        });
        const refused = expectDalError(
          await caught(repositories.assessments.discardInProgress(scored.assessment_id, { expectedVersion: 1 })),
          'conflict',
        );
        expect(refused.message).toMatch(/completed/);
        expect((await repositories.assessments.get(scored.assessment_id))?.completed).toBe(true);
      });

      it('stores a completion result, with version checks', async () => {
        const { assessment } = await repositories.assessments.save(startedAssessmentInput());
        const completedAt = new Date('2026-11-25T10:20:00.000Z');
        const completed = await repositories.assessments.updateCompletion(assessment.assessment_id, writingTask2Result(), {
          expectedVersion: 0,
          completedAt,
        });
        expect(completed).toMatchObject({
          completed: true,
          overall_band: 6.5,
          version: 1,
          completed_at: completedAt.toISOString(),
          word_count: 287,
        });
        expect(completed.submission).toEqual(assessment.submission);
        expect(await repositories.assessments.get(assessment.assessment_id)).toEqual(completed);

        expectDalError(
          await caught(repositories.assessments.updateCompletion(assessment.assessment_id, writingTask2Result(), { expectedVersion: 0 })),
          'conflict',
        );
        expectDalError(await caught(repositories.assessments.updateCompletion('asm-nope', writingTask2Result())), 'not_found');
        const speaking = await repositories.assessments.save(startedAssessmentInput({ assessment_type: 'speaking' }));
        expectDalError(
          await caught(repositories.assessments.updateCompletion(speaking.assessment.assessment_id, writingTask2Result())),
          'validation',
        );
        const sent = await commandsDuring(async () => {
          expectDalError(
            await caught(
              repositories.assessments.updateCompletion(assessment.assessment_id, { ...writingTask2Result(), criteria_scores: {} }),
            ),
            'validation',
          );
        });
        expect(sent).toEqual([]);
      });

      it('saves the progress of a test under way with optimistic locking, until it is completed', async () => {
        const { assessment } = await repositories.assessments.save(
          startedAssessmentInput({ assessment_type: 'speaking', submission: { turns: [] }, speaking_session: { part: 1, turn: 0 } }),
        );
        const first = await repositories.assessments.updateProgress(
          assessment.assessment_id,
          { speaking_session: { part: 1, turn: 1 }, submission: { turns: [{ text: 'I live in Lyon.' }] } },
          { expectedVersion: 0 },
        );
        expect(first).toEqual({
          ...assessment,
          speaking_session: { part: 1, turn: 1 },
          submission: { turns: [{ text: 'I live in Lyon.' }] },
          version: 1,
        });
        expect(await repositories.assessments.get(assessment.assessment_id)).toEqual(first);

        // One field alone; the other keeps its value.
        const second = await repositories.assessments.updateProgress(
          assessment.assessment_id,
          { speaking_session: { part: 2 } },
          { expectedVersion: 1 },
        );
        expect(second).toMatchObject({ speaking_session: { part: 2 }, submission: first.submission, version: 2 });

        const stale = expectDalError(
          await caught(
            repositories.assessments.updateProgress(assessment.assessment_id, { speaking_session: { part: 3 } }, { expectedVersion: 1 }),
          ),
          'conflict',
        );
        expect(stale.key).toEqual({ assessment_id: assessment.assessment_id });
        expect(stale.message).toContain('version 2');

        // Two turns saved at once from the same version: exactly one is stored.
        const racing = await Promise.allSettled(
          [1, 2].map((turn) =>
            repositories.assessments.updateProgress(assessment.assessment_id, { submission: { turns: [turn] } }, { expectedVersion: 2 }),
          ),
        );
        expect(racing.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        expectDalError((racing.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason, 'conflict');
        const winner = (racing.find((result) => result.status === 'fulfilled') as PromiseFulfilledResult<{ submission: unknown }>).value;
        expect((await repositories.assessments.get(assessment.assessment_id))?.submission).toEqual(winner.submission);

        expectDalError(
          await caught(repositories.assessments.updateProgress('asm-nope', { submission: {} }, { expectedVersion: 0 })),
          'not_found',
        );
        const sent = await commandsDuring(async () => {
          for (const bad of [{}, { submission: 'text' }, { completed: true }, { speaking_session: [] }]) {
            expectDalError(
              await caught(repositories.assessments.updateProgress(assessment.assessment_id, bad as never, { expectedVersion: 3 })),
              'validation',
            );
          }
          expectDalError(
            await caught(
              repositories.assessments.updateProgress(
                idempotencyMarkerIdFor(assessment.user_email),
                { submission: {} },
                { expectedVersion: 0 },
              ),
            ),
            'not_found',
          );
        });
        expect(sent).toEqual([]);
        expect((await repositories.assessments.get(assessment.assessment_id))?.version).toBe(3);

        const { assessment: writing } = await repositories.assessments.save(startedAssessmentInput());
        const completed = await repositories.assessments.updateCompletion(writing.assessment_id, writingTask2Result(), {
          expectedVersion: 0,
        });
        const done = expectDalError(
          await caught(
            repositories.assessments.updateProgress(
              writing.assessment_id,
              { submission: { essay: 'rewritten' } },
              { expectedVersion: completed.version },
            ),
          ),
          'conflict',
        );
        expect(done.message).toContain('completed');
        expect((await repositories.assessments.get(writing.assessment_id))?.submission).toEqual(writing.submission);
      });

      it("counts a user's assessments by type across every page, reading only their type", async () => {
        const email = uniqueEmail('counted');
        // 30 answers of ~40 KB pass the 1 MB page limit of a Query.
        const large = Array.from({ length: 30 }, () =>
          startedAssessmentInput({ user_email: email, assessment_type: 'reading_academic', submission: { essay: 'x'.repeat(40_000) } }),
        );
        for (let start = 0; start < large.length; start += 10) {
          await Promise.all(large.slice(start, start + 10).map((input) => repositories.assessments.save(input)));
        }
        const { assessment: scored } = await repositories.assessments.save(startedAssessmentInput({ user_email: email }));
        await repositories.assessments.updateCompletion(scored.assessment_id, writingTask2Result(), {
          expectedVersion: 0,
          completedAt: new Date('2026-11-25T10:20:00.000Z'),
        });
        await repositories.assessments.save(
          startedAssessmentInput({ user_email: email, assessment_type: 'speaking', idempotency_key: 'count-key-1' }),
        );
        // An idempotency marker sits in the same table: it must not count.
        await repositories.assessments.claimIdempotencyKey({
          userEmail: email,
          scope: 'speaking.start',
          idempotencyKey: 'count-key-1',
          fingerprint: 'f',
          targetAssessmentId: 'asm-count-key-1',
        });
        await repositories.assessments.save(startedAssessmentInput({ assessment_type: 'listening' }));

        let counts: unknown;
        const sent = await commandsDuring(async () => {
          counts = await repositories.assessments.countByType(email.toUpperCase());
        });
        expect(counts).toEqual({
          writing_task1_academic: 0,
          writing_task1_general_training: 0,
          writing_task2: 1,
          reading_academic: 30,
          reading_general_training: 0,
          listening: 0,
          speaking: 1,
        });
        expect(sent.filter((name) => name === 'QueryCommand').length).toBeGreaterThanOrEqual(2);
        expect(sent.every((name) => name === 'QueryCommand')).toBe(true);
        // Only the scored ones: a started speaking test is not charged until it is scored.
        expect(await repositories.assessments.countByType(email, { completedOnly: true })).toMatchObject({
          writing_task2: 1,
          reading_academic: 0,
          speaking: 0,
        });
        expect(Object.values(await repositories.assessments.countByType(uniqueEmail('nobody'))).every((count) => count === 0)).toBe(true);
      });

      it('stores an item just under 400 KB and refuses one over it without sending', async () => {
        const base = startedAssessmentInput({ submission: { essay: '' } });
        const overhead = itemSize({ ...base, submission: { essay: '' } } as Record<string, unknown>);
        // Defaults filled by the schema add a little; leave 2 KB for them.
        const fits = startedAssessmentInput({
          ...base,
          submission: { essay: 'é'.repeat(Math.floor((MAX_ITEM_BYTES - overhead - 2048) / 2)) },
        });
        const { assessment } = await repositories.assessments.save(fits);
        const stored = await repositories.assessments.get(assessment.assessment_id);
        expect(stored?.submission).toEqual(fits.submission);
        expect(itemSize(stored as Record<string, unknown>)).toBeGreaterThan(MAX_ITEM_BYTES - 4096);

        const tooBig = startedAssessmentInput({ submission: { essay: 'x'.repeat(MAX_ITEM_BYTES) } });
        const sent = await commandsDuring(async () => {
          const error = expectDalError(await caught(repositories.assessments.save(tooBig)), 'item_too_large');
          expect(error.tableName).toBe(names.assessments);
        });
        expect(sent).toEqual([]);
        expect(await repositories.assessments.get(String(tooBig.assessment_id))).toBeUndefined();
      });
    });

    describe('questions', () => {
      it('puts many, gets one, and lists a type across every page of the GSI', async () => {
        // 30 reading questions of ~40 KB pass the 1 MB page limit of a Query.
        const reading = Array.from({ length: 30 }, () => readingQuestionInput(40_000));
        const writing = Array.from({ length: 35 }, () => questionInput());
        const sent = await commandsDuring(async () => {
          const stored = await repositories.questions.putMany([...reading, ...writing]);
          expect(stored).toHaveLength(65);
        });
        expect(sent.filter((name) => name === 'BatchWriteItemCommand').length).toBeGreaterThanOrEqual(3);

        const listSent = await commandsDuring(async () => {
          const listed = await repositories.questions.listByType('reading_academic');
          expect(listed).toHaveLength(30);
          expect(new Set(listed.map((question) => question.question_id))).toEqual(new Set(reading.map((question) => question.question_id)));
          expect(listed[0]?.answer_key).toEqual({ '1': 'sand', '2': 'TRUE' });
        });
        expect(listSent.filter((name) => name === 'QueryCommand').length).toBeGreaterThanOrEqual(2);

        const writingListed = await repositories.questions.listByType('writing_task2');
        expect(writingListed.length).toBeGreaterThanOrEqual(35);
        const one = await repositories.questions.get(String(writing[0]!.question_id));
        expect(one).toMatchObject({ question_id: writing[0]!.question_id, word_limit: 250, chart: null, tags: [] });
        expect(await repositories.questions.get('q-missing')).toBeUndefined();
      });

      it('pages a type’s questions in id order with signed cursors bound to the type', async () => {
        const all = (await repositories.questions.listByType('reading_academic')).map((question) => question.question_id);
        expect(all.length).toBeGreaterThan(7);
        const walked: string[] = [];
        const cursors: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof repositories.questions.listPageByType>> = await repositories.questions.listPageByType(
            'reading_academic',
            { limit: 7, cursor },
          );
          expect(page.items.length).toBeLessThanOrEqual(7);
          walked.push(...page.items.map((question) => question.question_id));
          cursor = page.next_cursor;
          if (cursor) cursors.push(cursor);
        } while (cursor);
        expect(walked).toEqual([...all].sort((a, b) => a.localeCompare(b)));
        expect(cursors).toHaveLength(Math.ceil(all.length / 7) - 1);
        // A cursor is for its own type's list, unaltered.
        expectDalError(await caught(repositories.questions.listPageByType('writing_task2', { cursor: cursors[0]! })), 'invalid_cursor');
        const [body, signature] = cursors[0]!.split('.') as [string, string];
        const forged = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), k: { question_id: '' } })).toString('base64url')}.${signature}`;
        expectDalError(await caught(repositories.questions.listPageByType('reading_academic', { cursor: forged })), 'invalid_cursor');
        expectDalError(await caught(repositories.questions.listPageByType('reading_academic', { limit: 0 })), 'validation');
        expectDalError(await caught(repositories.questions.listPageByType('reading_academic', { limit: 101 })), 'validation');
      });

      it('keeps a listening section’s recording and its duration', async () => {
        const section = {
          part: 1,
          title: 'Enrolling on a course',
          transcript: 'WOMAN: Good morning.',
          audio_url: 'https://cdn.example.com/li/1.mp3',
          audio_duration_seconds: 312,
        };
        const [stored] = await repositories.questions.putMany([
          questionInput({ assessment_type: 'listening', word_limit: null, sections: [section] }),
        ]);
        expect((await repositories.questions.get(String(stored!.question_id)))?.sections).toEqual([section]);
        const unrecorded = { ...section, audio_url: null };
        expectDalError(
          await caught(
            repositories.questions.putMany([questionInput({ assessment_type: 'listening', word_limit: null, sections: [unrecorded] })]),
          ),
          'validation',
        );
      });

      it('validates every question before sending any', async () => {
        const sent = await commandsDuring(async () => {
          expectDalError(await caught(repositories.questions.putMany([questionInput(), questionInput({ time_limit: 0 })])), 'validation');
          expectDalError(await caught(repositories.questions.listByType('cooking' as never)), 'validation');
        });
        expect(sent).toEqual([]);
      });
    });

    describe('rubrics', () => {
      it('puts rubrics and gets the newest edition of a type', async () => {
        await repositories.rubrics.put(rubricInput({ version: '2023-05' }));
        const newer = await repositories.rubrics.put(rubricInput({ version: '2024-01' }));
        expect(await repositories.rubrics.getByType('writing_task2')).toEqual(newer);
        expect(await repositories.rubrics.getByType('listening')).toBeUndefined();
      });
    });

    describe('content reports', () => {
      it('creates, lists by status across pages, and moves reports between statuses', async () => {
        const reports = [];
        for (let index = 0; index < 25; index++) {
          reports.push(await repositories.contentReports.create(contentReportInput({ created_at: minutesAfterStart(index) })));
        }
        expectDalError(
          await caught(repositories.contentReports.create(contentReportInput({ report_id: reports[0]!.report_id }))),
          'duplicate',
        );

        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page = await repositories.contentReports.listByStatus('open', { limit: 10, cursor });
          seen.push(...page.items.map((report) => report.report_id));
          cursor = page.next_cursor;
        } while (cursor);
        expect(seen).toEqual(reports.map((report) => report.report_id).reverse());

        const resolved = await repositories.contentReports.updateStatus(reports[3]!.report_id, 'resolved', {
          resolutionNote: 'Band re-checked; it stands.',
          expectedVersion: 0,
        });
        expect(resolved).toMatchObject({ status: 'resolved', resolution_note: 'Band re-checked; it stands.', version: 1 });
        expect((await repositories.contentReports.listByStatus('resolved')).items.map((report) => report.report_id)).toEqual([
          reports[3]!.report_id,
        ]);
        const open = await repositories.contentReports.listByStatus('open', { limit: 100 });
        expect(open.items).toHaveLength(24);

        const openCursor = (await repositories.contentReports.listByStatus('open', { limit: 1 })).next_cursor!;
        expectDalError(await caught(repositories.contentReports.listByStatus('dismissed', { cursor: openCursor })), 'invalid_cursor');
        expectDalError(
          await caught(repositories.contentReports.updateStatus(reports[3]!.report_id, 'dismissed', { expectedVersion: 0 })),
          'conflict',
        );
        expectDalError(await caught(repositories.contentReports.updateStatus('report-missing', 'dismissed')), 'not_found');
      });
    });

    describe('AI safety logs', () => {
      it('appends once per log id and lists an assessment’s entries oldest first', async () => {
        const assessmentId = `asm-safety-${Date.now()}`;
        const entries = [2, 0, 1].map((index) =>
          safetyLogInput({ assessment_id: assessmentId, created_at: minutesAfterStart(index), verdict: index === 1 ? 'flagged' : 'pass' }),
        );
        for (const entry of entries) await repositories.aiSafetyLogs.append(entry);
        await repositories.aiSafetyLogs.append(entries[0]!);
        await repositories.aiSafetyLogs.append(safetyLogInput());
        const listed = await repositories.aiSafetyLogs.listByAssessment(assessmentId);
        expect(listed.map((entry) => entry.created_at)).toEqual([minutesAfterStart(0), minutesAfterStart(1), minutesAfterStart(2)]);
        expect(listed[1]).toMatchObject({ verdict: 'flagged', evidence: [], user_email: null });
      });
    });

    describe('rate limits', () => {
      const at = (seconds: number) => new Date(Date.UTC(2030, 0, 1) + seconds * 1000);
      const limitKey = (label: string) => `${label}:${uniqueEmail(label)}`;

      it('counts uses up to the limit in a window from the first, refuses the next until it ends, then starts again', async () => {
        const key = limitKey('window');
        const options = { limit: 3, windowSeconds: 60 };
        for (const second of [0, 1, 2]) {
          expect(await repositories.rateLimits.consume(key, { ...options, now: at(second) })).toEqual({
            consumed: true,
            used: second + 1,
            windowEndsAt: at(60),
            retryAfterSeconds: 0,
          });
        }
        expect(await repositories.rateLimits.consume(key, { ...options, now: at(3) })).toEqual({
          consumed: false,
          used: 3,
          windowEndsAt: at(60),
          retryAfterSeconds: 57,
        });
        // A refused use counted nothing.
        expect(await repositories.rateLimits.get(key, { now: at(59.5) })).toEqual({ key, used: 3, windowEndsAt: at(60) });
        expect((await repositories.rateLimits.consume(key, { ...options, now: at(59.5) })).retryAfterSeconds).toBe(1);
        // At its end the window is over, whether or not TTL has deleted the item.
        expect(await repositories.rateLimits.get(key, { now: at(60) })).toBeUndefined();
        expect(await repositories.rateLimits.consume(key, { ...options, now: at(60) })).toEqual({
          consumed: true,
          used: 1,
          windowEndsAt: at(120),
          retryAfterSeconds: 0,
        });
        // Another key has a window of its own.
        expect((await repositories.rateLimits.consume(limitKey('other'), { ...options, now: at(61) })).used).toBe(1);
      });

      it('counts exactly the limit of 30 concurrent uses of one key, new window or not', async () => {
        for (const key of [limitKey('race-new'), limitKey('race-live')]) {
          if (key.startsWith('race-live')) await repositories.rateLimits.consume(key, { limit: 10, windowSeconds: 900, now: at(0) });
          const results = await Promise.all(
            Array.from({ length: 30 }, () => repositories.rateLimits.consume(key, { limit: 10, windowSeconds: 900, now: at(1) })),
          );
          const counted = key.startsWith('race-live') ? 9 : 10;
          expect(results.filter((result) => result.consumed)).toHaveLength(counted);
          expect(results.filter((result) => !result.consumed).every((result) => result.used === 10 && result.retryAfterSeconds > 0)).toBe(
            true,
          );
          expect((await repositories.rateLimits.get(key, { now: at(2) }))?.used).toBe(10);
        }
      });

      it('gives back one use within the window, never below zero, and forgets a key on reset', async () => {
        const key = limitKey('release');
        const options = { limit: 2, windowSeconds: 10 };
        expect(await repositories.rateLimits.release(key, { now: at(0) })).toBe(false);
        await repositories.rateLimits.consume(key, { ...options, now: at(0) });
        await repositories.rateLimits.consume(key, { ...options, now: at(0) });
        expect((await repositories.rateLimits.consume(key, { ...options, now: at(0) })).consumed).toBe(false);
        expect(await repositories.rateLimits.release(key, { now: at(1) })).toBe(true);
        expect((await repositories.rateLimits.consume(key, { ...options, now: at(1) })).consumed).toBe(true);
        expect((await repositories.rateLimits.consume(key, { ...options, now: at(1) })).consumed).toBe(false);
        expect(await repositories.rateLimits.release(key, { now: at(2) })).toBe(true);
        expect(await repositories.rateLimits.release(key, { now: at(2) })).toBe(true);
        expect(await repositories.rateLimits.release(key, { now: at(2) })).toBe(false);
        // An ended window has nothing to give back.
        await repositories.rateLimits.consume(key, { ...options, now: at(2) });
        expect(await repositories.rateLimits.release(key, { now: at(10) })).toBe(false);
        await repositories.rateLimits.reset(key);
        expect(await repositories.rateLimits.get(key, { now: at(3) })).toBeUndefined();
        await repositories.rateLimits.reset(key);
        expect((await repositories.rateLimits.consume(key, { ...options, now: at(3) })).used).toBe(1);
      });

      it('takes its time from the repository clock by default, and refuses bad keys and limits without sending', async () => {
        const key = limitKey('clock');
        const counted = await repositories.rateLimits.consume(key, { limit: 1, windowSeconds: 30 });
        expect(counted.windowEndsAt.getTime() - Date.now()).toBeLessThanOrEqual(30_000);
        expect((await repositories.rateLimits.get(key))?.used).toBe(1);
        const sent = await commandsDuring(async () => {
          for (const bad of ['', 'x'.repeat(1025), 'é'.repeat(513)]) {
            expectDalError(await caught(repositories.rateLimits.consume(bad, { limit: 1, windowSeconds: 1 })), 'validation');
            expect(await repositories.rateLimits.get(bad)).toBeUndefined();
            expect(await repositories.rateLimits.release(bad)).toBe(false);
            await repositories.rateLimits.reset(bad);
          }
          for (const [limit, windowSeconds] of [
            [0, 1],
            [1, 0],
            [1.5, 1],
            [1, Number.NaN],
          ] as const) {
            expectDalError(await caught(repositories.rateLimits.consume(key, { limit, windowSeconds })), 'validation');
          }
        });
        expect(sent).toEqual([]);
      });

      it('reports a stored counter that is not a number as invalid_item', async () => {
        const key = limitKey('corrupt');
        await backend.documentClient.send(
          new PutCommand({
            TableName: names.rateLimits,
            Item: { limit_key: key, used: 'many', window_ends_at: at(60).getTime(), expires_at: 0 },
          }),
        );
        const error = expectDalError(await caught(repositories.rateLimits.get(key, { now: at(0) })), 'invalid_item');
        expect(error.tableName).toBe(names.rateLimits);
      });
    });

    describe('outbox', () => {
      // Each test runs in its own era, later tests earlier, so what one leaves pending is never due in the next.
      const era = (year: number) => (seconds: number) => new Date(Date.UTC(year, 0, 1) + seconds * 1000);
      const message = (label: string) => ({
        kind: 'test_notice',
        recipient: uniqueEmail(label),
        payload: { label, count: 1 },
        request_id: `req-${label}`,
      });
      const claimAll = (owner: string, now: Date, leaseSeconds = 60) =>
        repositories.outbox.claimDue({ owner, leaseSeconds, now, limit: 100 });

      it('enqueues a message once per id, reads it back and refuses bad input without sending', async () => {
        const at = era(2099);
        const stored = await repositories.outbox.enqueue({ ...message('Enqueue'), message_id: 'outbox-enqueue-1' }, { now: at(0) });
        expect(stored).toMatchObject({
          message_id: 'outbox-enqueue-1',
          kind: 'test_notice',
          status: 'pending',
          attempts: 0,
          next_attempt_at: at(0).getTime(),
          skipped: false,
        });
        expect(stored.recipient).toMatch(/^enqueue-/);
        expect(await repositories.outbox.get('outbox-enqueue-1')).toEqual(stored);
        expectDalError(
          await caught(repositories.outbox.enqueue({ ...message('again'), message_id: 'outbox-enqueue-1' }, { now: at(0) })),
          'duplicate',
        );
        const sent = await commandsDuring(async () => {
          expectDalError(await caught(repositories.outbox.enqueue({ ...message('bad'), recipient: 'not an address' })), 'validation');
          expectDalError(await caught(repositories.outbox.enqueue({ ...message('bad'), kind: 'Not Snake' })), 'validation');
          expectDalError(
            await caught(repositories.outbox.enqueue({ ...message('bad'), payload: { nested: { no: 1 } } as never })),
            'validation',
          );
          expectDalError(await caught(repositories.outbox.claimDue({ owner: 'a', leaseSeconds: 0 })), 'validation');
          expect(await repositories.outbox.get('')).toBeUndefined();
          expect(await repositories.outbox.release('no spaces allowed')).toBe(false);
        });
        expect(sent).toEqual([]);
        // Settled so that no later test finds it due.
        const [claim] = await repositories.outbox.claimDue({ owner: 'a', leaseSeconds: 60, messageIds: ['outbox-enqueue-1'], now: at(1) });
        await repositories.outbox.markSent(claim!, { now: at(2) });
      });

      it('holds a message until it is released or its hold ends, and releases it only once', async () => {
        const at = era(2098);
        const held = await repositories.outbox.enqueue(message('held'), { now: at(0), availableAt: at(120) });
        const lapsed = await repositories.outbox.enqueue(message('lapsed'), { now: at(0), availableAt: at(120) });
        expect(await claimAll('a', at(1))).toEqual([]);
        expect(await repositories.outbox.release(held.message_id, { now: at(2) })).toBe(true);
        expect(await repositories.outbox.release(held.message_id, { now: at(3) })).toBe(false);
        const [released, ...others] = await claimAll('a', at(3));
        expect(others).toEqual([]);
        expect(released?.message.message_id).toBe(held.message_id);
        await repositories.outbox.markSent(released!, { now: at(4) });
        // Never released (the caller died): due when its hold ends.
        expect((await claimAll('a', at(120))).map((claim) => claim.message.message_id)).toEqual([lapsed.message_id]);
        expect(await repositories.outbox.release(lapsed.message_id, { now: at(121) })).toBe(false);
      });

      it('leases a due message to one claimer, due again for anyone when the lease ends, and a lost lease settles nothing', async () => {
        const at = era(2097);
        const queued = await repositories.outbox.enqueue(message('lease'), { now: at(0) });
        const [first, ...others] = await claimAll('sender-a', at(1), 30);
        expect(others).toEqual([]);
        expect(first).toMatchObject({
          lease_ends_at: at(31),
          message: { message_id: queued.message_id, attempts: 1, next_attempt_at: at(31).getTime() },
        });
        expect(await claimAll('sender-b', at(30))).toEqual([]);
        // Sender A stalled past its lease: B takes the message, and A can no longer settle it.
        const [second] = await claimAll('sender-b', at(31), 30);
        expect(second?.message.attempts).toBe(2);
        expectDalError(await caught(repositories.outbox.markSent(first!, { now: at(32) })), 'conflict');
        expectDalError(
          await caught(repositories.outbox.recordFailure(first!, { error: 'late', retryAt: at(40), now: at(32) })),
          'conflict',
        );
        const sent = await repositories.outbox.markSent(second!, { now: at(33) });
        expect(sent).toMatchObject({ status: 'sent', sent_at: at(33).toISOString(), skipped: false, attempts: 2 });
        expectDalError(await caught(repositories.outbox.markDead(second!, { error: 'twice', now: at(34) })), 'conflict');
        expect(await claimAll('sender-c', at(10_000))).toEqual([]);
        // TTL deletes a sent message after a week; its lease is gone.
        const raw = await backend.documentClient.send(new GetCommand({ TableName: names.outbox, Key: { message_id: queued.message_id } }));
        expect(raw.Item).toMatchObject({ expires_at: at(33).getTime() / 1000 + 7 * 86_400 });
        expect(raw.Item?.lease_id).toBeUndefined();
      });

      it('never leases one message to two of several senders claiming at once', async () => {
        const at = era(2096);
        const queued = await Promise.all(
          Array.from({ length: 24 }, (_, index) => repositories.outbox.enqueue(message(`race-${index}`), { now: at(0) })),
        );
        const rounds = await Promise.all(
          ['a', 'b', 'c'].map(async (owner) => {
            const claimed: string[] = [];
            for (let round = 0; round < 4; round++) {
              for (const claim of await repositories.outbox.claimDue({
                owner,
                leaseSeconds: 600,
                now: at(1),
                limit: 8,
                messageIds: queued.slice(0, 5).map((entry) => entry.message_id),
              })) {
                claimed.push(claim.message.message_id);
                await repositories.outbox.markSent(claim, { now: at(2) });
              }
            }
            return claimed;
          }),
        );
        const all = rounds.flat();
        expect(new Set(all).size).toBe(all.length);
        // Whatever the index showed each sender, every message was claimed by exactly one.
        const remaining = (await claimAll('sweeper', at(3))).map((claim) => claim.message.message_id);
        expect([...all, ...remaining].sort()).toEqual(queued.map((entry) => entry.message_id).sort());
        for (const entry of queued) expect((await repositories.outbox.get(entry.message_id))?.attempts).toBe(1);
      });

      it('retries a failure at the time given, and lists and counts the dead, newest first', async () => {
        const at = era(2095);
        const deadBefore = await repositories.outbox.countDead();
        const failing = await repositories.outbox.enqueue(message('failing'), { now: at(0) });
        const [claim] = await claimAll('a', at(1));
        const failed = await repositories.outbox.recordFailure(claim!, {
          error: `SES unreachable: ${'x'.repeat(2000)}`,
          retryAt: at(100),
          now: at(2),
        });
        expect(failed).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: at(100).getTime() });
        expect(failed.last_error).toHaveLength(1000);
        expect(await claimAll('a', at(99))).toEqual([]);
        const [retry] = await claimAll('a', at(100));
        expect(retry?.message).toMatchObject({ message_id: failing.message_id, attempts: 2 });
        const dead = await repositories.outbox.markDead(retry!, { error: 'gave up', now: at(101) });
        expect(dead).toMatchObject({ status: 'dead', dead_at: at(101).toISOString(), last_error: 'gave up', request_id: 'req-failing' });
        const later = await repositories.outbox.enqueue(message('later'), { now: at(200) });
        const [laterClaim] = await claimAll('a', at(200));
        await repositories.outbox.markDead(laterClaim!, { error: 'gave up too', now: at(201) });
        const skipped = await repositories.outbox.enqueue(message('skipped'), { now: at(300) });
        const [skippedClaim] = await claimAll('a', at(300));
        expect(await repositories.outbox.markSent(skippedClaim!, { skipped: true, now: at(301) })).toMatchObject({
          status: 'sent',
          skipped: true,
        });
        expect(await repositories.outbox.countDead()).toBe(deadBefore + 2);
        const listed = await repositories.outbox.listDead({ limit: 2 });
        expect(listed.map((entry) => entry.message_id)).toEqual([later.message_id, failing.message_id]);
        expect(listed.some((entry) => entry.message_id === skipped.message_id)).toBe(false);
        expect(await claimAll('a', at(100_000))).toEqual([]);
      });

      it('takes its time from the repository clock by default, and reports a malformed stored message as invalid_item', async () => {
        const queued = await repositories.outbox.enqueue(message('clock'));
        expect(queued.next_attempt_at).toBeLessThanOrEqual(Date.now());
        const claims = await repositories.outbox.claimDue({ owner: 'a', leaseSeconds: 60, messageIds: [queued.message_id] });
        expect(claims.map((claim) => claim.message.message_id)).toContain(queued.message_id);
        for (const claim of claims) await repositories.outbox.markSent(claim);
        await backend.documentClient.send(
          new PutCommand({
            TableName: names.outbox,
            Item: { message_id: 'outbox-corrupt', status: 'pending', next_attempt_at: 0, attempts: 'many' },
          }),
        );
        const error = expectDalError(await caught(repositories.outbox.get('outbox-corrupt')), 'invalid_item');
        expect(error.tableName).toBe(names.outbox);
        await backend.documentClient.send(
          new PutCommand({ TableName: names.outbox, Item: { message_id: 'outbox-corrupt', status: 'corrupt', next_attempt_at: 0 } }),
        );
      });
    });

    describe('checks before sending', () => {
      it('refuses bad versions, milliseconds, repeated ids and oversized values without sending anything', async () => {
        const user = await repositories.users.create(userInput());
        const { assessment } = await repositories.assessments.save(startedAssessmentInput());
        const report = await repositories.contentReports.create(contentReportInput());
        const session = await repositories.sessions.create(sessionInput());
        const question = questionInput();
        const sent = await commandsDuring(async () => {
          for (const expectedVersion of [-1, 1.5, Number.NaN]) {
            const error = expectDalError(
              await caught(repositories.users.update(user.email, { display_name: 'x' }, { expectedVersion })),
              'validation',
            );
            expect(error.issues.map((issue) => issue.path)).toEqual(['expectedVersion']);
            expectDalError(
              await caught(repositories.assessments.updateProgress(assessment.assessment_id, { submission: {} }, { expectedVersion })),
              'validation',
            );
            expectDalError(
              await caught(repositories.assessments.updateCompletion(assessment.assessment_id, writingTask2Result(), { expectedVersion })),
              'validation',
            );
            expectDalError(
              await caught(repositories.contentReports.updateStatus(report.report_id, 'resolved', { expectedVersion })),
              'validation',
            );
          }
          // Milliseconds where DynamoDB's TTL needs seconds would keep a session for ever.
          const milliseconds = Date.now() + 3_600_000;
          const error = expectDalError(
            await caught(repositories.sessions.create(sessionInput({ expires_at: milliseconds }))),
            'validation',
          );
          expect(error.issues.map((issue) => issue.path)).toEqual(['expires_at']);
          expectDalError(await caught(repositories.sessions.touch(session.session_id, { expiresAt: milliseconds })), 'validation');
          // One batch may not write one key twice.
          expectDalError(await caught(repositories.questions.putMany([questionInput(), question, question])), 'validation');
          // New values that alone pass 400 KB could never be stored.
          const tooLarge = 'x'.repeat(MAX_ITEM_BYTES);
          expectDalError(
            await caught(repositories.users.update(user.email, { password_hash: tooLarge }, { expectedVersion: 0 })),
            'item_too_large',
          );
          const longReview = { required: true, reasons: Array.from({ length: 900 }, () => 'r'.repeat(500)) };
          expectDalError(
            await caught(
              repositories.assessments.updateCompletion(assessment.assessment_id, { ...writingTask2Result(), review: longReview }),
            ),
            'item_too_large',
          );
        });
        expect(sent).toEqual([]);
        expect(await repositories.questions.get(String(question.question_id))).toBeUndefined();
        expect((await repositories.users.get(user.email))?.version).toBe(0);
      });

      it('answers for keys no stored item can have (empty, malformed) without sending anything', async () => {
        const sent = await commandsDuring(async () => {
          for (const key of ['', ' ', 'not an id', 'x'.repeat(300)]) {
            expect(await repositories.users.get(key)).toBeUndefined();
            expect(await repositories.users.getAllowanceUsage(key)).toBeUndefined();
            expectDalError(await caught(repositories.users.update(key, { display_name: 'x' }, { expectedVersion: 0 })), 'not_found');
            expectDalError(await caught(repositories.users.addPurchase(key, purchaseInput())), 'not_found');
            expectDalError(await caught(repositories.users.recordLogin(key)), 'not_found');
            expectDalError(
              await caught(repositories.users.consumeAllowance(key, 'listening', { limit: 1, countExisting: async () => 0 })),
              'not_found',
            );
            expect(await repositories.users.releaseAllowance(key, 'listening')).toBe(false);
            expect(await repositories.sessions.get(key)).toBeUndefined();
            expect(await repositories.sessions.touch(key, { expiresAt: nowSeconds() + 60 })).toBeUndefined();
            await repositories.sessions.delete(key);
            expectDalError(await caught(repositories.sessions.consume(key)), 'not_found');
            expect(await repositories.assessments.get(key)).toBeUndefined();
            expectDalError(await caught(repositories.assessments.updateCompletion(key, writingTask2Result())), 'not_found');
            expectDalError(
              await caught(repositories.assessments.updateProgress(key, { submission: {} }, { expectedVersion: 0 })),
              'not_found',
            );
            expect(await repositories.questions.get(key)).toBeUndefined();
            expectDalError(await caught(repositories.contentReports.updateStatus(key, 'resolved')), 'not_found');
          }
        });
        expect(sent).toEqual([]);
      });
    });

    describe('request paths', () => {
      it('never sent a Scan, nor a transaction (dynalite has none)', () => {
        expect(backend.sentCommands.length).toBeGreaterThan(100);
        expect(backend.sentCommands).toContain('QueryCommand');
        expect(backend.sentCommands.filter((name) => /Scan|Transact/.test(name))).toEqual([]);
      });

      it('exercised every method of every repository', () => {
        const every = Object.entries(repositories).flatMap(([repositoryName, repository]) =>
          Object.keys(repository).map((methodName) => `${repositoryName}.${methodName}`),
        );
        expect(every.length).toBeGreaterThan(30);
        expect(every.filter((name) => !called.has(name))).toEqual([]);
      });
    });
  });
}
