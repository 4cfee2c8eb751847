import * as z from 'zod';
import type { ApiErrorCode } from './api-error.js';
import { assessmentSchema, assessmentSummarySchema } from './assessment.js';
import { assessmentTypeSchema } from './assessment-type.js';
import { emailSchema, identifierSchema, isoDateTimeSchema, pageSchema } from './common.js';
import { contentReportReasonSchema, contentReportSchema, contentReportTargetSchema } from './content-report.js';
import { productIdSchema, productSchema } from './products.js';
import { publicQuestionSchema } from './question.js';
import { speakingPhaseSchema, speakingSessionViewSchema, speakingSetupSchema, speakingTurnSubmissionSchema } from './speaking.js';
import { displayNameSchema, publicUserSchema, userPreferencesSchema } from './user.js';

/** HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One endpoint: everything server and client need to agree on. */
export interface RouteDefinition {
  method: HttpMethod;
  /** Hono-style path, `:name` for parameters. */
  path: string;
  summary: string;
  /** `user`: a session cookie or bearer token is required. */
  auth: 'none' | 'user';
  /** The success status. */
  status: 200 | 201 | 202;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** The largest request body accepted, in bytes (413 beyond). Default {@link DEFAULT_MAX_BODY_BYTES}. */
  maxBodyBytes?: number;
  /** Safe to retry: the same call twice has the effect of one. */
  idempotent: boolean;
  /**
   * The error codes this route answers with besides those every route of its kind can give
   * (see {@link routeErrorCodes}): `not_found`, `payment_required`, `conflict` …
   */
  errors?: readonly ApiErrorCode[];
  /**
   * A provider's webhook: the handler also gets the body's exact text (its signature covers the
   * bytes), and the body may carry fields its schema does not name (providers add fields to events).
   */
  rawBody?: boolean;
}

/** The body limit of routes that name none: 64 KiB. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

const route = <const Definition extends RouteDefinition>(definition: Definition): Definition => definition;

/** Passwords: at least 8 characters, and at least 64 allowed (NIST SP 800-63B); 128 at most. */
export const passwordSchema = z.string().min(8, 'must be at least 8 characters').max(128, 'must be at most 128 characters');

const messageResponse = z.object({ message: z.string() });
const okResponse = z.object({ ok: z.literal(true) });
const idParams = z.object({ id: identifierSchema });
const limitSchema = z.coerce.number<number | string>().int().min(1).max(50).default(20);

/** A reading or listening answer sheet: question number (1–40) → the answer given. */
export const answerSheetSchema = z.record(
  z.string().regex(/^([1-9]|[1-3][0-9]|40)$/, 'question numbers run from 1 to 40'),
  z.string().max(200),
);

const idempotencyKeySchema = z.string().min(8).max(128).optional();

/** Marking an answer sheet by its key: the reading and listening routes differ only in their skill. */
const answerSheetRoute = <const Skill extends 'reading' | 'listening'>(skill: Skill) =>
  route({
    method: 'POST',
    path: `/api/${skill}/evaluate`,
    summary: `Mark a ${skill} answer sheet by its key`,
    auth: 'user',
    status: 201,
    body: z.strictObject({ question_id: identifierSchema, answers: answerSheetSchema, idempotency_key: idempotencyKeySchema }),
    response: assessmentSchema,
    idempotent: false,
    errors: ['not_found', 'payment_required', 'conflict', 'in_progress', 'idempotency_key_reused'],
  });

/** A learner's allowance for one assessment type. */
export const entitlementSchema = z.object({
  assessment_type: assessmentTypeSchema,
  granted: z.int().min(0),
  used: z.int().min(0),
  remaining: z.int().min(0),
});

