import type { ApiErrorCode, FieldError } from '@ielts-genai-prep/core';

const baseMarker = Symbol.for('ielts-genai-prep.api-client.error');
const apiMarker = Symbol.for('ielts-genai-prep.api-client.error.api');
const networkMarker = Symbol.for('ielts-genai-prep.api-client.error.network');
const timeoutMarker = Symbol.for('ielts-genai-prep.api-client.error.timeout');
const abortMarker = Symbol.for('ielts-genai-prep.api-client.error.abort');
const inputMarker = Symbol.for('ielts-genai-prep.api-client.error.input-validation');
const responseMarker = Symbol.for('ielts-genai-prep.api-client.error.response-validation');

/**
 * The stable codes of {@link ApiClientError}: the server's own error codes (on an {@link ApiError}),
 * `http_error` for an error status without the API's envelope (a proxy's 502 page), and one code
 * per failure the client detects itself.
 */
export type ApiClientErrorCode =
  | ApiErrorCode
  | 'http_error'
  | 'network_error'
  | 'timeout'
  | 'aborted'
  | 'invalid_input'
  | 'invalid_response';

// A marker property survives duplicated copies of this package (two versions in one bundle), where
// `instanceof` does not.
function hasMarker(error: unknown, marker: symbol): boolean {
  return typeof error === 'object' && error !== null && marker in error;
}

// Field-level problems on one line, for the message of an input or response validation error.
function summarizeDetails(details: readonly FieldError[]): string {
  return details.map((detail) => (detail.path ? `${detail.path}: ${detail.message}` : detail.message)).join('; ');
}

/**
 * The one error base class of `@ielts-genai-prep/api-client`. Every call of the client either resolves
 * with the parsed response or rejects with a subclass of it; switch on `code`.
 */
export class ApiClientError extends Error {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by hasMarker, so isInstance works across copies of this package
  private readonly [baseMarker] = true;
  /** A stable, machine-readable code. */
  readonly code: ApiClientErrorCode;
  /** The contract endpoint that was called, as `group.name` (`assessments.get`). */
  readonly endpoint: string;

  constructor(code: ApiClientErrorCode, endpoint: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApiClientError';
    this.code = code;
    this.endpoint = endpoint;
  }

  /** True for any error of this package, even one thrown by another copy of it. */
  static isInstance(error: unknown): error is ApiClientError {
    return hasMarker(error, baseMarker);
  }
}

/**
 * The server answered with an error status. `code` is the server's error code from the envelope
 * `{ error: { code, message, details } }`, or `http_error` when the body was not that envelope.
 */
export class ApiError extends ApiClientError {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by hasMarker, so isInstance works across copies of this package
  private readonly [apiMarker] = true;
  declare readonly code: ApiErrorCode | 'http_error';
  /** The HTTP status, such as 400 or 503. */
  readonly status: number;
  /** Field-level problems (`validation_failed`): `path` such as `essay` or `answers.12`, and a message. */
  readonly details: FieldError[];
  /** The server's `x-request-id` header, when it sent one: quote it when reporting a problem. */
  readonly requestId: string | null;

  constructor(options: {
    code: ApiErrorCode | 'http_error';
    endpoint: string;
    message: string;
    status: number;
    details?: FieldError[];
    requestId?: string | null;
  }) {
    super(options.code, options.endpoint, options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.details = options.details ?? [];
    this.requestId = options.requestId ?? null;
  }

  /** True for an {@link ApiError}, even one thrown by another copy of this package. */
  static override isInstance(error: unknown): error is ApiError {
    return hasMarker(error, apiMarker);
  }
}

/** The request never got an answer: the server is unreachable, DNS failed, the connection dropped or CORS refused it. */
export class ApiNetworkError extends ApiClientError {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by hasMarker, so isInstance works across copies of this package
  private readonly [networkMarker] = true;
  declare readonly code: 'network_error';

  constructor(endpoint: string, options: { cause: unknown }) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super('network_error', endpoint, `${endpoint}: network error: ${reason}`, options);
    this.name = 'ApiNetworkError';
  }

