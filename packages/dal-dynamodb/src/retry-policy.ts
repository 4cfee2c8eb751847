import { retry } from '@ielts-genai-prep/core';
import { DalError, describeKey } from './errors.js';

/**
 * How long DynamoDB requests and repository calls may take, and how throttling is retried.
 * Every field has a default.
 */
export interface RetryPolicy {
  /** Milliseconds one request may take, its retries and backoff waits included. Default 5000. */
  deadlineMs?: number;
  /**
   * Milliseconds one repository call may take, every request it sends included (a method that
   * pages or batches sends several; each also keeps its own `deadlineMs`). Default 15000.
   */
  callDeadlineMs?: number;
  /** Attempts for a throttled request, the first included. Default 8. */
  maxAttempts?: number;
  /** The first retry waits up to this many milliseconds; each later one up to twice as long. Default 50. */
  baseDelayMs?: number;
  /** The longest wait between two attempts, in milliseconds. Default 2000. */
  maxDelayMs?: number;
  /** A number in [0, 1) for jitter. Default `Math.random` (tests pass a fixed one). */
  random?: () => number;
}

/** The policy with every default filled in. */
export type ResolvedRetryPolicy = Required<RetryPolicy>;

/** Resolves a partial policy against the defaults. */
export function resolveRetryPolicy(policy: RetryPolicy = {}): ResolvedRetryPolicy {
  return {
    deadlineMs: policy.deadlineMs ?? 5000,
    callDeadlineMs: policy.callDeadlineMs ?? 15_000,
    maxAttempts: policy.maxAttempts ?? 8,
    baseDelayMs: policy.baseDelayMs ?? 50,
    maxDelayMs: policy.maxDelayMs ?? 2000,
    random: policy.random ?? Math.random,
  };
}

/**
 * The wait before retry number `retry` (1 for the first retry): "full jitter" exponential
 * backoff, a random time up to base·2^(retry−1) capped at the maximum, so that many clients
 * throttled together do not retry together.
 */
export function backoffDelay(retry: number, policy: ResolvedRetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(policy.random() * ceiling);
}

const throttlingNames = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
]);

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { name?: unknown; __type?: unknown };
  return typeof candidate.name === 'string' ? candidate.name : undefined;
}

/** True for the errors DynamoDB returns when a table or account is over its throughput. */
export function isThrottlingError(error: unknown): boolean {
  const name = errorName(error);
  return name !== undefined && throttlingNames.has(name);
}

// Node's socket errors: nothing answered, so no request was carried out (ECONNRESET and EPIPE may
// come after one was, which the caller's idempotency handles as for any failed write).
const connectionErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** True when DynamoDB could not be reached: the connection was refused, dropped or never made. */
export function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && connectionErrorCodes.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /\b(ECONNREFUSED|ECONNRESET|EPIPE)\b|socket hang up/.test(message);
}

/** True when a conditional write or update found its condition false. */
export function isConditionalCheckFailed(error: unknown): boolean {
  return errorName(error) === 'ConditionalCheckFailedException';
}

/** What a call was doing, for error messages. */
export interface CallContext {
  /** e.g. `users.create`. */
  operation: string;
  /** The physical table name. */
  tableName: string;
  /** The item's key, when the call is about one item. */
  key?: Record<string, unknown>;
}

function where(context: CallContext): string {
  const key = describeKey(context.key);
  return `${context.operation} on ${context.tableName}${key ? ` (${key})` : ''}`;
}

/** Maps an AWS SDK error to a {@link DalError}; DalErrors pass through unchanged. */
export function toDalError(error: unknown, context: CallContext): DalError {
  if (DalError.isInstance(error)) return error;
  const name = errorName(error) ?? 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const base = { tableName: context.tableName, key: context.key, cause: error };
  if (isThrottlingError(error)) {
    return new DalError({ ...base, code: 'throttled', message: `${where(context)} was throttled: ${message}` });
  }
  if (name === 'ResourceNotFoundException') {
    return new DalError({ ...base, code: 'table_missing', message: `${where(context)}: table not found (${message})` });
  }
  if (name === 'ValidationException' && /item size|size has exceeded|maximum allowed size/i.test(message)) {
    return new DalError({ ...base, code: 'item_too_large', message: `${where(context)}: ${message}` });
  }
  if (name === 'ValidationException') {
    return new DalError({ ...base, code: 'validation', message: `${where(context)} was rejected: ${message}` });
  }
  if (isConnectionError(error)) {
    return new DalError({ ...base, code: 'unavailable', message: `${where(context)}: DynamoDB could not be reached: ${message}` });
  }
  const retryable = /InternalServerError|ServiceUnavailable|TimeoutError/.test(`${name} ${message}`);
  return new DalError({
    ...base,
    code: 'dynamodb',
    message: `${where(context)} failed: ${name}: ${message}`,
    isRetryable: retryable,
  });
}

/**
 * Runs `attempt` under a deadline, retrying throttling with backoff. `attempt` receives an
 * AbortSignal that fires at the deadline; pass it to `client.send(command, { abortSignal })`.
 * The deadline is `policy.deadlineMs` from now, or `callExpiresAt` (a `Date.now()` time: the
 * end of the repository call this request belongs to) when that comes first.
 * Errors other than throttling are not retried here (the SDK already retries transient ones);
 * ConditionalCheckFailedException is rethrown as is so that the caller can tell what failed.
 */
export async function runWithRetry<Output>(
  attempt: (abortSignal: AbortSignal) => Promise<Output>,
  policy: ResolvedRetryPolicy,
  context: CallContext,
  callExpiresAt: number = Number.POSITIVE_INFINITY,
): Promise<Output> {
  const remainingMs = callExpiresAt - Date.now();
  const boundByCall = remainingMs < policy.deadlineMs;
  const deadlineError = (cause?: unknown) =>
    new DalError({
      code: 'deadline_exceeded',
      message: boundByCall
        ? `${where(context)} did not finish within the call's deadline of ${policy.callDeadlineMs} ms`
        : `${where(context)} did not finish within ${policy.deadlineMs} ms`,
      tableName: context.tableName,
      key: context.key,
      cause,
    });
  // The call's time is up: nothing more is sent.
  if (remainingMs <= 0) throw deadlineError();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.min(policy.deadlineMs, remainingMs));
  try {
    return await retry(
      async () => {
        const output = await attempt(controller.signal);
        if (controller.signal.aborted) throw deadlineError();
        return output;
      },
      {
        maxAttempts: policy.maxAttempts,
        delay: (retryNumber) => backoffDelay(retryNumber, policy),
        shouldRetry: isThrottlingError,
        // The deadline ends a backoff wait too.
        signal: controller.signal,
      },
    );
  } catch (error) {
    if (DalError.isInstance(error, 'deadline_exceeded')) throw error;
    if (controller.signal.aborted) throw deadlineError(error);
    if (isConditionalCheckFailed(error)) throw error;
    throw toDalError(error, context);
  } finally {
    clearTimeout(timer);
  }
}