/** Every endpoint of the reference server. Server and api-client are both built from this table. */
export const apiContract = {
  health: {
    check: route({
      method: 'GET',
      path: '/health',
      summary: 'Liveness and version',
      auth: 'none',
      status: 200,
      response: z.object({ status: z.literal('ok'), version: z.string(), time: isoDateTimeSchema }),
      idempotent: true,
    }),
  },
  auth: {
    register: route({
      method: 'POST',
      path: '/api/auth/register',
      summary: 'Register; the same answer whether or not the email is taken',
      auth: 'none',
      status: 202,
      body: z.strictObject({
        email: emailSchema,
        password: passwordSchema,
        display_name: displayNameSchema.optional(),
        recaptcha_token: z.string().max(4000).optional(),
      }),
      response: messageResponse,
      idempotent: false,
      errors: ['rate_limited'],
    }),
    login: route({
      method: 'POST',
      path: '/api/auth/login',
      summary: 'Start a session: a cookie for the web, a bearer token for mobile',
      auth: 'none',
      status: 200,
      body: z.strictObject({
        email: emailSchema,
        password: z.string().min(1).max(128),
        client: z.enum(['web', 'mobile']).default('web'),
      }),
      response: z.object({
        user: publicUserSchema,
        /** The bearer token, for mobile clients; null for the web, which gets an HttpOnly cookie. */
        token: z.string().nullable(),
        expires_at: isoDateTimeSchema,
      }),
      idempotent: false,
      errors: ['unauthorized', 'rate_limited'],
    }),
    logout: route({
      method: 'POST',
      path: '/api/auth/logout',
      summary: 'End this session',
      auth: 'user',
      status: 200,
      response: okResponse,
      idempotent: true,
    }),
    me: route({
      method: 'GET',
      path: '/api/auth/me',
      summary: 'The signed-in user',
      auth: 'user',
      status: 200,
      response: z.object({ user: publicUserSchema }),
      idempotent: true,
    }),
    updateProfile: route({
      method: 'PATCH',
      path: '/api/auth/me',
      summary: "Change the signed-in user's name or preferences (target band, exam variant, result emails); keys left out stay as they are",
      auth: 'user',
      status: 200,
      body: z
        .strictObject({
          display_name: displayNameSchema.optional(),
          preferences: z
            .strictObject({
              target_band: userPreferencesSchema.shape.target_band.unwrap().unwrap().nullable().optional(),
              exam_variant: userPreferencesSchema.shape.exam_variant.unwrap().optional(),
              email_notifications: userPreferencesSchema.shape.email_notifications.unwrap().optional(),
            })
            .optional(),
        })
        .refine((body) => body.display_name !== undefined || (body.preferences !== undefined && Object.keys(body.preferences).length > 0), {
          error: 'give display_name or at least one preference',
          path: ['preferences'],
        }),
      response: z.object({ user: publicUserSchema }),
      idempotent: true,
    }),
    session: route({
      method: 'GET',
      path: '/api/auth/session',
      summary: 'Who is signed in: the user, or null when no one is (200 either way, so a signed-out page load logs no error)',
      auth: 'none',
      status: 200,
      response: z.object({ user: publicUserSchema.nullable() }),
      idempotent: true,
    }),
    verifyEmail: route({
      method: 'POST',
      path: '/api/auth/verify-email',
      summary: 'Confirm an email address with the token sent to it',
      auth: 'none',
      status: 200,
      body: z.strictObject({ token: z.string().min(16).max(200) }),
      response: okResponse,
      idempotent: false,
      errors: ['not_found'],
    }),
    resendVerification: route({
      method: 'POST',
      path: '/api/auth/resend-verification',
      summary: 'Send the verification email again',
      auth: 'user',
      status: 202,
      response: messageResponse,
      idempotent: false,
      errors: ['rate_limited'],
    }),
    requestPasswordReset: route({
      method: 'POST',
      path: '/api/auth/password-reset/request',
      summary: 'Email a single-use reset link; the same answer for unknown emails',
      auth: 'none',
      status: 202,
      body: z.strictObject({ email: emailSchema }),
      response: messageResponse,
      idempotent: false,
      errors: ['rate_limited'],
    }),
    confirmPasswordReset: route({
      method: 'POST',
      path: '/api/auth/password-reset/confirm',
      summary: 'Set a new password with a reset token; ends every session',
      auth: 'none',
      status: 200,
      body: z.strictObject({ token: z.string().min(16).max(200), password: passwordSchema }),
      response: okResponse,
      idempotent: false,
      errors: ['not_found'],
    }),
    changePassword: route({
      method: 'POST',
      path: '/api/auth/change-password',
      summary: "Change the password; ends the user's other sessions",
      auth: 'user',
      status: 200,
      body: z.strictObject({ current_password: z.string().min(1).max(128), new_password: passwordSchema }),
      response: okResponse,
      idempotent: false,
      errors: ['rate_limited'],
    }),
  },
  entitlements: {
    get: route({
      method: 'GET',
      path: '/api/entitlements',
      summary: 'How many assessments of each type the user may still take',
      auth: 'user',
      status: 200,
      response: z.object({ entitlements: z.array(entitlementSchema) }),
      idempotent: true,
    }),
  },
  purchases: {
    products: route({
      method: 'GET',
      path: '/api/purchases/products',
      summary: 'The packs on sale with their prices, and whether this server can take payment for them',
      auth: 'none',
      status: 200,
      response: z.object({
        products: z.array(productSchema),
        /** False when the server has no payment provider: checkout then answers `purchases_not_configured`. */
        checkout_available: z.boolean(),
      }),
      idempotent: true,
    }),
    checkout: route({
      method: 'POST',
      path: '/api/purchases/checkout',
      summary:
        "Start paying for a pack: the provider's checkout page to send the learner to. The pack is granted when the provider confirms the payment",
      auth: 'user',
      status: 201,
      body: z.strictObject({ product_id: productIdSchema }),
      response: z.object({ checkout_url: z.url(), checkout_session_id: z.string().min(1).max(255) }),
      idempotent: false,
      errors: ['purchases_not_configured'],
    }),
    webhook: route({
      method: 'POST',
      path: '/api/purchases/webhook',
      summary:
        "The payment provider's (Stripe's) event notifications, signed in the Stripe-Signature header. A completed checkout grants its pack once, however often the event is delivered; other events are acknowledged and ignored",
      auth: 'none',
      status: 200,
      body: z.object({ id: z.string().min(1).max(255), type: z.string().min(1).max(255) }),
      response: z.object({
        received: z.literal(true),
        /** `granted`: the pack was added now; `already_granted`: a repeated delivery; `ignored`: nothing to do for this event. */
        outcome: z.enum(['granted', 'already_granted', 'ignored']),
      }),
      maxBodyBytes: 512 * 1024,
      rawBody: true,
      idempotent: true,
      errors: ['invalid_signature', 'purchases_not_configured'],
    }),
  },
  questions: {
    list: route({
      method: 'GET',
      path: '/api/questions',
      summary: 'Practice questions of one assessment type',
      auth: 'user',
      status: 200,
      query: z.strictObject({ type: assessmentTypeSchema, cursor: z.string().max(2000).optional(), limit: limitSchema }),
      response: pageSchema(publicQuestionSchema),
      idempotent: true,
    }),
    get: route({
      method: 'GET',
      path: '/api/questions/:id',
      summary: 'One question, without its answer key',
      auth: 'user',
      status: 200,
      params: idParams,
      response: publicQuestionSchema,
      idempotent: true,
      errors: ['not_found'],
    }),
  },
  writing: {
    evaluate: route({
      method: 'POST',
      path: '/api/writing/evaluate',
      summary: 'Score an essay for a writing question',
      auth: 'user',
      status: 201,
      body: z.strictObject({
        question_id: identifierSchema,
        essay: z.string().trim().min(1, 'must not be empty').max(30_000),
        idempotency_key: idempotencyKeySchema,
      }),
      response: assessmentSchema,
      maxBodyBytes: 128 * 1024,
      idempotent: false,
      errors: ['not_found', 'payment_required', 'conflict', 'in_progress', 'idempotency_key_reused', 'evaluation_failed'],
    }),
  },
  speaking: {
    setup: route({
      method: 'GET',
      path: '/api/speaking/setup',
      summary:
        'How this server scores a speaking test: whether recorded audio is transcribed by the provider (and Pronunciation assessed) or each answer needs a transcript from the device or typed. Ask before starting, to tell the learner',
      auth: 'user',
      status: 200,
      response: speakingSetupSchema,
      idempotent: true,
    }),
    start: route({
      method: 'POST',
      path: '/api/speaking/sessions',
      summary: 'Start a speaking test for a speaking set',
      auth: 'user',
      status: 201,
      body: z.strictObject({ question_id: identifierSchema }),
      response: speakingSessionViewSchema,
      idempotent: false,
      errors: ['not_found', 'payment_required'],
    }),
    get: route({
      method: 'GET',
      path: '/api/speaking/sessions/:id',
      summary: 'Where a speaking test stands',
      auth: 'user',
      status: 200,
      params: idParams,
      response: speakingSessionViewSchema,
      idempotent: true,
      errors: ['not_found'],
    }),
    submitTurn: route({
      method: 'POST',
      path: '/api/speaking/sessions/:id/turns',
      summary: 'Answer the current prompt with audio and/or a timed transcript',
      auth: 'user',
      status: 200,
      params: idParams,
      body: speakingTurnSubmissionSchema,
      response: speakingSessionViewSchema,
      maxBodyBytes: 16 * 1024 * 1024,
      idempotent: false,
      errors: ['not_found', 'conflict'],
    }),
    advance: route({
      method: 'POST',
      path: '/api/speaking/sessions/:id/advance',
      summary:
        'Move on as the examiner would: end Part 1, skip the rest of the preparation minute, skip the follow-ups after the talk, or end Part 3. `from_phase` must be the current phase (a 409 otherwise), so a repeated request cannot skip twice',
      auth: 'user',
      status: 200,
      params: idParams,
      body: z.strictObject({ from_phase: speakingPhaseSchema.exclude(['finished']) }),
      response: speakingSessionViewSchema,
      idempotent: false,
      errors: ['not_found', 'conflict'],
    }),
    discard: route({
      method: 'DELETE',
      path: '/api/speaking/sessions/:id',
      summary:
        'Discard a speaking test that has not been scored: it is deleted with its recordings and costs nothing. A scored test is a 409',
      auth: 'user',
      status: 200,
      params: idParams,
      response: z.object({ assessment_id: identifierSchema, discarded: z.literal(true) }),
      idempotent: false,
      errors: ['not_found', 'conflict'],
    }),
    complete: route({
      method: 'POST',
      path: '/api/speaking/sessions/:id/complete',
      summary: 'Score the speaking test',
      auth: 'user',
      status: 200,
      params: idParams,
      response: assessmentSchema,
      idempotent: false,
      errors: ['not_found', 'conflict', 'payment_required', 'evaluation_failed'],
    }),
  },
  reading: { evaluate: answerSheetRoute('reading') },
  listening: { evaluate: answerSheetRoute('listening') },
  assessments: {
    list: route({
      method: 'GET',
      path: '/api/assessments',
      summary:
        "The user's assessments, newest first, as history rows (type, question title, bands, date, flags); the whole assessment from `assessments.get`",
      auth: 'user',
      status: 200,
      query: z.strictObject({ cursor: z.string().max(2000).optional(), limit: limitSchema }),
      response: pageSchema(assessmentSummarySchema),
      idempotent: true,
    }),
    get: route({
      method: 'GET',
      path: '/api/assessments/:id',
      summary: "One of the user's assessments (another user's is a 404)",
      auth: 'user',
      status: 200,
      params: idParams,
      response: assessmentSchema,
      idempotent: true,
      errors: ['not_found'],
    }),
  },
  contentReports: {
    create: route({
      method: 'POST',
      path: '/api/content-reports',
      summary: 'Report a result, its feedback or a question',
      auth: 'user',
      status: 201,
      body: z.strictObject({
        target: contentReportTargetSchema,
        reason: contentReportReasonSchema,
        details: z.string().max(2000).optional(),
      }),
      response: contentReportSchema,
      idempotent: false,
      errors: ['not_found'],
    }),
  },
} as const;

