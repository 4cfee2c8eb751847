import type { DeleteCommandInput, GetCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { conditionHeld, unlessConditionFails } from './conditional-writes.js';
import { DalError } from './errors.js';
import { createExpressionBuilder } from './expressions.js';
import { bindRepositoryCalls, type RepositoryOptions, dateClock } from './request-sender.js';
import { parseStoredItem } from './schema-boundary.js';
import { resolveTableNames } from './table-definitions.js';

// Why not rate-limiter-flexible's RateLimiterDynamo (checked at 11.4.0), which keeps the same kind
// of counter: it needs the aggregated `DynamoDB` client, not the `DynamoDBDocumentClient` the
// repositories are given; it reads `Date.now()` itself, so the server's injected clock (and the
// tests' fake one) cannot drive it; unless told not to, it creates its table and enables TTL from
// its constructor, which needs table-management rights the server's role must not have and
// bypasses this package's table definitions; its requests carry none of this package's deadlines,
// throttling retries or capacity reports; and a refused `consume` still adds its points. The
// requests below are the same technique (conditional UpdateItem counters) within those conventions.

/** The partition key of the rate limits table. */
export const RATE_LIMIT_KEY_ATTRIBUTE = 'limit_key';

/** Longest key accepted, in UTF-8 bytes (DynamoDB allows 2048 in a partition key). */
export const MAX_RATE_LIMIT_KEY_BYTES = 1024;

/** Rounds of {@link RateLimitRepository.consume} before it refuses for a second (each lost only to a concurrent release or a new window). */
const CONSUME_ROUNDS = 5;

/** The live window of a limited key, as read back. */
export interface RateLimitWindow {
  /** The key, as given. */
  key: string;
  /** Uses counted in the window. */
  used: number;
  /** When the window ends and the count starts again. */
  windowEndsAt: Date;
}

/** What {@link RateLimitRepository.consume} did. */
export interface RateLimitConsumption {
  /** True when this use was counted; false when the window was full (nothing counted). */
  consumed: boolean;
  /** Uses counted in the window after the call. */
  used: number;
  /** When the window ends. */
  windowEndsAt: Date;
  /** 0 when counted; otherwise whole seconds until the window ends (at least 1). */
  retryAfterSeconds: number;
}

/** Options for {@link RateLimitRepository.consume}. */
export interface ConsumeRateLimitOptions {
  /** Uses allowed in one window: a whole number ≥ 1. */
  limit: number;
  /** Length of a window in seconds, from the first use counted in it: a whole number ≥ 1. */
  windowSeconds: number;
  /** The time of the use. Default: the repository's clock. */
  now?: Date;
}

/**
 * UpdateItem counting one more use of the key, only when it has no item yet (which starts its
 * window with this use) or its window is live and has fewer than `limit`: the check and the count
 * are one atomic request, so concurrent callers never pass the limit together. Fails the
 * condition when the window is full, or has ended (its item not yet deleted by TTL). Pure.
 */
export function buildCountRateLimitRequest(
  tableName: string,
  key: string,
  limit: number,
  windowSeconds: number,
  nowMs: number,
): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const used = builder.name('used');
  const endsAt = builder.name('window_ends_at');
  const expiresAt = builder.name('expires_at');
  const windowEndsAt = nowMs + windowSeconds * 1000;
  return {
    TableName: tableName,
    Key: { [RATE_LIMIT_KEY_ATTRIBUTE]: key },
    UpdateExpression:
      `SET ${used} = if_not_exists(${used}, ${builder.value(0)}) + ${builder.value(1)}, ` +
      `${endsAt} = if_not_exists(${endsAt}, ${builder.value(windowEndsAt)}), ` +
      `${expiresAt} = if_not_exists(${expiresAt}, ${builder.value(Math.ceil(windowEndsAt / 1000))})`,
    ConditionExpression:
      `attribute_not_exists(${builder.name(RATE_LIMIT_KEY_ATTRIBUTE)}) OR ` +
      `(${endsAt} > ${builder.value(nowMs)} AND ${used} < ${builder.value(limit)})`,
    ReturnValues: 'ALL_NEW',
    ...builder.attributes(),
  };
}

/**
 * UpdateItem starting a new window for the key with this use as its first, only when it has no
 * live window (no item, or its window ended at or before `nowMs`): of callers racing to replace
 * an ended window, exactly one does. `expires_at` (epoch seconds, the table's TTL) lets DynamoDB delete the item
 * once the window is over. Pure.
 */
