import {
  DEFAULT_MAX_BODY_BYTES,
  listRoutes,
  routeErrorCodes,
  toFieldErrors,
  type ApiErrorCode,
  type ApiContract,
  type FieldError,
  type RouteDefinition,
  type Session,
  type User,
} from '@ielts-genai-prep/core';
import type { AllowanceUsage } from '@ielts-genai-prep/dal-dynamodb';
import type { Context, Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import type * as z from 'zod';
import { jsonAnswer } from './response-headers.js';
import { ServerError } from './server-error.js';

/** The signed-in caller of a `user` route. */
export interface Caller {
  user: User;
  session: Session;
  /** The user's assessment counters, read with the user (one read of their item per request). */
  allowanceUsage: AllowanceUsage;
}

type Output<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

/** What a route handler receives: validated params, query and body, and the caller. */
export interface RouteInput<Route extends RouteDefinition> {
  params: Output<Route['params']>;
  query: Output<Route['query']>;
  body: Output<Route['body']>;
  /** The body's exact text, on a route marked `rawBody` (a provider's webhook verifies its signature over it). */
  rawBody: Route['rawBody'] extends true ? string : undefined;
  /** The signed-in caller; present on every `user` route. */
  caller: Route['auth'] extends 'user' ? Caller : undefined;
  /** The Hono context, for cookies and headers. */
  context: Context;
}

/** Handles one route; the result is checked against the route's response schema. */
export type RouteHandler<Route extends RouteDefinition> = (input: RouteInput<Route>) => Promise<z.input<Route['response']>>;

/** A handler for every route of core's contract, keyed like the contract. */
export type ContractHandlers = {
  [Group in keyof ApiContract]: {
    [Name in keyof ApiContract[Group]]: ApiContract[Group][Name] extends RouteDefinition ? RouteHandler<ApiContract[Group][Name]> : never;
  };
};

/** Options for {@link registerContractRoutes}. */
export interface ContractRouterOptions {
  /** Finds the caller of a request, or undefined when it carries no valid session. */
  authenticate: (context: Context) => Promise<Caller | undefined>;
  /** Called when a handler's result does not match the contract (a bug): the caller gets a 500. */
  onResponseMismatch?: (routeName: string, error: z.ZodError, context: Context<AppEnv>) => void;
  /** The API error code an error thrown on a route becomes (the app's error mapping). */
  errorCodeOf?: (error: unknown) => ApiErrorCode;
  /**
   * Called when a route answers with an error code its contract entry does not list
   * ({@link routeErrorCodes}): the OpenAPI document would not tell clients about it (a bug).
   */
  onUndeclaredError?: (routeName: string, code: ApiErrorCode, context: Context<AppEnv>) => void;
}

/**
 * Field-level details from zod issues. An unknown key becomes one detail per key, at that key's
 * path, so `{ essay, extra }` reports `extra: is not allowed`.
 */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key].map(String).join('.'), message: 'is not allowed' }))
      : toFieldErrors([issue]),
  );
}

/**
 * Keys of a body that its object schema does not name. Core's bodies are strict objects, except
 * a few refined ones (a speaking turn) that would strip unknown keys silently: they are refused too.
 */
function unknownKeys(schema: z.ZodType, value: unknown): FieldError[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  if (!shape || typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.keys(value)
    .filter((key) => !(key in shape))
    .map((key) => ({ path: key, message: 'is not allowed' }));
}

function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

// A body refused unread is not drained: the connection is closed after the answer, and saying so
// keeps a client from sending its next request down a socket that is about to go away.
const CLOSE_CONNECTION = { connection: 'close' };

function tooLarge(maxBytes: number): ServerError {
  return new ServerError('payload_too_large', `The request body is larger than ${maxBytes} bytes`, { headers: CLOSE_CONNECTION });
}

/** Checks what the headers say about the body, before anything is read: 415, or 413 by Content-Length. */
function checkBodyHeaders(context: Context, maxBytes: number): void {
  const contentType = context.req.header('content-type');
  if (!isJsonMediaType(contentType)) {
    throw new ServerError('unsupported_media_type', 'The request body must be JSON (Content-Type: application/json)', {
      headers: CLOSE_CONNECTION,
    });
  }
  // JSON is UTF-8 (RFC 8259): a body declared in another charset would be misread, so it is refused.
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new ServerError('unsupported_media_type', `The request body must be UTF-8 JSON, not ${charset}`, { headers: CLOSE_CONNECTION });
  }
  const declared = context.req.header('content-length');
  if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge(maxBytes);
}

