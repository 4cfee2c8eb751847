import {
  API_ERROR_STATUS,
  DEFAULT_MAX_BODY_BYTES,
  errorEnvelopeSchema,
  listRoutes,
  routeErrorCodes,
  type ApiErrorCode,
  type RouteDefinition,
} from '@ielts-genai-prep/core';
import * as z from 'zod';

type JsonSchema = Record<string, unknown>;

/** Options for {@link buildOpenApiDocument}. */
export interface OpenApiOptions {
  /** The API's version string. */
  version: string;
  /** The server URL to list, if any. */
  serverUrl?: string;
  /** The session cookie's name. */
  cookieName: string;
}

/**
 * Converts a zod schema to JSON Schema 2020-12 (OpenAPI 3.1's dialect). `$defs` are hoisted into
 * `components.schemas`, since a `$ref` inside an OpenAPI document resolves against the document.
 */
function toSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  const { $schema: _dialect, $defs: definitions, ...rest } = converted;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, entry]) =>
          key === '$ref' && typeof entry === 'string' && entry.startsWith('#/$defs/')
            ? [key, `#/components/schemas/${entry.slice('#/$defs/'.length)}`]
            : [key, rewrite(entry)],
        ),
      );
    }
    return value;
  };
  for (const [name, definition] of Object.entries((definitions ?? {}) as Record<string, JsonSchema>)) {
    components[name] = rewrite(definition) as JsonSchema;
  }
  return rewrite(rest) as JsonSchema;
}

function parameters(route: RouteDefinition, components: Record<string, JsonSchema>): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [location, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const converted = toSchema(schema, 'input', components);
    const properties = (converted.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((converted.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      list.push({ name, in: location, required: location === 'path' || required.has(name), schema: property });
    }
  }
  return list;
}

/** What each error code means, for the document's response descriptions. */
const ERROR_DESCRIPTIONS: Record<ApiErrorCode, string> = {
  validation_failed: 'invalid input, with field-level details in `error.details`',
  invalid_signature: "the webhook's signature does not verify against its body and the endpoint's secret",
  unauthorized: 'no valid session, or wrong credentials',
  payment_required: 'no assessment of this type left',
  forbidden: 'not allowed for this account',
  not_found: 'no such item for this user',
  conflict: 'the item is not in the state this request needs',
  in_progress: 'the first request with this idempotency key is still being processed: retry after `Retry-After`',
  payload_too_large: 'the body is larger than the route accepts',
  unsupported_media_type: 'the body is not UTF-8 JSON',
  idempotency_key_reused: 'the idempotency key was sent before with another body',
  rate_limited: 'too many attempts: retry after `Retry-After`',
  internal: 'something went wrong on the server',
  evaluation_failed: 'the scorer could not score the answer (nothing was charged)',
  service_unavailable: 'the database or a queue could not answer in time: retry after `Retry-After`',
  purchases_not_configured: 'this server takes no payments (no payment provider is configured)',
};

/** The OpenAPI 3.1 document of every route in core's contract. */
export function buildOpenApiDocument(options: OpenApiOptions): Record<string, unknown> {
  const components: Record<string, JsonSchema> = {};
  const errorEnvelope = toSchema(errorEnvelopeSchema, 'output', components);
  components.ErrorEnvelope = errorEnvelope;
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
  });

  const paths: Record<string, Record<string, unknown>> = {};
  for (const { group, name, route } of listRoutes()) {
    const openApiPath = route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const responses: Record<string, unknown> = {
      [String(route.status)]: {
        description: route.summary,
        content: { 'application/json': { schema: toSchema(route.response, 'output', components) } },
      },
    };
    // The route's own error statuses, each with the codes it stands for (400 on every route: one
    // without a query or body refuses a stray one).
    const codesByStatus = new Map<number, ApiErrorCode[]>();
    for (const code of routeErrorCodes(route))
      codesByStatus.set(API_ERROR_STATUS[code], [...(codesByStatus.get(API_ERROR_STATUS[code]) ?? []), code]);
    for (const [status, codes] of [...codesByStatus].sort(([left], [right]) => left - right)) {
      responses[String(status)] = errorResponse(codes.map((code) => `\`${code}\`: ${ERROR_DESCRIPTIONS[code]}`).join('; '));
    }

    const operation: Record<string, unknown> = {
      operationId: `${group}.${name}`,
      summary: route.summary,
      tags: [group],
      responses,
    };
    const parameterList = parameters(route, components);
    if (parameterList.length > 0) operation.parameters = parameterList;
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: toSchema(route.body, 'input', components) } },
      };
    }
    operation.security = route.auth === 'user' ? [{ sessionCookie: [] }, { bearerToken: [] }] : [];
    operation['x-idempotent'] = route.idempotent;
    if (route.body) operation['x-max-body-bytes'] = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    paths[openApiPath] ??= {};
    paths[openApiPath][route.method.toLowerCase()] = operation;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'IELTS GenAI Prep API',
      version: options.version,
      description:
        'Generated from the contract in @ielts-genai-prep/core. Errors share one envelope: { error: { code, message, details } }.',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: options.cookieName, description: 'The web session (HttpOnly)' },
        bearerToken: { type: 'http', scheme: 'bearer', description: 'The mobile session token from login' },
      },
    },
  };
}
