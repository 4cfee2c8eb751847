/** How {@link retry} repeats a failing call. */
export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The wait in milliseconds before retry number `retry` (1 for the first retry). */
  delay(retry: number): number;
  /** Whether an attempt's error is worth another attempt; others are thrown at once. */
  shouldRetry(error: unknown): boolean;
  /**
   * When it fires, a wait in progress ends and the last error is thrown, with no further attempt
   * (a deadline the caller keeps). Default: none.
   */
  signal?: AbortSignal;
  /**
   * A time (milliseconds since the epoch, on `clock`) no wait may reach: the last error is thrown
   * instead of waiting until or past it. Default: none.
   */
  deadline?: number;
  /** The clock `deadline` is read on, in milliseconds since the epoch. Default `Date.now`. */
  clock?: () => number;
  /** How a wait is made; tests pass one that resolves at once and records the waits. Default {@link sleep}. */
  sleep?: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Resolves after `milliseconds`, or as soon as `signal` fires (never rejects), so that a wait never
 * outlives the deadline it belongs to.
 */
export function sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, milliseconds);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs `attempt` (given its number, from 1) until it succeeds, waiting `delay(retry)` between
 * attempts, and throws the last error when it is not worth retrying, when the attempts are used
 * up, or when the next wait would pass the deadline or the signal ends it. The caller maps that
 * error to its own (a deadline it kept on `signal` reads as `signal.aborted`).
 */
export async function retry<Result>(attempt: (attemptNumber: number) => Promise<Result>, options: RetryOptions): Promise<Result> {
  const clock = options.clock ?? Date.now;
  const wait = options.sleep ?? sleep;
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (options.signal?.aborted || attemptNumber >= options.maxAttempts || !options.shouldRetry(error)) throw error;
      const milliseconds = options.delay(attemptNumber);
      if (options.deadline !== undefined && clock() + milliseconds >= options.deadline) throw error;
      await wait(milliseconds, options.signal);
      if (options.signal?.aborted) throw error;
    }
  }
}
