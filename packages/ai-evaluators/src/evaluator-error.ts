const marker = Symbol.for('ielts-genai-prep.ai-evaluators.error');

/** Stable codes of {@link EvaluatorError}. */
export type EvaluatorErrorCode =
  /** The model's answer did not validate, even after the retry. */
  | 'invalid_model_output'
  /** The provider's content filter stopped the answer. */
  | 'content_filtered'
  /** The model ran out of output tokens before finishing. */
  | 'max_tokens'
  /** The model did not call the forced tool, or called it with unparsable input. */
  | 'malformed_tool_use'
  /** The provider kept throttling until the deadline. */
  | 'throttled'
  /** The provider failed (5xx) until the deadline. */
  | 'provider_unavailable'
  /** The deadline passed. */
  | 'timeout'
  /** The caller's `signal` fired: the evaluation was given up, not failed. */
  | 'aborted'
  /** The provider refused the request (4xx other than throttling): bad credentials, unknown model. */
  | 'provider_rejected'
  /** The input to the evaluator is invalid (an answer sheet for the wrong test, an empty essay). */
  | 'invalid_input'
  /** A speaking turn came at the wrong time, or the test is not ready to be scored. */
  | 'invalid_state';

/**
 * The one error base class of `@ielts-genai-prep/ai-evaluators`. Every failure an evaluator
 * reports is one of these, with a stable `code` and whether retrying may help.
 */
export class EvaluatorError extends Error {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by isInstance's `marker in error`, so it works across copies of this package
  private readonly [marker] = true;
  /** A stable, machine-readable code. */
  readonly code: EvaluatorErrorCode;
  /** True when trying again later may succeed. */
  readonly isRetryable: boolean;
  /** The provider's HTTP status, when there was one. */
  readonly statusCode: number | undefined;
  /** What went wrong in detail: validation issues, the provider's stop reason. */
  readonly details: readonly string[];

  constructor(
    code: EvaluatorErrorCode,
    message: string,
    options: { cause?: unknown; isRetryable?: boolean; statusCode?: number; details?: readonly string[] } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'EvaluatorError';
    this.code = code;
    this.isRetryable = options.isRetryable ?? false;
    this.statusCode = options.statusCode;
    this.details = options.details ?? [];
  }

  /** True for an EvaluatorError, even one thrown by another copy of this package. */
  static isInstance(error: unknown): error is EvaluatorError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