/** Whether the headers announce a body: a non-zero Content-Length, or a chunked one. */
function declaresBody(context: Context): boolean {
  const length = context.req.header('content-length');
  return (length !== undefined && length.trim() !== '0') || context.req.header('transfer-encoding') !== undefined;
}

/** Reads the body as JSON (and its text), stopping with a 413 as soon as it passes `maxBytes` (a chunked body has no length). */
async function readJsonBody(context: Context, maxBytes: number): Promise<{ text: string; json: unknown }> {
  const stream = context.req.raw.body;
  const chunks: Uint8Array[] = [];
  if (stream) {
    const reader = stream.getReader();
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks));
  if (text.trim() === '') return { text, json: undefined };
  try {
    return { text, json: JSON.parse(text) };
  } catch {
    throw new ServerError('validation_failed', 'The request body is not valid JSON', {
      details: [{ path: '', message: 'is not valid JSON' }],
    });
  }
}

function readQuery(context: Context): { values: Record<string, string>; repeated: FieldError[] } {
  const values: Record<string, string> = {};
  const repeated: FieldError[] = [];
  for (const [name, entries] of Object.entries(context.req.queries())) {
    if (entries.length > 1) repeated.push({ path: name, message: 'must be given once' });
    values[name] = entries[0] ?? '';
  }
  return { values, repeated };
}

/**
 * Registers every route of core's contract on the app: body size (413), content type (415),
 * session (401), params, query and body validation (400 with field details), then the handler,
 * whose result must match the route's response schema.
 */
export function registerContractRoutes(app: Hono<AppEnv>, handlers: ContractHandlers, options: ContractRouterOptions): void {
  for (const { group, name, route } of listRoutes()) {
    const handler = (handlers as unknown as Record<string, Record<string, RouteHandler<RouteDefinition>>>)[group]?.[name];
    if (!handler) throw new Error(`No handler for ${group}.${name} (${route.method} ${route.path})`);
    const routeName = `${group}.${name}`;
    const declared = new Set(routeErrorCodes(route));

    app.on(route.method, route.path, async (context) => {
      try {
        return await answer(context);
      } catch (error) {
        const code = options.errorCodeOf?.(error);
        if (code !== undefined && !declared.has(code)) options.onUndeclaredError?.(routeName, code, context);
        throw error;
      }
    });

    const answer = async (context: Context<AppEnv>) => {
      const maxBytes = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      // The headers are checked first, so a wrong or oversized upload is refused unread;
      // the body itself is read only for a signed-in caller where the route needs one.
      if (route.body) checkBodyHeaders(context, maxBytes);
      let caller: Caller | undefined;
      if (route.auth === 'user') {
        caller = await options.authenticate(context);
        if (!caller) throw new ServerError('unauthorized', 'Sign in to continue');
      }
      const read = route.body ? await readJsonBody(context, maxBytes) : undefined;
      const rawBody = read?.json;

      const details: FieldError[] = [];
      const parse = (schema: z.ZodType | undefined, value: unknown): unknown => {
        if (!schema) return undefined;
        const result = schema.safeParse(value);
        if (result.success) return result.data;
        details.push(...issuesToFieldErrors(result.error.issues));
        return undefined;
      };
      const params = route.params ? parse(route.params, context.req.param()) : undefined;
      const { values: queryValues, repeated } = readQuery(context);
      // A route without a query takes none: a stray parameter is refused like an unknown body field.
      if (route.query) details.push(...repeated);
      else details.push(...Object.keys(queryValues).map((key) => ({ path: key, message: 'is not allowed' })));
      const query = route.query ? parse(route.query, queryValues) : undefined;
      if (!route.body && declaresBody(context)) details.push({ path: '', message: 'this request takes no body' });
      const body = parse(route.body, rawBody);
      // A webhook's events gain fields over time: only the fields its schema names are checked.
      if (route.body && !route.rawBody) {
        const known = new Set(details.map((detail) => detail.path));
        details.push(...unknownKeys(route.body, rawBody).filter((detail) => !known.has(detail.path)));
      }
      if (details.length > 0) throw new ServerError('validation_failed', 'The request is invalid', { details });

      const result = await handler({
        params,
        query,
        body,
        rawBody: route.rawBody ? read?.text : undefined,
        caller,
        context,
      } as RouteInput<RouteDefinition>);
      const checked = route.response.safeParse(result);
      if (!checked.success) {
        options.onResponseMismatch?.(routeName, checked.error, context);
        throw new Error(`${routeName} returned a response that does not match the contract`);
      }
      return jsonAnswer(context, checked.data, route.status);
    };
  }
}
