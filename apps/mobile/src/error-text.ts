import { ASSESSMENT_TYPE_NAMES } from '@ielts-genai-prep/core';
import {
  ApiAbortError,
  ApiClientError,
  ApiError,
  ApiInputValidationError,
  ApiNetworkError,
  ApiResponseValidationError,
  ApiTimeoutError,
} from '@ielts-genai-prep/api-client';
import type { AssessmentType } from '@ielts-genai-prep/core';

/** What kind of trouble an error is, which decides how the app shows it. */
export type ErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'payment_required'
  | 'not_found'
  | 'rate_limited'
  | 'network'
  | 'server'
  | 'aborted'
  | 'unknown';

/** An error as the learner reads it. */
export interface ErrorText {
  kind: ErrorKind;
  title: string;
  message: string;
  /** Trying the same thing again may work (a dropped connection, a busy server). */
  retryable: boolean;
  /** Quote this when reporting a problem. */
  requestId: string | null;
}

// Server messages name assessment types by id ("writing_task2"); learners read them by name.
function withTypeLabels(message: string): string {
  return message.replace(/\b[a-z]+(?:_[a-z0-9]+)+\b/g, (word) => ASSESSMENT_TYPE_NAMES[word as AssessmentType] ?? word);
}

function asSentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Turns any error the API client throws into words for the learner. */
export function describeError(error: unknown): ErrorText {
  const requestId = ApiError.isInstance(error) ? error.requestId : null;
  const text = (kind: ErrorKind, title: string, message: string, retryable: boolean): ErrorText => ({ kind, title, message, retryable, requestId });

  if (ApiInputValidationError.isInstance(error)) return text('validation', 'Please check the form', 'Some fields need attention.', false);
  if (ApiError.isInstance(error)) {
    switch (error.code) {
      case 'validation_failed':
        return text('validation', 'Please check the form', error.details.length > 0 ? 'Some fields need attention.' : error.message, false);
      case 'unauthorized':
        return text('unauthorized', 'Please sign in', error.message || 'Your session has ended. Sign in to continue.', false);
      case 'payment_required':
        return text(
          'payment_required',
          'No assessments left',
          `${asSentence(withTypeLabels(error.message || 'You have used all your assessments of this type'))} Your earlier results stay in your history.`,
          false,
        );
      case 'not_found':
        return text('not_found', 'Not found', error.message || 'We could not find that.', false);
      case 'rate_limited':
        return text('rate_limited', 'Too many attempts', error.message || 'Please wait a moment and try again.', true);
      case 'forbidden':
        return text('unknown', 'Not allowed', error.message, false);
      case 'conflict':
        return text('unknown', 'Already done', error.message, false);
      case 'payload_too_large':
        return text('validation', 'Too large', error.message || 'What you sent is too large.', false);
      case 'evaluation_failed':
        return text('server', 'Scoring failed', `${asSentence(error.message || 'The scorer did not answer')} You have not been charged; please try again.`, true);
      case 'service_unavailable':
      case 'internal':
      case 'http_error':
        return text('server', 'Something went wrong on our side', error.message || `The server answered ${error.status}.`, true);
      default:
        return text('unknown', 'Something went wrong', error.message, error.status >= 500);
    }
  }
  if (ApiNetworkError.isInstance(error)) {
    return text('network', 'Cannot reach the server', 'Check your connection (and the API address in the app settings) and try again.', true);
  }
  if (ApiTimeoutError.isInstance(error)) return text('network', 'This is taking too long', 'The server did not answer in time. Please try again.', true);
  if (ApiAbortError.isInstance(error)) return text('aborted', 'Cancelled', 'The request was cancelled.', true);
  if (ApiResponseValidationError.isInstance(error)) {
    return text('server', 'Unexpected answer from the server', 'The app and the server disagree: the app may need an update.', true);
  }
  if (ApiClientError.isInstance(error)) return text('unknown', 'Something went wrong', error.message, true);
  return text('unknown', 'Something went wrong', error instanceof Error ? error.message : String(error), true);
}

/**
 * Field-level problems by field path (`email`, `essay`), from the server's `validation_failed`
 * details or the client's own input check (same shape). Several messages for one field are joined.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const details =
    ApiInputValidationError.isInstance(error) || (ApiError.isInstance(error) && error.code === 'validation_failed') ? error.details : [];
  const byPath: Record<string, string> = {};
  for (const detail of details) {
    const message = detail.message.trim();
    byPath[detail.path] = byPath[detail.path] ? `${byPath[detail.path]}; ${message}` : message;
  }
  return byPath;
}

/** Field errors that no field on the screen shows: listed in the banner, so nothing the server said is lost. */
export function unplacedFieldErrors(fieldErrors: Record<string, string>, shownFields: readonly string[]): Array<[string, string]> {
  return Object.entries(fieldErrors).filter(([path]) => !shownFields.includes(path));
}
