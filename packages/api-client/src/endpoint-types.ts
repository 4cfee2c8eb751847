import type { ApiContract, RouteDefinition } from '@ielts-genai-prep/core';
import type * as z from 'zod';

/** Options of one call, always the last argument. */
export interface CallOptions {
  /** Aborts the call (and any retry); the call then rejects with an `ApiAbortError`. */
  signal?: AbortSignal;
  /** Milliseconds to wait for each attempt. Default: the client's `timeout`. */
  timeout?: number;
  /** Extra request headers for this call. */
  headers?: Record<string, string>;
}

// `{}` is assignable when every key is optional: then the argument itself may be left out.
// biome-ignore lint/complexity/noBannedTypes: the empty object type is the point: it tests that every key is optional
type IsAllOptional<Value> = {} extends Value ? true : false;
type MaybeOptional<Label extends string, Value> =
  IsAllOptional<Value> extends true
    ? Label extends 'query'
      ? [query?: Value]
      : [body?: Value]
    : Label extends 'query'
      ? [query: Value]
      : [body: Value];

type ParamsArguments<Route> = Route extends { params: infer Schema extends z.ZodType } ? [params: z.input<Schema>] : [];
// A query followed by a body stays required: an optional argument cannot precede a required one.
type QueryArguments<Route> = Route extends { query: infer Schema extends z.ZodType }
  ? Route extends { body: z.ZodType }
    ? [query: z.input<Schema>]
    : MaybeOptional<'query', z.input<Schema>>
  : [];
type BodyArguments<Route> = Route extends { body: infer Schema extends z.ZodType } ? MaybeOptional<'body', z.input<Schema>> : [];

/**
 * The arguments of an endpoint's method, in a fixed order: path `params` (when the path has
 * parameters), then `query` (when it takes one), then `body` (when it takes one). Each is typed as
 * the contract schema's input (`z.input`).
 */
export type EndpointArguments<Route> = [...ParamsArguments<Route>, ...QueryArguments<Route>, ...BodyArguments<Route>];

/** What an endpoint's method resolves with: the contract's response schema's output (`z.output`). */
export type EndpointResult<Route extends RouteDefinition> = z.output<Route['response']>;

/** One endpoint's method: its inputs as {@link EndpointArguments}, then optional {@link CallOptions}. */
export type EndpointMethod<Route extends RouteDefinition> = (
  ...arguments_: [...EndpointArguments<Route>, options?: CallOptions]
) => Promise<EndpointResult<Route>>;

/** The typed client: one method per endpoint of core's `apiContract`, grouped as in the contract. */
export type ApiClient = {
  readonly [Group in keyof ApiContract]: {
    readonly [Name in keyof ApiContract[Group]]: ApiContract[Group][Name] extends RouteDefinition
      ? EndpointMethod<ApiContract[Group][Name]>
      : never;
  };
};
