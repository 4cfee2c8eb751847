import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createRateLimitRepository, createTables, resolveTableNames, type RateLimitRepository } from '@ielts-genai-prep/dal-dynamodb';
import { startEmbeddedDynamo } from '@ielts-genai-prep/dal-dynamodb/local';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { consumeAll, createRateLimiter, type RateLimiter } from './rate-limiter.js';

/** The limiter's counts on each store the server runs on: DynamoDB Local, and the embedded one. */
const backends: Array<[string, () => Promise<{ counters: RateLimitRepository; close: () => Promise<void> }>]> = [
  [
    'DynamoDB Local',
    async () => {
      const prefix = `t${randomUUID().slice(0, 8)}-`;
      const client = new DynamoDBClient({
        endpoint: inject('dynamoDbLocalEndpoint'),
        region: 'us-east-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      });
      await createTables({ client, prefix, tables: ['rateLimits'], pollIntervalMs: 50 });
      const documentClient = DynamoDBDocumentClient.from(client);
      return {
        counters: createRateLimitRepository({ documentClient, tableName: resolveTableNames({ prefix }).rateLimits }),
        close: async () => client.destroy(),
      };
    },
  ],
  [
    'the embedded store',
    async () => {
      const embedded = await startEmbeddedDynamo({});
      return { counters: createRateLimitRepository({ documentClient: embedded.documentClient }), close: () => embedded.close() };
    },
  ],
];

describe.each(backends)('rate limiter on %s', (_name, start) => {
  let counters: RateLimitRepository;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ counters, close } = await start());
  });
  afterAll(async () => {
    await close?.();
  });

  // A clock the test moves; the counts never read the machine's.
  const fakeClock = () => {
    let now = Date.UTC(2030, 0, 1);
    return { clock: () => now, advance: (milliseconds: number) => void (now += milliseconds) };
  };
  const limiterOf = (options: { maxFailures: number; windowSeconds: number }, clock: () => number, name = `test-${randomUUID()}`) =>
    createRateLimiter({ counters, name, clock, ...options });
  /** The waits answered to `times` uses of `key`, one after another. */
  const waitsOf = async (limiter: RateLimiter, key: string, times: number) => {
    const waits: number[] = [];
    for (let index = 0; index < times; index += 1) waits.push(await limiter.consume(key));
    return waits;
  };

  it('allows up to the limit within the window, then says how long to wait', async () => {
    const time = fakeClock();
    const limiter = limiterOf({ maxFailures: 3, windowSeconds: 60 }, time.clock);
    for (let index = 0; index < 3; index += 1) {
      expect(await limiter.consume('a')).toBe(0);
      time.advance(1000);
    }
    expect(await limiter.consume('a')).toBe(57);
    expect(await limiter.consume('b')).toBe(0);
    time.advance(57_000);
    expect(await limiter.consume('a')).toBe(0);
  });

  it('counts a use only while under the limit', async () => {
    const time = fakeClock();
    const limiter = limiterOf({ maxFailures: 2, windowSeconds: 10 }, time.clock);
    expect(await waitsOf(limiter, 'k', 3)).toEqual([0, 0, 10]);
    time.advance(10_001);
    expect(await limiter.consume('k')).toBe(0);
  });

  it('takes back the latest counted use on release, and nothing of a key without any', async () => {
    const time = fakeClock();
    const limiter = limiterOf({ maxFailures: 2, windowSeconds: 10 }, time.clock);
    await limiter.release('k');
    expect(await waitsOf(limiter, 'k', 3)).toEqual([0, 0, 10]);
    await limiter.release('k');
    expect(await waitsOf(limiter, 'k', 2)).toEqual([0, 10]);
  });

  it('forgets a key on reset', async () => {
    const time = fakeClock();
    const limiter = limiterOf({ maxFailures: 1, windowSeconds: 60 }, time.clock);
    expect(await waitsOf(limiter, 'a', 2)).toEqual([0, 60]);
    await limiter.reset('a');
    expect(await limiter.consume('a')).toBe(0);
  });

  it('shares its counts with every limiter of the same name on the table (another instance), and with no other', async () => {
    const time = fakeClock();
    const name = `shared-${randomUUID()}`;
    const first = limiterOf({ maxFailures: 4, windowSeconds: 60 }, time.clock, name);
    const second = limiterOf({ maxFailures: 4, windowSeconds: 60 }, time.clock, name);
    const otherName = limiterOf({ maxFailures: 4, windowSeconds: 60 }, time.clock);
    // Twelve at once, alternating between the two: exactly four are counted.
    const waits = await Promise.all(
      Array.from({ length: 12 }, (_, index) => (index % 2 === 0 ? first : second).consume('ada@example.com')),
    );
    expect(waits.filter((wait) => wait === 0)).toHaveLength(4);
    expect(waits.filter((wait) => wait === 60)).toHaveLength(8);
    expect(await otherName.consume('ada@example.com')).toBe(0);
    await second.reset('ada@example.com');
    expect(await first.consume('ada@example.com')).toBe(0);
  });

  it('counts every pair of consumeAll or none, and answers the longest wait', async () => {
    const time = fakeClock();
    const account = limiterOf({ maxFailures: 2, windowSeconds: 900 }, time.clock);
    const client = limiterOf({ maxFailures: 3, windowSeconds: 60 }, time.clock);
    const both = (email: string): Array<[RateLimiter, string]> => [
      [account, email],
      [client, '127.0.0.1'],
    ];
    expect(await consumeAll(both('a@example.com'))).toBe(0);
    expect(await consumeAll(both('a@example.com'))).toBe(0);
    // The account is full: the client's use is given back, and the account's wait is the answer.
    expect(await consumeAll(both('a@example.com'))).toBe(900);
    expect(await consumeAll(both('b@example.com'))).toBe(0);
    // Now the client is full (3) and account b has room: b's use is given back.
    expect(await consumeAll(both('b@example.com'))).toBe(60);
    time.advance(60_000);
    expect(await consumeAll(both('b@example.com'))).toBe(0);
    expect(await consumeAll(both('b@example.com'))).toBe(840);
  });
});
