import { apiContract, errorEnvelopeSchema, toFieldErrors, type RouteDefinition } from '@ielts-genai-prep/core';
import ky, { isHTTPError, isTimeoutError, type Options as KyOptions } from 'ky';
import { ApiAbortError, ApiError, ApiNetworkError, ApiResponseValidationError, ApiTimeoutError } from './api-client-error.js';
import type { ApiClient, CallOptions } from './endpoint-types.js';
import { buildRequest, splitArguments, type PreparedRequest } from './request-builder.js';

/** When and how often idempotent calls are retried. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  limit?: number;
  /** Statuses worth retrying. Default `[408, 429, 500, 502, 503, 504]`. */
  statusCodes?: number[];
  /** The wait before retry number `attempt` (1, 2, …), in milliseconds. Default 300 ms doubling each time. */
  delay?: (attempt: number) => number;
  /** The longest wait between attempts, also capping a server's `Retry-After`, in milliseconds. Default 5000. */
  backoffLimit?: number;
  /** Whether an attempt that timed out is retried. Default false: the time is already spent. */
  retryOnTimeout?: boolean;
}

/** Options of {@link createApiClient}. */
export interface ApiClientOptions {
  /**
   * Where the API lives: `https://api.example.com`, or `/` for the page's own origin in a browser.
   * A path prefix (`https://example.com/ielts`) is kept. Required.
   */
  baseUrl: string;
  /** The fetch to use. Default `globalThis.fetch` at call time (browsers, React Native, Node 18+). */
  fetch?: (input: Request, init?: RequestInit) => Promise<Response>;
  /**
   * Returns the bearer token for endpoints that need a signed-in user, or null/undefined to send
   * none. React Native: return the `token` from `auth.login` with `client: 'mobile'`. Browsers rely
   * on the HttpOnly session cookie and usually leave this out. Called once per call. Default: none.
   */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /**
   * Called with the {@link ApiError} when an endpoint that needs a signed-in user answers 401 (the
   * session ended or the token is stale) — before the call rejects with that same error. Not called
   * for endpoints without auth (a wrong password at `auth.login`). Errors it throws are ignored, so
   * the caller still sees the 401. Default: none.
   */
  onUnauthorized?: (error: ApiError) => void | Promise<void>;
  /**
   * Milliseconds to wait for each attempt before rejecting with an `ApiTimeoutError`. Scoring an
   * essay or a speaking test can take tens of seconds. Default 60000.
   */
  timeout?: number;
  /**
   * Retries of idempotent endpoints (the contract's `idempotent` flag — every GET, and a few POSTs
   * such as `auth.logout`) after network errors and the statuses in `statusCodes`. Non-idempotent
   * endpoints are never retried. A number sets `limit`; `false` turns retries off. Default `{ limit: 2 }`.
   */
  retry?: RetryOptions | number | false;
  /**
   * The fetch `credentials` mode. `include` sends the session cookie to an API on another origin
   * (the server must allow it with CORS). Default `include`. (Written out rather than the DOM's
   * `RequestCredentials`, which a Node project without the DOM types does not have.)
   */
  credentials?: 'include' | 'omit' | 'same-origin';
  /** Headers sent with every call (an app version, say). Default none. */
  headers?: Record<string, string>;
}

const DEFAULT_TIMEOUT = 60_000;
const DEFAULT_RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];
const DEFAULT_BACKOFF_LIMIT = 5_000;
// ky's own ceiling for timers (a 32-bit signed int).
const MAXIMUM_TIMEOUT = 2_147_483_647;

function checkTimeout(timeout: unknown, where: string): void {
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0 || timeout > MAXIMUM_TIMEOUT) {
    throw new TypeError(`${where} must be a positive number of milliseconds, at most ${MAXIMUM_TIMEOUT}`);
  }
}

function normalizeRetry(retry: ApiClientOptions['retry']): Required<Omit<RetryOptions, 'delay'>> & Pick<RetryOptions, 'delay'> {
  const options: RetryOptions = retry === false ? { limit: 0 } : typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  const limit = options.limit ?? 2;
  if (!Number.isInteger(limit) || limit < 0) throw new TypeError('retry.limit must be a whole number, 0 or more');
  return {
    limit,
    statusCodes: options.statusCodes ?? DEFAULT_RETRY_STATUS_CODES,
    backoffLimit: options.backoffLimit ?? DEFAULT_BACKOFF_LIMIT,
    retryOnTimeout: options.retryOnTimeout ?? false,
    delay: options.delay,
  };
}

async function readBody(response: Response): Promise<{ text: string; json: unknown; isJson: boolean }> {
  const text = await response.text();
  if (text === '') return { text, json: undefined, isJson: false };
  try {
    return { text, json: JSON.parse(text) as unknown, isJson: true };
  } catch {
    return { text, json: undefined, isJson: false };
  }
}

