import { EvaluatorError, type EvaluatorErrorCode } from './evaluator-error.js';

/**
 * Maps a failure of a Gemini call to an EvaluatorError: 429 → `throttled` and 5xx →
 * `provider_unavailable` (both retryable), 408 or an aborted request → `timeout` (retryable),
 * other 4xx → `provider_rejected`, a network failure → `provider_unavailable` (retryable).
 * EvaluatorErrors pass through unchanged.
 */
export function mapGeminiError(error: unknown): EvaluatorError {
  if (EvaluatorError.isInstance(error)) return error;
  const status = statusOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  const details = detail ? [detail.slice(0, 1000)] : [];
  if (status !== undefined) {
    const { code, message, isRetryable } = describeStatus(status);
    return new EvaluatorError(code, message, { cause: error, isRetryable, statusCode: status, details });
  }
  if (isAbort(error)) {
    return new EvaluatorError('timeout', 'the Gemini request was aborted before it answered', { cause: error, isRetryable: true, details });
  }
  if (isNetworkFailure(error)) {
    return new EvaluatorError('provider_unavailable', 'Gemini could not be reached', { cause: error, isRetryable: true, details });
  }
  return new EvaluatorError('provider_unavailable', 'the Gemini call failed unexpectedly', { cause: error, details });
}

/** What an HTTP error status from Gemini means for the caller. */
function describeStatus(status: number): { code: EvaluatorErrorCode; message: string; isRetryable: boolean } {
  if (status === 429) return { code: 'throttled', message: 'Gemini is throttling requests (429)', isRetryable: true };
  if (status >= 500) return { code: 'provider_unavailable', message: `Gemini failed (${status})`, isRetryable: true };
  if (status === 408) return { code: 'timeout', message: 'Gemini timed out the request (408)', isRetryable: true };
  return { code: 'provider_rejected', message: `Gemini refused the request (${status})`, isRetryable: false };
}

// The SDK throws `ApiError` with a numeric `status`; read it structurally, as the SDK may be
// another copy than any this package could import.
function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  const status = (error as { status: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

// fetch reports a refused or reset connection as `TypeError: fetch failed` with the socket error as cause.
function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TypeError' && /fetch failed|network/i.test(error.message)) return true;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|UND_ERR_\w+)$/.test(code);
}