export function buildStartRateLimitWindowRequest(tableName: string, key: string, windowSeconds: number, nowMs: number): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const windowEndsAt = nowMs + windowSeconds * 1000;
  const used = builder.name('used');
  const endsAt = builder.name('window_ends_at');
  return {
    TableName: tableName,
    Key: { [RATE_LIMIT_KEY_ATTRIBUTE]: key },
    UpdateExpression:
      `SET ${used} = ${builder.value(1)}, ${endsAt} = ${builder.value(windowEndsAt)}, ` +
      `${builder.name('expires_at')} = ${builder.value(Math.ceil(windowEndsAt / 1000))}`,
    ConditionExpression: `attribute_not_exists(${builder.name(RATE_LIMIT_KEY_ATTRIBUTE)}) OR ${endsAt} <= ${builder.value(nowMs)}`,
    ReturnValues: 'ALL_NEW',
    ...builder.attributes(),
  };
}

/** UpdateItem taking back one counted use, only within a live window and never below zero. Pure. */
export function buildReleaseRateLimitRequest(tableName: string, key: string, nowMs: number): UpdateCommandInput {
  const builder = createExpressionBuilder();
  const used = builder.name('used');
  return {
    TableName: tableName,
    Key: { [RATE_LIMIT_KEY_ATTRIBUTE]: key },
    UpdateExpression: `ADD ${used} ${builder.value(-1)}`,
    ConditionExpression: `${builder.name('window_ends_at')} > ${builder.value(nowMs)} AND ${used} > ${builder.value(0)}`,
    ReturnValues: 'ALL_NEW',
    ...builder.attributes(),
  };
}

/** GetItem of a key's window, strongly consistent (a count just made elsewhere must be seen). Pure. */
export function buildGetRateLimitRequest(tableName: string, key: string): GetCommandInput {
  return { TableName: tableName, Key: { [RATE_LIMIT_KEY_ATTRIBUTE]: key }, ConsistentRead: true };
}

/** DeleteItem forgetting a key's window. Pure. */
export function buildDeleteRateLimitRequest(tableName: string, key: string): DeleteCommandInput {
  return { TableName: tableName, Key: { [RATE_LIMIT_KEY_ATTRIBUTE]: key } };
}

const rateLimitItemSchema = z.object({
  [RATE_LIMIT_KEY_ATTRIBUTE]: z.string(),
  used: z.int().min(0),
  window_ends_at: z.int().min(0),
  expires_at: z.int().min(0),
});

/** Whole seconds from `nowMs` until `windowEndsAtMs`, at least 1. Pure. */
export function secondsUntil(windowEndsAtMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((windowEndsAtMs - nowMs) / 1000));
}

/** Options for {@link createRateLimitRepository}. */
export interface RateLimitRepositoryOptions extends RepositoryOptions {
  /** Physical table name. Default `ielts-genai-prep-rate-limits`. */
  tableName?: string;
}

/**
 * The rate limits table: one counter per limited key (a sign-in lockout per account, a limit per
 * client address…), counted in windows that start at the first use and last `windowSeconds`. The
 * counts are shared by every instance that uses the table and survive restarts. A window that
 * has ended counts as absent whether or not DynamoDB's TTL has deleted its item yet.
 */
export interface RateLimitRepository {
  /**
   * Counts one use of `key` if its live window has fewer than `limit` (a new window starts when it
   * has none): atomically, so of any number of concurrent calls at most `limit` are counted in one
   * window. A refused use counts nothing. A `validation` {@link DalError} for an empty key, a key
   * over {@link MAX_RATE_LIMIT_KEY_BYTES}, or a limit or window that is not a whole number ≥ 1.
   */
  consume(key: string, options: ConsumeRateLimitOptions): Promise<RateLimitConsumption>;
  /**
   * Takes back one use counted in the key's live window (an attempt counted before its outcome was
   * known turned out well). False when there was nothing to take back.
   */
  release(key: string, options?: { now?: Date }): Promise<boolean>;
  /** Forgets the key's window and its count (absent is fine). */
  reset(key: string): Promise<void>;
  /** The key's live window, or undefined when it has none. */
  get(key: string, options?: { now?: Date }): Promise<RateLimitWindow | undefined>;
}