/**
 * Creates the typed client of the IELTS GenAI Prep API: one method per endpoint of core's
 * `apiContract`, as `client.group.name(params?, query?, body?, options?)` — each input only when the
 * endpoint takes it, in that order. Inputs are checked against the contract before anything is sent
 * and responses are parsed with it; every failure rejects with an `ApiClientError` subclass.
 *
 * @example
 * const client = createApiClient({ baseUrl: 'https://api.example.com' });
 * const page = await client.assessments.list({ cursor });
 * const view = await client.speaking.submitTurn({ id }, { part: 1, transcript: { text } });
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  if (typeof options?.baseUrl !== 'string' || options.baseUrl === '') throw new TypeError('createApiClient: baseUrl is required');
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  checkTimeout(timeout, 'createApiClient: timeout');
  const retry = normalizeRetry(options.retry);
  const http = ky.create({
    prefixUrl: options.baseUrl,
    credentials: options.credentials ?? 'include',
    // Read globalThis.fetch at call time, so a fetch installed after the client was created is used.
    fetch: (input, init) => (options.fetch ?? globalThis.fetch)(input as Request, init),
  });

  function retryFor(route: RouteDefinition): KyOptions['retry'] {
    if (!route.idempotent || retry.limit === 0) return 0;
    return {
      limit: retry.limit,
      methods: [route.method.toLowerCase() as 'get'],
      statusCodes: retry.statusCodes,
      afterStatusCodes: [429, 503],
      maxRetryAfter: retry.backoffLimit,
      backoffLimit: retry.backoffLimit,
      retryOnTimeout: retry.retryOnTimeout,
      ...(retry.delay ? { delay: retry.delay } : {}),
    };
  }

  async function toApiError(prepared: PreparedRequest, response: Response): Promise<ApiError> {
    const { json } = await readBody(response).catch(() => ({ json: undefined }));
    const envelope = errorEnvelopeSchema.safeParse(json);
    const requestId = response.headers.get('x-request-id');
    if (envelope.success) {
      const { code, message, details } = envelope.data.error;
      return new ApiError({ code, endpoint: prepared.endpoint, message, status: response.status, details, requestId });
    }
    return new ApiError({
      code: 'http_error',
      endpoint: prepared.endpoint,
      message: `${prepared.endpoint}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      status: response.status,
      requestId,
    });
  }

  async function send(endpoint: string, route: RouteDefinition, arguments_: readonly unknown[]): Promise<unknown> {
    const input = splitArguments(route, arguments_);
    const callOptions: CallOptions = input.options ?? {};
    const prepared = buildRequest(endpoint, route, input);
    const callTimeout = callOptions.timeout ?? timeout;
    checkTimeout(callTimeout, `${endpoint}: options.timeout`);

    const headers: Record<string, string> = { accept: 'application/json', ...options.headers, ...callOptions.headers };
    if (route.auth === 'user' && options.getToken) {
      const token = await options.getToken();
      if (token) headers.authorization = `Bearer ${token}`;
    }

    let response: Response;
    try {
      response = await http(prepared.path.slice(1), {
        method: prepared.method,
        headers,
        searchParams: prepared.searchParams.length > 0 ? new URLSearchParams(prepared.searchParams) : undefined,
        ...(prepared.body === undefined ? {} : { json: prepared.body }),
        timeout: callTimeout,
        retry: retryFor(route),
        ...(callOptions.signal ? { signal: callOptions.signal } : {}),
      });
    } catch (error) {
      if (callOptions.signal?.aborted) throw new ApiAbortError(endpoint, { cause: error });
      if (isHTTPError(error)) {
        const apiError = await toApiError(prepared, error.response);
        if (apiError.status === 401 && route.auth === 'user' && options.onUnauthorized) {
          try {
            await options.onUnauthorized(apiError);
          } catch {
            // The caller must still see the 401, whatever the handler did.
          }
        }
        throw apiError;
      }
      if (isTimeoutError(error)) throw new ApiTimeoutError(endpoint, { timeout: callTimeout, cause: error });
      throw new ApiNetworkError(endpoint, { cause: error });
    }

    let body: Awaited<ReturnType<typeof readBody>>;
    try {
      body = await readBody(response);
    } catch (error) {
      // The connection dropped while the body was streaming in.
      if (callOptions.signal?.aborted) throw new ApiAbortError(endpoint, { cause: error });
      throw new ApiNetworkError(endpoint, { cause: error });
    }
    if (!body.isJson) {
      throw new ApiResponseValidationError(endpoint, {
        status: response.status,
        details: [{ path: '', message: body.text === '' ? 'empty body; expected JSON' : 'body is not JSON' }],
        body: body.text,
      });
    }
    const parsed = route.response.safeParse(body.json);
    if (!parsed.success) {
      throw new ApiResponseValidationError(endpoint, {
        status: response.status,
        details: toFieldErrors(parsed.error.issues),
        body: body.json,
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  const client: Record<string, Record<string, (...arguments_: unknown[]) => Promise<unknown>>> = {};
  for (const [group, routes] of Object.entries(apiContract)) {
    const methods: Record<string, (...arguments_: unknown[]) => Promise<unknown>> = {};
    for (const [name, route] of Object.entries(routes as Record<string, RouteDefinition>)) {
      const endpoint = `${group}.${name}`;
      methods[name] = (...arguments_) => send(endpoint, route, arguments_);
    }
    client[group] = Object.freeze(methods);
  }
  return Object.freeze(client) as unknown as ApiClient;
}
