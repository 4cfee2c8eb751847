import { EvaluatorError } from './evaluator-error.js';
import type { AiSafetyEvent } from './safety-event.js';

/** Receives an AI safety event; awaited, so an error it throws fails the evaluation. */
export type SafetyEventHandler = (event: AiSafetyEvent) => void | Promise<void>;

/**
 * What one call of an evaluator's `evaluate(request, options)` carries besides the request. They
 * belong to the call, not to the evaluator, so one evaluator serves concurrent requests without
 * their events or cancellations mixing.
 */
export interface EvaluationOptions {
  /** Receives every AI safety event this call raises, and no other call's. Awaited. Default: dropped. */
  onSafetyEvent?: SafetyEventHandler;
  /**
   * Ends the evaluation early (the learner went away, the request's deadline passed): a provider
   * call in flight is aborted, none is started after it, and `evaluate` rejects with the
   * {@link EvaluatorError} `aborted`. Default: none.
   */
  signal?: AbortSignal;
}

/** The `aborted` error of a call whose signal fired. */
export function abortedError(signal: AbortSignal, cause?: unknown): EvaluatorError {
  return new EvaluatorError('aborted', 'the evaluation was aborted by its caller', { cause: cause ?? signal.reason });
}

/** Throws the `aborted` error when the call's signal has fired; between steps, so no further work starts. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError(signal);
}
