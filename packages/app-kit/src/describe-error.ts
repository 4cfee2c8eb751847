import {
  ApiAbortError,
  ApiClientError,
  ApiError,
  ApiInputValidationError,
  ApiNetworkError,
  ApiResponseValidationError,
  ApiTimeoutError,
} from '@ielts-genai-prep/api-client';
import { ASSESSMENT_TYPE_NAMES, type AssessmentType } from '@ielts-genai-prep/core';
import { asSentence, fieldErrorSentence } from './field-errors.js';

/** What kind of trouble an error is, which decides how the app shows it. */
export type ErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'payment_required'
  | 'purchases_not_configured'
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

/** Options of {@link describeError}. */
export interface DescribeErrorOptions {
  /** The error came from a form that shows field errors next to its fields. Default false: no form to check. */
  onForm?: boolean;
  /** What to try when the server cannot be reached (a phone app may name its API address setting). */
  offlineHint?: string;
  /** What to do when the server's answer is not what this app expects (reload a page, update an app). */
  outdatedHint?: string;
}

/** Turns any error the client throws into words for the learner. */
export function describeError(error: unknown, options: DescribeErrorOptions = {}): ErrorText {
  const requestId = ApiError.isInstance(error) ? error.requestId : null;
  const text = (kind: ErrorKind, title: string, message: string, retryable: boolean): ErrorText => ({
    kind,
    title,
    message,
    retryable,
    requestId,
  });
  // "Please check the form" only where there is a form; elsewhere the problems themselves, as sentences.
  const invalid = (message: string, details: ReadonlyArray<{ path: string; message: string }>) =>
    options.onForm
      ? text('validation', 'Please check the form', details.length > 0 ? 'Some fields need attention.' : asSentence(message), false)
      : text(
          'validation',
          'That did not work',
          details.length > 0 ? details.map((detail) => fieldErrorSentence(detail.path, detail.message)).join(' ') : asSentence(message),
          false,
        );

  if (ApiInputValidationError.isInstance(error)) return invalid('Some of what was sent is not valid.', error.details);
  if (ApiError.isInstance(error)) {
    switch (error.code) {
      case 'validation_failed':
        return invalid(error.message, error.details);
      case 'unauthorized':
        return text('unauthorized', 'Please sign in', error.message || 'Your session has ended. Sign in to continue.', false);
      case 'payment_required':
        return text(
          'payment_required',
          'No assessments of this kind left',
          `${asSentence(withTypeLabels(error.message))} Once you have bought one, try again: your earlier results stay available in your history.`,
          false,
        );
      case 'purchases_not_configured':
        return text(
          'purchases_not_configured',
          'Purchases are not configured',
          error.message || 'This server does not take payments.',
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
        return text(
          'server',
          'Scoring failed',
          `${error.message || 'The scorer did not answer.'} You have not been charged; please try again.`,
          true,
        );
      case 'service_unavailable':
      case 'internal':
      case 'http_error':
        return text('server', 'Something went wrong on our side', error.message || `The server answered ${error.status}.`, true);
      default:
        return text('unknown', 'Something went wrong', error.message, error.status >= 500);
    }
  }
  if (ApiNetworkError.isInstance(error)) {
    return text(
      'network',
      'You seem to be offline',
      `We could not reach the server. ${options.offlineHint ?? 'Check your connection and try again.'}`,
      true,
    );
  }
  if (ApiTimeoutError.isInstance(error)) {
    return text('network', 'This is taking too long', 'The server did not answer in time. Please try again.', true);
  }
  if (ApiAbortError.isInstance(error)) return text('aborted', 'Cancelled', 'The request was cancelled.', true);
  if (ApiResponseValidationError.isInstance(error)) {
    return text(
      'server',
      'Unexpected answer from the server',
      options.outdatedHint ?? 'This page may be out of date: reload it and try again.',
      true,
    );
  }
  if (ApiClientError.isInstance(error)) return text('unknown', 'Something went wrong', error.message, true);
  return text('unknown', 'Something went wrong', error instanceof Error ? error.message : String(error), true);
}