/** The contract's type. */
export type ApiContract = typeof apiContract;

/**
 * Every error code a route can answer with: those of every route (`validation_failed`,
 * `internal`, and `service_unavailable` when the database cannot answer in time), `unauthorized`
 * on a `user` route, `payload_too_large` and `unsupported_media_type` on a route with a body, and
 * the route's own {@link RouteDefinition.errors}. The OpenAPI document lists them per route; the
 * reference server's tests fail on an error a route answers with that is not among them.
 */
export function routeErrorCodes(route: RouteDefinition): ApiErrorCode[] {
  return [
    ...new Set<ApiErrorCode>([
      'validation_failed',
      'internal',
      'service_unavailable',
      ...(route.auth === 'user' ? (['unauthorized'] as const) : []),
      ...(route.body ? (['payload_too_large', 'unsupported_media_type'] as const) : []),
      ...(route.errors ?? []),
    ]),
  ];
}

/** Every route of the contract, with its group and name (`auth.login`). */
export function listRoutes(): Array<{ group: string; name: string; route: RouteDefinition }> {
  return Object.entries(apiContract).flatMap(([group, routes]) =>
    Object.entries(routes as Record<string, RouteDefinition>).map(([name, definition]) => ({ group, name, route: definition })),
  );
}

/** Fills `:name` parameters of a contract path: `/api/assessments/:id` → `/api/assessments/a1`. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}
