import type { RateLimitRepository } from '@ielts-genai-prep/dal-dynamodb';

/**
 * Counts uses of a key within a window and says when a key has had too many. The counts live in
 * the rate limits table (dal-dynamodb's `rateLimits`), so every instance of the server shares
 * them and a restart forgets none.
 */
export interface RateLimiter {
  /**
   * Counts one use of the key if it is under its limit: 0 then, else the seconds to wait
   * (nothing counted). Atomic across instances: uses arriving together never all slip under it.
   */
  consume(key: string): Promise<number>;
  /**
   * Takes back one use counted for the key. An attempt is counted before its outcome is known (so
   * that attempts arriving together cannot all slip under the limit); a success gives its count
   * back this way.
   */
  release(key: string): Promise<void>;
  /** Forgets the key's uses (after a success that clears the slate, such as a sign-in). */
  reset(key: string): Promise<void>;
}

/** Options for {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Where the counts are kept: the `rateLimits` repository of dal-dynamodb. */
  counters: Pick<RateLimitRepository, 'consume' | 'release' | 'reset'>;
  /** Put before every key (`login-account:ada@example.com`), so that limiters sharing the table never share a count. */
  name: string;
  /** Uses allowed within one window. */
  maxFailures: number;
  /** The window, in seconds, from the first use counted in it. */
  windowSeconds: number;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  clock?: () => number;
}

/**
 * A limiter on the rate limits table. A window starts at the first use counted and lasts
 * `windowSeconds`; see the server README for what that allows at a window's end.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { counters, name, maxFailures, windowSeconds } = options;
  const clock = options.clock ?? Date.now;
  const keyOf = (key: string) => `${name}:${key}`;
  return {
    async consume(key) {
      const result = await counters.consume(keyOf(key), { limit: maxFailures, windowSeconds, now: new Date(clock()) });
      return result.retryAfterSeconds;
    },
    async release(key) {
      await counters.release(keyOf(key), { now: new Date(clock()) });
    },
    async reset(key) {
      await counters.reset(keyOf(key));
    },
  };
}

/**
 * Counts one use of every (limiter, key) pair, or of none: when any of them is at its limit, the
 * uses counted for the others are given back. 0 when all were counted, else the longest wait in
 * seconds, so a client told to wait is not refused again by another of the limits on its return.
 */
export async function consumeAll(uses: ReadonlyArray<readonly [RateLimiter, string]>): Promise<number> {
  const results = await Promise.allSettled(uses.map(([limiter, key]) => limiter.consume(key)));
  const waits = results.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  const wait = Math.max(0, ...waits.map((value) => value ?? 0));
  if (failed || wait > 0) {
    const released = await Promise.allSettled(
      uses.map(async ([limiter, key], index) => (waits[index] === 0 ? limiter.release(key) : undefined)),
    );
    // The first failure is the one to report; a release that failed after it adds nothing.
    if (failed) throw failed.reason;
    const notReleased = released.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (notReleased) throw notReleased.reason;
  }
  return wait;
}
