import { retry } from '@ielts-genai-prep/core';
import { abortedError } from './evaluation-options.js';
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
 * never past the deadline. Each attempt receives an AbortSignal that fires at the deadline or when
 * the caller's `signal` does; the caller's abort is thrown as `aborted`, at once, and never retried.
 */
export async function withRetry<Result>(
  attempt: (signal: AbortSignal) => Promise<Result>,
  options: RetryOptions = {},
  signal?: AbortSignal,
): Promise<Result> {
  const maxAttempts = options.maxAttempts ?? 4;
  const initialDelayMs = options.initialDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 4000;
  const deadlineMs = options.deadlineMs ?? 60_000;
  const random = options.random ?? Math.random;
  if (signal?.aborted) throw abortedError(signal);
  const deadline = Date.now() + deadlineMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  const abort = () => controller.abort();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    return await retry(() => attempt(controller.signal), {
      maxAttempts,
      delay: (retryNumber) => random() * Math.min(maxDelayMs, initialDelayMs * 2 ** (retryNumber - 1)),
      shouldRetry: (error) => EvaluatorError.isInstance(error) && error.isRetryable,
      // A backoff that would end past the deadline is not waited for: the last error is thrown.
      deadline,
      // A backoff in progress ends when the deadline or the caller's signal fires.
      signal: controller.signal,
    });
  } catch (error) {
    if (signal?.aborted) throw abortedError(signal, error);
    if (controller.signal.aborted) {
      throw new EvaluatorError('timeout', `the provider did not answer within ${deadlineMs} ms`, { cause: error, isRetryable: true });
    }
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}
