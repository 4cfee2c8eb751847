import { retry } from '@ielts-genai-prep/core';
import { EvaluatorError } from './evaluator-error.js';

/** How provider calls are retried. */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 4. */
  maxAttempts?: number;
  /** The first backoff in milliseconds, doubled each time with full jitter. Default 250. */
  initialDelayMs?: number;
  /** The longest single backoff. Default 4000. */
  maxDelayMs?: number;
  /** The whole call, retries included, must end within this many milliseconds. Default 60000. */
  deadlineMs?: number;
  /** Injected for tests; defaults to Math.random. */
  random?: () => number;
}

/**
 * Runs `attempt` until it succeeds, retrying only errors that are EvaluatorErrors with
 * `isRetryable` (throttling, 5xx, timeouts), with exponential backoff and full jitter,
 * never past the deadline. Each attempt receives an AbortSignal that fires at the deadline.
 */
export async function withRetry<Result>(attempt: (signal: AbortSignal) => Promise<Result>, options: RetryOptions = {}): Promise<Result> {
  const maxAttempts = options.maxAttempts ?? 4;
  const initialDelayMs = options.initialDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 4000;
  const deadlineMs = options.deadlineMs ?? 60_000;
  const random = options.random ?? Math.random;
  const deadline = Date.now() + deadlineMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  try {
    return await retry(() => attempt(controller.signal), {
      maxAttempts,
      delay: (retryNumber) => random() * Math.min(maxDelayMs, initialDelayMs * 2 ** (retryNumber - 1)),
      shouldRetry: (error) => EvaluatorError.isInstance(error) && error.isRetryable,
      // A backoff that would end past the deadline is not waited for: the last error is thrown.
      deadline,
    });
  } catch (error) {
    if (controller.signal.aborted) {
      throw new EvaluatorError('timeout', `the provider did not answer within ${deadlineMs} ms`, { cause: error, isRetryable: true });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
