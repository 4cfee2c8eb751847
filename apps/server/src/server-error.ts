import { API_ERROR_STATUS, type ApiErrorCode, type FieldError } from '@ielts-genai-prep/core';

const marker = Symbol.for('ielts-genai-prep.server.error');

/**
 * The server's one error class: an API error code from core's envelope, a message safe to show
 * to the caller, and field-level details. Anything else thrown becomes a 500 with a generic message.
 */
export class ServerError extends Error {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by isInstance's `marker in error`, so it works across copies of this package
  private readonly [marker] = true;
  /** The code of core's error envelope; it decides the HTTP status. */
  readonly code: ApiErrorCode;
  /** Field-level problems (for `validation_failed`). */
  readonly details: FieldError[];
  /** Extra response headers, such as `Retry-After` on a 429. */
  readonly headers: Record<string, string>;

  constructor(
    code: ApiErrorCode,
    message: string,
    options: { details?: FieldError[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ServerError';
    this.code = code;
    this.details = options.details ?? [];
    this.headers = options.headers ?? {};
  }

  /** The HTTP status of this error's code. */
  get status(): number {
    return API_ERROR_STATUS[this.code];
  }

  /** True for a ServerError, even one from another copy of this module. */
  static isInstance(error: unknown): error is ServerError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** A 400 with one field-level detail. */
export function fieldError(path: string, message: string, summary = 'The request is invalid'): ServerError {
  return new ServerError('validation_failed', summary, { details: [{ path, message }] });
}
