import * as z from 'zod';
import type { ConverseCommandInput, ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import type { TokenUsage } from '@ielts-genai-prep/core';
import { EvaluatorError } from './evaluator-error.js';

/**
 * The Bedrock Converse plumbing of the writing evaluator: a pure request builder, the call,
 * the mapping of SDK failures to {@link EvaluatorError}s, and the reading of the forced tool call.
 */

/**
 * The part of a `BedrockRuntimeClient` the evaluators use. Create the client with
 * `maxAttempts: 1`: the evaluator retries itself, within its deadline.
 */
export interface BedrockConverseClient {
  send(command: never, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

/** What {@link buildConverseRequest} needs. */
export interface ConverseRequestOptions {
  /** The Bedrock model id. */
  modelId: string;
  /** The system prompt (instructions). */
  system: string;
  /** The user message (the task and the fenced answer). */
  user: string;
  /** The one tool the model must call. */
  toolName: string;
  /** What the tool is for, as the model reads it. */
  toolDescription: string;
  /** The JSON schema of the tool's input. */
  inputSchema: Record<string, unknown>;
  /** The most output tokens. */
  maxTokens: number;
}

/**
 * The Converse request: one system block, one user message, one tool forced with `toolChoice`,
 * temperature 0 so that the same essay gets the same answer. Pure.
 */
export function buildConverseRequest(options: ConverseRequestOptions): ConverseCommandInput {
  return {
    modelId: options.modelId,
    system: [{ text: options.system }],
    messages: [{ role: 'user', content: [{ text: options.user }] }],
    toolConfig: {
      tools: [
        {
          toolSpec: {
            name: options.toolName,
            description: options.toolDescription,
            inputSchema: { json: options.inputSchema as never },
          },
        },
      ],
      toolChoice: { tool: { name: options.toolName } },
    },
    inferenceConfig: { temperature: 0, maxTokens: options.maxTokens },
  };
}

type BedrockRuntimeModule = typeof import('@aws-sdk/client-bedrock-runtime');
let bedrockRuntime: Promise<BedrockRuntimeModule> | undefined;

// Loaded on first use: the SDK is an optional peer dependency, so importing this package must not need it.
function loadBedrockRuntime(): Promise<BedrockRuntimeModule> {
  bedrockRuntime ??= import('@aws-sdk/client-bedrock-runtime');
  return bedrockRuntime;
}

/** Sends a Converse request; every failure becomes an {@link EvaluatorError}. */
export async function sendConverse(
  client: BedrockConverseClient,
  input: ConverseCommandInput,
  signal: AbortSignal,
): Promise<ConverseCommandOutput> {
  const { ConverseCommand } = await loadBedrockRuntime();
  try {
    return (await client.send(new ConverseCommand(input) as never, { abortSignal: signal })) as ConverseCommandOutput;
  } catch (error) {
    throw toEvaluatorError(error);
  }
}

const THROTTLING = new Set(['ThrottlingException', 'TooManyRequestsException', 'ThrottledException']);
const UNAVAILABLE = new Set(['ServiceUnavailableException', 'InternalServerException', 'ModelNotReadyException', 'ModelErrorException']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * Maps an SDK or network failure to an {@link EvaluatorError}: throttling (429) → `throttled`,
 * 5xx and network failures → `provider_unavailable`, both retryable; an aborted request or the
 * model's own timeout → `timeout`; any other 4xx → `provider_rejected`, not retryable.
 */
export function toEvaluatorError(error: unknown): EvaluatorError {
  if (EvaluatorError.isInstance(error)) return error;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: string;
    message?: string;
    code?: string;
    $fault?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const name = failure.name ?? '';
  const statusCode = failure.$metadata?.httpStatusCode;
  const message = failure.message ?? String(error);
  const details = [`${name || 'Error'}${statusCode ? ` (HTTP ${statusCode})` : ''}: ${message}`.slice(0, 500)];
  const options = { cause: error, details, ...(statusCode === undefined ? {} : { statusCode }) };
  if (THROTTLING.has(name) || statusCode === 429) {
    return new EvaluatorError('throttled', 'Bedrock is throttling requests', { ...options, isRetryable: true });
  }
  if (name === 'AbortError' || name === 'TimeoutError' || name === 'ModelTimeoutException' || statusCode === 408) {
    return new EvaluatorError('timeout', 'Bedrock did not answer in time', { ...options, isRetryable: true });
  }
  if (UNAVAILABLE.has(name) || (statusCode !== undefined && statusCode >= 500) || failure.$fault === 'server') {
    return new EvaluatorError('provider_unavailable', `Bedrock failed: ${name || message}`, { ...options, isRetryable: true });
  }
  if (failure.code !== undefined && NETWORK_CODES.has(failure.code)) {
    return new EvaluatorError('provider_unavailable', `Bedrock could not be reached (${failure.code})`, { ...options, isRetryable: true });
  }
  if (statusCode !== undefined && statusCode >= 400) {
    return new EvaluatorError('provider_rejected', `Bedrock rejected the request: ${name || message}`, options);
  }
  return new EvaluatorError('provider_unavailable', `Bedrock call failed: ${message}`, { ...options, isRetryable: false });
}

// Only what the evaluator reads of a Converse response; content blocks stay loose (text, toolUse, reasoning…).
const converseResponseSchema = z.object({
  output: z.object({ message: z.object({ content: z.array(z.record(z.string(), z.unknown())).default([]) }).optional() }).optional(),
  stopReason: z.string().optional(),
  usage: z
    .object({ inputTokens: z.int().min(0).optional(), outputTokens: z.int().min(0).optional(), totalTokens: z.int().min(0).optional() })
    .optional(),
});

const toolUseBlockSchema = z.object({ toolUseId: z.string().optional(), name: z.string(), input: z.unknown() });

/** The token usage of a Converse response (zeros when the response has none). */
export function usageOf(response: unknown): TokenUsage {
  const parsed = converseResponseSchema.safeParse(response);
  const usage = parsed.success ? parsed.data.usage : undefined;
  const input = usage?.inputTokens ?? 0;
  const output = usage?.outputTokens ?? 0;
  return { input_tokens: input, output_tokens: output, total_tokens: usage?.totalTokens ?? input + output };
}

/**
 * The input of the forced tool call in a Converse response. Throws `content_filtered` when a
 * content filter or guardrail stopped the answer, `max_tokens` when it ran out of tokens, and
 * `malformed_tool_use` when there is no call to `toolName` or its input is not a JSON object.
 */
export function readToolUse(response: unknown, toolName: string): unknown {
  const parsed = converseResponseSchema.safeParse(response);
  if (!parsed.success)
    throw new EvaluatorError('malformed_tool_use', 'the Converse response has an unexpected shape', {
      details: [parsed.error.message.slice(0, 500)],
    });
  const { stopReason } = parsed.data;
  if (stopReason === 'content_filtered' || stopReason === 'guardrail_intervened') {
    throw new EvaluatorError('content_filtered', `Bedrock stopped the answer (${stopReason})`, { details: [stopReason] });
  }
  if (stopReason === 'max_tokens' || stopReason === 'model_context_window_exceeded') {
    throw new EvaluatorError('max_tokens', `the model ran out of tokens (${stopReason})`, { details: [stopReason] });
  }
  if (stopReason === 'malformed_tool_use' || stopReason === 'malformed_model_output') {
    throw new EvaluatorError('malformed_tool_use', `Bedrock reported ${stopReason}`, { details: [stopReason] });
  }
  const content = parsed.data.output?.message?.content ?? [];
  const calls = content.flatMap((block) => {
    const call = toolUseBlockSchema.safeParse(block.toolUse);
    return call.success ? [call.data] : [];
  });
  const text = content.flatMap((block) => (typeof block.text === 'string' ? [block.text] : [])).join(' ');
  if (calls.length === 0) {
    throw new EvaluatorError('malformed_tool_use', 'the model answered without calling the tool', {
      details: [`stopReason: ${stopReason ?? 'none'}`, ...(text ? [`text: ${text.slice(0, 300)}`] : [])],
    });
  }
  const call = calls.find((candidate) => candidate.name === toolName);
  if (!call) {
    throw new EvaluatorError(
      'malformed_tool_use',
      `the model called ${calls.map((candidate) => candidate.name).join(', ')} instead of ${toolName}`,
      {
        details: calls.map((candidate) => `tool: ${candidate.name.slice(0, 100)}`),
      },
    );
  }
  let input = call.input;
  if (typeof input === 'string') {
    const text = input;
    try {
      input = JSON.parse(text) as unknown;
    } catch {
      throw new EvaluatorError('malformed_tool_use', 'the tool input is not valid JSON', { details: [text.slice(0, 300)] });
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new EvaluatorError('malformed_tool_use', 'the tool input is not a JSON object', { details: [typeof input] });
  }
  return input;
}
