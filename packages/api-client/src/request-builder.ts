import { buildPath, toFieldErrors, type HttpMethod, type RouteDefinition } from '@ielts-genai-prep/core';
import type { ZodType } from 'zod';
import { ApiInputValidationError } from './api-client-error.js';
import type { CallOptions } from './endpoint-types.js';

/** What an endpoint's method was given, split by part. */
export interface EndpointInput {
  params: unknown;
  query: unknown;
  body: unknown;
  options: CallOptions | undefined;
}

/** A request ready to send: everything validated and serialised, nothing sent yet. */
export interface PreparedRequest {
  /** `group.name` of the endpoint, such as `assessments.get`. */
  endpoint: string;
  method: HttpMethod;
  /** The path with its parameters filled and encoded, starting with `/`. */
  path: string;
  /** Query parameters in order; repeated keys for arrays. */
  searchParams: Array<[string, string]>;
  /** The JSON body (the body schema's output), or undefined when the route takes none. */
  body: unknown;
}

/**
 * Splits a method's positional arguments as documented on {@link EndpointArguments}: params, then
 * query, then body — each only when the route has it — then call options.
 */
export function splitArguments(route: RouteDefinition, arguments_: readonly unknown[]): EndpointInput {
  let index = 0;
  const take = (present: boolean): unknown => (present ? arguments_[index++] : undefined);
  const params = take(route.params !== undefined);
  const query = take(route.query !== undefined);
  const body = take(route.body !== undefined);
  return { params, query, body, options: arguments_[index] as CallOptions | undefined };
}

function parsePart(endpoint: string, part: 'params' | 'query' | 'body', schema: ZodType, value: unknown): unknown {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ApiInputValidationError(endpoint, { part, details: toFieldErrors(result.error.issues), cause: result.error });
  }
  return result.data;
}

function toSearchParams(query: unknown): Array<[string, string]> {
  if (query === undefined || query === null) return [];
  const entries: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      entries.push([key, typeof item === 'object' ? JSON.stringify(item) : String(item)]);
    }
  }
  return entries;
}

/**
 * Validates an endpoint's input against the contract's schemas and builds the request to send.
 * Pure: throws {@link ApiInputValidationError} on bad input, so nothing bad is ever sent.
 * What is sent is each schema's output (defaults filled in, strings trimmed where the schema trims).
 */
export function buildRequest(endpoint: string, route: RouteDefinition, input: Omit<EndpointInput, 'options'>): PreparedRequest {
  let path = route.path;
  if (route.params) {
    const params = parsePart(endpoint, 'params', route.params, input.params) as Record<string, unknown>;
    path = buildPath(route.path, Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)])));
  }
  // A left-out query or body is checked as `{}`: fine when all its keys are optional (as the
  // method's type allows), and otherwise the errors name each missing field.
  const query = route.query ? parsePart(endpoint, 'query', route.query, input.query === undefined ? {} : input.query) : undefined;
  const body = route.body ? parsePart(endpoint, 'body', route.body, input.body === undefined ? {} : input.body) : undefined;
  return { endpoint, method: route.method, path, searchParams: toSearchParams(query), body };
}
