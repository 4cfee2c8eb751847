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

function asSentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

// What learners call the fields the server names.
const FIELD_NAMES: Readonly<Record<string, string>> = {
  token: 'The link',
  email: 'The email address',
  password: 'The password',
  display_name: 'The name',
  essay: 'The answer',
  recaptcha_token: 'The robot check',
  reason: 'The reason',
  details: 'The details',
};

/**
 * A field's problem as a sentence: "token" + "is invalid or has expired" → "The link is invalid or
 * has expired." A message that is a sentence of its own ("the reCAPTCHA check failed") keeps its words.
 */
export function fieldErrorSentence(path: string, message: string): string {
  const answer = /^answers\.(\d+)$/.exec(path);
  return errorSentence(answer ? `The answer to question ${answer[1]}` : (FIELD_NAMES[path] ?? `The ${path.replace(/[._]/g, ' ')}`), message);
}

/** A problem with something named as a sentence: ("Password", "must be at least 8 characters") → "Password must be at least 8 characters." */
export function errorSentence(name: string, message: string): string {
  const trimmed = message.trim();
  const startsAsPredicate = /^(is|are|must|should|has|have|was|were|cannot|can't|does|do|needs?)\b/i.test(trimmed);
  const sentence = startsAsPredicate ? `${name} ${trimmed}` : trimmed;
  return asSentence(sentence.charAt(0).toUpperCase() + sentence.slice(1));
}

/** Options of {@link describeError}. */
export interface DescribeErrorOptions {
  /** The error came from a form that shows field errors next to its fields. Default false: no form to check. */
  onForm?: boolean;
}

/** Turns any error the client throws into words for the learner. */
export function describeError(error: unknown, options: DescribeErrorOptions = {}): ErrorText {
  const requestId = ApiError.isInstance(error) ? error.requestId : null;
  const text = (kind: ErrorKind, title: string, message: string, retryable: boolean): ErrorText => ({ kind, title, message, retryable, requestId });
  // "Please check the form" only where there is a form; elsewhere the problems themselves, as sentences.
  const invalid = (message: string, details: ReadonlyArray<{ path: string; message: string }>) =>
    options.onForm
      ? text('validation', 'Please check the form', details.length > 0 ? 'Some fields need attention.' : asSentence(message), false)
      : text('validation', 'That did not work', details.length > 0 ? details.map((detail) => fieldErrorSentence(detail.path, detail.message)).join(' ') : asSentence(message), false);

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
        return text('purchases_not_configured', 'Purchases are not configured', error.message || 'This server does not take payments.', false);
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
        return text('server', 'Scoring failed', `${error.message || 'The scorer did not answer.'} You have not been charged; please try again.`, true);
      case 'service_unavailable':
      case 'internal':
      case 'http_error':
        return text('server', 'Something went wrong on our side', error.message || `The server answered ${error.status}.`, true);
      default:
        return text('unknown', 'Something went wrong', error.message, error.status >= 500);
    }
  }
  if (ApiNetworkError.isInstance(error)) {
    return text('network', 'You seem to be offline', 'We could not reach the server. Check your connection and try again.', true);
  }
  if (ApiTimeoutError.isInstance(error)) {
    return text('network', 'This is taking too long', 'The server did not answer in time. Please try again.', true);
  }
  if (ApiAbortError.isInstance(error)) return text('aborted', 'Cancelled', 'The request was cancelled.', true);
  if (ApiResponseValidationError.isInstance(error)) {
    return text('server', 'Unexpected answer from the server', 'This page may be out of date: reload it and try again.', true);
  }
  if (ApiClientError.isInstance(error)) return text('unknown', 'Something went wrong', error.message, true);
  return text('unknown', 'Something went wrong', error instanceof Error ? error.message : String(error), true);
}

/**
 * Field-level problems by field path (`email`, `essay`, `answers.12`), from a server
 * `validation_failed` or a client-side input check. Several messages for one field are joined.
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

/**
 * Field errors that no field on the form shows: listed in the banner instead, so nothing the
 * server said is lost.
 */
export function unplacedFieldErrors(fieldErrors: Record<string, string>, shownFields: readonly string[]): Array<[string, string]> {
  return Object.entries(fieldErrors).filter(([path]) => !shownFields.includes(path));
}
