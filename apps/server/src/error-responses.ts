import { API_ERROR_STATUS, type ApiErrorCode, type ErrorEnvelope, type FieldError } from '@ielts-genai-prep/core';
import { EvaluatorError } from '@ielts-genai-prep/ai-evaluators';
import { DalError } from '@ielts-genai-prep/dal-dynamodb';
import { HTTPException } from 'hono/http-exception';
import { ServerError } from './server-error.js';

/** An error as the client sees it: the status, the envelope and extra headers. No stack, ever. */
export interface ErrorResponse {
  status: number;
  envelope: ErrorEnvelope;
  headers: Record<string, string>;
  /** False for the caller's mistakes (4xx), true for ours: those get logged. */
  unexpected: boolean;
}

const envelope = (code: ApiErrorCode, message: string, details: FieldError[] = []): ErrorEnvelope => ({
  error: { code, message, details },
});

function response(code: ApiErrorCode, message: string, details: FieldError[] = [], headers: Record<string, string> = {}): ErrorResponse {
  const status = API_ERROR_STATUS[code];
  return { status, envelope: envelope(code, message, details), headers, unexpected: status >= 500 };
}

function fromDalError(error: DalError): ErrorResponse {
  switch (error.code) {
    case 'not_found':
      return response('not_found', 'Not found');
    case 'conflict':
      return response('conflict', 'It changed meanwhile: reload and try again');
    case 'duplicate':
      return response('conflict', 'It exists already');
    case 'invalid_cursor':
      return response('validation_failed', 'The request is invalid', [{ path: 'cursor', message: 'is not a cursor this list gave out' }]);
    case 'validation':
      return response('validation_failed', 'The request is invalid', error.issues);
    case 'item_too_large':
      return response('payload_too_large', 'It is too large to store');
    case 'throttled':
    case 'deadline_exceeded':
    case 'unavailable':
      return { ...response('service_unavailable', 'The service is busy: try again shortly', [], { 'retry-after': '2' }), unexpected: true };
    default:
      return response('internal', 'Something went wrong on our side');
  }
}

function fromEvaluatorError(error: EvaluatorError): ErrorResponse {
  switch (error.code) {
    case 'invalid_input':
      return response(
        'validation_failed',
        error.message,
        error.details.map((detail) => ({ path: '', message: detail })),
      );
    case 'invalid_state':
      return response('conflict', error.message);
    case 'throttled':
    case 'provider_unavailable':
    case 'timeout':
      return response('service_unavailable', 'Scoring is busy right now: try again shortly', [], { 'retry-after': '5' });
    case 'aborted':
      // The learner went away before the answer: nobody reads this, and nothing went wrong here.
      return { ...response('service_unavailable', 'The answer was given up before it was scored: send it again'), unexpected: false };
    default:
      return response('evaluation_failed', 'The answer could not be scored: try again later');
  }
}

/** Maps anything thrown by a handler to the error envelope. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (ServerError.isInstance(error)) return response(error.code, error.message, error.details, error.headers);
  if (DalError.isInstance(error)) return fromDalError(error);
  if (EvaluatorError.isInstance(error)) return fromEvaluatorError(error);
  if (error instanceof HTTPException) {
    const code = (Object.keys(API_ERROR_STATUS) as ApiErrorCode[]).find((candidate) => API_ERROR_STATUS[candidate] === error.status);
    if (code) return response(code, error.message || code);
  }
  return response('internal', 'Something went wrong on our side');
}