  /** True for an {@link ApiNetworkError}, even one thrown by another copy of this package. */
  static override isInstance(error: unknown): error is ApiNetworkError {
    return hasMarker(error, networkMarker);
  }
}

/** No answer arrived within the timeout (per attempt). */
export class ApiTimeoutError extends ApiClientError {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by hasMarker, so isInstance works across copies of this package
  private readonly [timeoutMarker] = true;
  declare readonly code: 'timeout';
  /** The timeout that ran out, in milliseconds. */
  readonly timeout: number;

  constructor(endpoint: string, options: { timeout: number; cause?: unknown }) {
    super('timeout', endpoint, `${endpoint}: no answer within ${options.timeout} ms`, { cause: options.cause });
    this.name = 'ApiTimeoutError';
    this.timeout = options.timeout;
  }

  /** True for an {@link ApiTimeoutError}, even one thrown by another copy of this package. */
  static override isInstance(error: unknown): error is ApiTimeoutError {
    return hasMarker(error, timeoutMarker);
  }
}

/** The caller aborted the call through the `signal` it passed. */
export class ApiAbortError extends ApiClientError {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by hasMarker, so isInstance works across copies of this package
  private readonly [abortMarker] = true;
  declare readonly code: 'aborted';

  constructor(endpoint: string, options: { cause?: unknown } = {}) {
    super('aborted', endpoint, `${endpoint}: aborted`, options);
    this.name = 'ApiAbortError';
  }

  /** True for an {@link ApiAbortError}, even one thrown by another copy of this package. */
  static override isInstance(error: unknown): error is ApiAbortError {
    return hasMarker(error, abortMarker);
  }
}

/**
 * The call's input failed the contract's schema. Thrown before any request is sent; `details`
 * has the same shape as the server's `validation_failed` details, so forms can show either.
 */
export class ApiInputValidationError extends ApiClientError {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by hasMarker, so isInstance works across copies of this package
  private readonly [inputMarker] = true;
  declare readonly code: 'invalid_input';
  /** Which part of the input failed. */
  readonly part: 'params' | 'query' | 'body';
  /** Each problem: `path` (dot-joined, such as `essay` or `transcript.words.0.end_ms`) and a message. */
  readonly details: FieldError[];

  constructor(endpoint: string, options: { part: 'params' | 'query' | 'body'; details: FieldError[]; cause?: unknown }) {
    const summary = summarizeDetails(options.details);
    super('invalid_input', endpoint, `${endpoint}: invalid ${options.part}: ${summary}`, { cause: options.cause });
    this.name = 'ApiInputValidationError';
    this.part = options.part;
    this.details = options.details;
  }

  /** True for an {@link ApiInputValidationError}, even one thrown by another copy of this package. */
  static override isInstance(error: unknown): error is ApiInputValidationError {
    return hasMarker(error, inputMarker);
  }
}

/**
 * A success response did not match the contract's response schema (or was not JSON): client and
 * server disagree about the contract, usually because one of them is out of date.
 */
export class ApiResponseValidationError extends ApiClientError {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by hasMarker, so isInstance works across copies of this package
  private readonly [responseMarker] = true;
  declare readonly code: 'invalid_response';
  /** The HTTP status of the response. */
  readonly status: number;
  /** What did not match, as field-level problems. */
  readonly details: FieldError[];
  /** The response body: parsed JSON, or the text when it was not JSON. */
  readonly body: unknown;

  constructor(endpoint: string, options: { status: number; details: FieldError[]; body: unknown; cause?: unknown }) {
    const summary = summarizeDetails(options.details);
    super('invalid_response', endpoint, `${endpoint}: unexpected response (status ${options.status}): ${summary}`, {
      cause: options.cause,
    });
    this.name = 'ApiResponseValidationError';
    this.status = options.status;
    this.details = options.details;
    this.body = options.body;
  }

  /** True for an {@link ApiResponseValidationError}, even one thrown by another copy of this package. */
  static override isInstance(error: unknown): error is ApiResponseValidationError {
    return hasMarker(error, responseMarker);
  }
}
