/** Counts failures per key within a sliding window and says when a key has had too many. */
export interface RateLimiter {
  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfterSeconds(key: string): number;
  /** Records a failure for the key. */
  recordFailure(key: string): void;
  /** Counts one use of the key if it is under its limit: 0 then, else the seconds to wait (nothing counted). */
  consume(key: string): number;
  /**
   * Takes back the most recent use counted for the key. An attempt is counted before its outcome
   * is known (so that attempts arriving together cannot all slip under the limit); a success
   * gives its count back this way.
   */
  release(key: string): void;
  /** Forgets the key's failures (after a success). */
  reset(key: string): void;
}

/** Options for {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Failures allowed within the window. */
  maxFailures: number;
  /** The window, in seconds. */
  windowSeconds: number;
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: () => number;
  /** Keys tracked at most; the oldest are dropped beyond it, so memory stays bounded. Default 100000. */
  maxKeys?: number;
}

/**
 * An in-memory sliding-window limiter. Each server process (or Lambda instance) counts on its
 * own, so the effective limit is per instance: enough to slow guessing, documented in README.md.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const windowMs = options.windowSeconds * 1000;
  const maxKeys = options.maxKeys ?? 100_000;
  // A Map keeps insertion order: the first key is the one least recently failed.
  const failures = new Map<string, number[]>();

  const recent = (key: string): number[] => {
    const since = now() - windowMs;
    const times = (failures.get(key) ?? []).filter((time) => time > since);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  };

  const retryAfterSeconds = (key: string): number => {
    const times = recent(key);
    if (times.length < options.maxFailures) return 0;
    const oldestCounted = times[times.length - options.maxFailures] ?? now();
    return Math.max(1, Math.ceil((oldestCounted + windowMs - now()) / 1000));
  };

  const recordFailure = (key: string): void => {
    const times = recent(key);
    times.push(now());
    failures.delete(key);
    failures.set(key, times.slice(-options.maxFailures));
    while (failures.size > maxKeys) {
      const oldest = failures.keys().next().value;
      if (oldest === undefined) break;
      failures.delete(oldest);
    }
  };

  return {
    retryAfterSeconds,
    recordFailure,
    consume(key) {
      const wait = retryAfterSeconds(key);
      if (wait === 0) recordFailure(key);
      return wait;
    },
    release(key) {
      const times = recent(key);
      times.pop();
      if (times.length === 0) failures.delete(key);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
