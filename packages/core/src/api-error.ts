import * as z from 'zod';

/** The error codes of the HTTP API, each with its status. */
export const API_ERROR_STATUS = {
  validation_failed: 400,
  /** A provider's webhook whose signature does not verify (wrong secret, altered body, too old). */
  invalid_signature: 400,
  unauthorized: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** The first request with this idempotency key is still being processed: retry after `Retry-After`. */
  in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** The idempotency key was sent before with another request body. */
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal: 500,
  evaluation_failed: 502,
  service_unavailable: 503,
  /** This server takes no payments (no payment provider configured); packs are granted by an operator. */
  purchases_not_configured: 503,
} as const;

/** An error code of the HTTP API. */
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** The codes of the HTTP API's errors. */
export const apiErrorCodeSchema = z.enum(Object.keys(API_ERROR_STATUS) as [ApiErrorCode, ...ApiErrorCode[]]);

/** One field-level problem: where (`path`, e.g. `essay` or `answers.12`) and what. */
export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
/** One field-level problem. */
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** The one error envelope every endpoint answers with: `{ error: { code, message, details } }`. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: apiErrorCodeSchema,
    message: z.string(),
    /** Field-level problems for `validation_failed`; empty otherwise. */
    details: z.array(fieldErrorSchema).default([]),
  }),
});
/** The error envelope. */
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Turns zod issues into field-level details: `path` joined with dots. */
export function toFieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldError[] {
  return issues.map((issue) => ({
    path: issue.path.map((segment) => String(segment)).join('.'),
    message: issue.message,
  }));
}
