import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EvaluatorError } from './evaluator-error.js';
import { mapGeminiError } from './gemini-error-mapping.js';
import type { GeminiGenerateContentResponse } from './gemini-client.js';
import { readGeminiText, readGeminiUsage } from './gemini-response.js';

function fixture(name: string): GeminiGenerateContentResponse {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}.json`, import.meta.url), 'utf8')) as GeminiGenerateContentResponse;
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return EvaluatorError.isInstance(error) ? error.code : 'not an EvaluatorError';
  }
  return undefined;
}

describe('readGeminiText', () => {
  it('joins the answer parts and skips thoughts', () => {
    expect(
      readGeminiText({
        candidates: [
          { content: { parts: [{ text: 'thinking…', thought: true }, { text: '{"a":' }, { text: '1}' }] }, finishReason: 'STOP' },
        ],
      }),
    ).toBe('{"a":1}');
    expect(JSON.parse(readGeminiText(fixture('gemini-flash-lite-band-5-5')))).toHaveProperty('summary');
  });

  it('maps stops and blocks to error codes', () => {
    expect(codeOf(() => readGeminiText(fixture('gemini-flash-lite-safety')))).toBe('content_filtered');
    expect(codeOf(() => readGeminiText({ candidates: [{ finishReason: 'PROHIBITED_CONTENT' }] }))).toBe('content_filtered');
    expect(codeOf(() => readGeminiText({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' } }))).toBe('content_filtered');
    expect(codeOf(() => readGeminiText(fixture('gemini-flash-lite-max-tokens')))).toBe('max_tokens');
    expect(codeOf(() => readGeminiText({ candidates: [] }))).toBe('invalid_model_output');
    expect(codeOf(() => readGeminiText({ candidates: [{ content: { parts: [] }, finishReason: 'STOP' }] }))).toBe('invalid_model_output');
  });
});

describe('readGeminiUsage', () => {
  it('reads tokens, counting thoughts as output, and the audio share of the input', () => {
    expect(readGeminiUsage(fixture('gemini-flash-band-7-5'))).toEqual({
      usage: { input_tokens: 24187, output_tokens: 702 + 1436, total_tokens: 24187 + 702 + 1436 },
      audioInputTokens: 22784,
    });
    expect(readGeminiUsage(fixture('gemini-flash-lite-transcript-only')).audioInputTokens).toBe(0);
    expect(readGeminiUsage({ usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5 } })).toEqual({
      usage: { input_tokens: 10, output_tokens: 5, total_tokens: 15 },
      audioInputTokens: null,
    });
    expect(readGeminiUsage({})).toEqual({ usage: { input_tokens: 0, output_tokens: 0, total_tokens: 0 }, audioInputTokens: null });
  });
});

describe('mapGeminiError', () => {
  const apiError = (status: number) => Object.assign(new Error(`{"error":{"code":${status}}}`), { name: 'ApiError', status });

  it.each([
    [429, 'throttled', true],
    [500, 'provider_unavailable', true],
    [503, 'provider_unavailable', true],
    [408, 'timeout', true],
    [400, 'provider_rejected', false],
    [403, 'provider_rejected', false],
    [404, 'provider_rejected', false],
  ])('status %d → %s (retryable: %s)', (status, code, isRetryable) => {
    expect(mapGeminiError(apiError(status))).toMatchObject({ code, isRetryable, statusCode: status });
  });

  it('maps aborts, network failures and the unknown', () => {
    expect(mapGeminiError(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toMatchObject({
      code: 'timeout',
      isRetryable: true,
    });
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    expect(mapGeminiError(refused)).toMatchObject({ code: 'provider_unavailable', isRetryable: true });
    expect(mapGeminiError(new Error('odd'))).toMatchObject({ code: 'provider_unavailable', isRetryable: false });
    const own = new EvaluatorError('max_tokens', 'cut');
    expect(mapGeminiError(own)).toBe(own);
  });
});
