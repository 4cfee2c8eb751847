import { describe, expect, it } from 'vitest';
import { buildConverseRequest, readToolUse, toEvaluatorError, usageOf } from './bedrock-converse.js';
import { EvaluatorError } from './evaluator-error.js';

function sdkError(name: string, status: number | undefined, fault: 'client' | 'server' = 'client') {
  return Object.assign(new Error(`${name} happened`), { name, $fault: fault, $metadata: { httpStatusCode: status } });
}

describe('toEvaluatorError', () => {
  it.each([
    ['ThrottlingException', 429, 'throttled', true],
    ['ServiceUnavailableException', 503, 'provider_unavailable', true],
    ['InternalServerException', 500, 'provider_unavailable', true],
    ['ModelNotReadyException', 429, 'throttled', true],
    ['UnknownError', 502, 'provider_unavailable', true],
    ['ModelTimeoutException', 408, 'timeout', true],
    ['AccessDeniedException', 403, 'provider_rejected', false],
    ['ValidationException', 400, 'provider_rejected', false],
    ['ResourceNotFoundException', 404, 'provider_rejected', false],
  ] as const)('maps %s (%i) to %s', (name, status, code, retryable) => {
    const error = toEvaluatorError(sdkError(name, status, status >= 500 ? 'server' : 'client'));
    expect(error.code).toBe(code);
    expect(error.isRetryable).toBe(retryable);
    expect(error.statusCode).toBe(status);
    expect(error.details[0]).toContain(name);
  });

  it('maps aborts to timeout and network failures to provider_unavailable', () => {
    expect(toEvaluatorError(Object.assign(new Error('aborted'), { name: 'AbortError' })).code).toBe('timeout');
    const refused = toEvaluatorError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(refused).toMatchObject({ code: 'provider_unavailable', isRetryable: true });
  });

  it('passes EvaluatorErrors through', () => {
    const original = new EvaluatorError('max_tokens', 'x');
    expect(toEvaluatorError(original)).toBe(original);
  });
});

describe('readToolUse', () => {
  const toolUse = (name: string, input: unknown) => ({ toolUse: { toolUseId: 'tooluse_1', name, input } });
  const response = (content: unknown[], stopReason = 'tool_use') => ({ output: { message: { role: 'assistant', content } }, stopReason });

  it('returns the input of the named tool, skipping text blocks', () => {
    expect(readToolUse(response([{ text: 'Scoring now.' }, toolUse('record_assessment', { a: 1 })]), 'record_assessment')).toEqual({
      a: 1,
    });
  });

  it('parses an input that arrives as a JSON string', () => {
    expect(readToolUse(response([toolUse('record_assessment', '{"a":1}')]), 'record_assessment')).toEqual({ a: 1 });
  });

  it.each([
    [response([{ text: 'no tool' }], 'end_turn'), 'malformed_tool_use'],
    [response([toolUse('other_tool', {})]), 'malformed_tool_use'],
    [response([toolUse('record_assessment', '{"a":')]), 'malformed_tool_use'],
    [response([toolUse('record_assessment', [1, 2])]), 'malformed_tool_use'],
    [response([], 'malformed_tool_use'), 'malformed_tool_use'],
    [response([], 'malformed_model_output'), 'malformed_tool_use'],
    [response([], 'content_filtered'), 'content_filtered'],
    [response([{ text: 'blocked' }], 'guardrail_intervened'), 'content_filtered'],
    [response([toolUse('record_assessment', {})], 'max_tokens'), 'max_tokens'],
    [response([], 'model_context_window_exceeded'), 'max_tokens'],
  ])('throws a typed error for %j', (body, code) => {
    let caught: unknown;
    try {
      readToolUse(body, 'record_assessment');
    } catch (error) {
      caught = error;
    }
    expect(EvaluatorError.isInstance(caught) && caught.code).toBe(code);
  });
});

describe('usageOf and buildConverseRequest', () => {
  it('reads token usage, zero when absent', () => {
    expect(usageOf({ usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 } })).toEqual({
      input_tokens: 10,
      output_tokens: 5,
      total_tokens: 15,
    });
    expect(usageOf({})).toEqual({ input_tokens: 0, output_tokens: 0, total_tokens: 0 });
  });

  it('forces the one tool at temperature 0', () => {
    const request = buildConverseRequest({
      modelId: 'm',
      system: 'S',
      user: 'U',
      toolName: 't',
      toolDescription: 'd',
      inputSchema: { type: 'object' },
      maxTokens: 100,
    });
    expect(request).toEqual({
      modelId: 'm',
      system: [{ text: 'S' }],
      messages: [{ role: 'user', content: [{ text: 'U' }] }],
      toolConfig: {
        tools: [{ toolSpec: { name: 't', description: 'd', inputSchema: { json: { type: 'object' } } } }],
        toolChoice: { tool: { name: 't' } },
      },
      inferenceConfig: { temperature: 0, maxTokens: 100 },
    });
  });
});
