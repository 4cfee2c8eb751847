const marker = Symbol.for('ielts-genai-prep.core.error');

/** Stable codes of {@link CoreError}. */
export type CoreErrorCode = 'invalid_band' | 'invalid_raw_score' | 'invalid_argument' | 'unknown_table_version';

/**
 * The one error base class of `@ielts-genai-prep/core`. Rules reject bad input with it
 * (a band of 9.7, a raw score of 41, NaN) instead of clamping silently.
 */
export class CoreError extends Error {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by isInstance's `marker in error`, so it works across copies of this package
  private readonly [marker] = true;
  /** A stable, machine-readable code. */
  readonly code: CoreErrorCode;

  constructor(code: CoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CoreError';
    this.code = code;
  }

  /** True for a CoreError, even one thrown by another copy of this package. */
  static isInstance(error: unknown): error is CoreError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