/** Creates the {@link RateLimitRepository}. */
export function createRateLimitRepository(options: RateLimitRepositoryOptions): RateLimitRepository {
  const tableName = options.tableName ?? resolveTableNames().rateLimits;
  const clock = dateClock(options);
  // A key no item can have is absent, and a change to it a no-op, without a request.
  const storable = (key: unknown): key is string =>
    typeof key === 'string' && key.length > 0 && Buffer.byteLength(key, 'utf8') <= MAX_RATE_LIMIT_KEY_BYTES;
  const context = (operation: string, key: string) => ({ operation, tableName, key: { [RATE_LIMIT_KEY_ATTRIBUTE]: key } });
  const parse = (item: Record<string, unknown>, key: string) =>
    parseStoredItem(rateLimitItemSchema, item, { tableName, key: { [RATE_LIMIT_KEY_ATTRIBUTE]: key } });

  const wholeNumber = (name: string, value: unknown, key: string): number => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
    throw new DalError({
      code: 'validation',
      message: `${name} must be a whole number ≥ 1, not ${String(value)}`,
      tableName,
      key: { [RATE_LIMIT_KEY_ATTRIBUTE]: key },
      issues: [{ path: name, message: 'must be a whole number ≥ 1' }],
    });
  };

  return bindRepositoryCalls<RateLimitRepository>('rateLimits', options, (sender) => {
    const read = async (key: string, operation: string, nowMs: number): Promise<RateLimitWindow | undefined> => {
      const output = await sender.get(context(operation, key), buildGetRateLimitRequest(tableName, key));
      if (!output.Item) return undefined;
      const item = parse(output.Item, key);
      if (item.window_ends_at <= nowMs) return undefined;
      return { key, used: item.used, windowEndsAt: new Date(item.window_ends_at) };
    };

    return {
      async consume(key, { limit, windowSeconds, now }) {
        if (!storable(key)) {
          throw new DalError({
            code: 'validation',
            message: `A rate limit key must be 1 to ${MAX_RATE_LIMIT_KEY_BYTES} bytes of text`,
            tableName,
            issues: [{ path: 'key', message: `must be 1 to ${MAX_RATE_LIMIT_KEY_BYTES} bytes of text` }],
          });
        }
        wholeNumber('limit', limit, key);
        wholeNumber('windowSeconds', windowSeconds, key);
        const nowMs = (now ?? clock()).getTime();
        const call = context('rateLimits.consume', key);
        const counted = (attributes: Record<string, unknown> | undefined): RateLimitConsumption => {
          const item = parse(attributes ?? {}, key);
          return { consumed: true, used: item.used, windowEndsAt: new Date(item.window_ends_at), retryAfterSeconds: 0 };
        };
        for (let round = 1; round <= CONSUME_ROUNDS; round++) {
          // One request when the key is new or its window is live: the usual case.
          const added = await unlessConditionFails(
            sender.update(call, buildCountRateLimitRequest(tableName, key, limit, windowSeconds, nowMs)),
          );
          if (added) return counted(added.Attributes);
          // A full window, or one that has ended: start a window, which only succeeds in the second case.
          const started = await unlessConditionFails(
            sender.update(call, buildStartRateLimitWindowRequest(tableName, key, windowSeconds, nowMs)),
          );
          if (started) return counted(started.Attributes);
          const window = await read(key, 'rateLimits.consume', nowMs);
          if (window && window.used >= limit) {
            return {
              consumed: false,
              used: window.used,
              windowEndsAt: window.windowEndsAt,
              retryAfterSeconds: secondsUntil(window.windowEndsAt.getTime(), nowMs),
            };
          }
          // A use was released (or the window replaced) in between: count again.
        }
        // Lost every round to concurrent releases: refuse for a second rather than let it through uncounted.
        const window = await read(key, 'rateLimits.consume', nowMs);
        return {
          consumed: false,
          used: window?.used ?? 0,
          windowEndsAt: window?.windowEndsAt ?? new Date(nowMs + 1000),
          retryAfterSeconds: 1,
        };
      },

      async release(key, releaseOptions = {}) {
        if (!storable(key)) return false;
        const nowMs = (releaseOptions.now ?? clock()).getTime();
        return conditionHeld(sender.update(context('rateLimits.release', key), buildReleaseRateLimitRequest(tableName, key, nowMs)));
      },

      async reset(key) {
        if (!storable(key)) return;
        await sender.delete(context('rateLimits.reset', key), buildDeleteRateLimitRequest(tableName, key));
      },

      async get(key, getOptions = {}) {
        if (!storable(key)) return undefined;
        return read(key, 'rateLimits.get', (getOptions.now ?? clock()).getTime());
      },
    };
  });
}
