import type { TokenUsage } from '@ielts-genai-prep/core';
import { EvaluatorError } from './evaluator-error.js';
import type { GeminiGenerateContentResponse } from './gemini-client.js';

// Finish reasons that mean a filter stopped the answer, not the model finishing it.
const filteredFinishReasons = new Set(['SAFETY', 'PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT']);

/**
 * The answer text of a Gemini response (thought parts left out). Throws EvaluatorError
 * `content_filtered` when the prompt was blocked or a filter stopped the answer, `max_tokens`
 * when the output limit cut it short, and `invalid_model_output` when there is no text.
 */
export function readGeminiText(response: GeminiGenerateContentResponse): string {
  const blockReason = response.promptFeedback?.blockReason;
  if (blockReason) {
    throw new EvaluatorError('content_filtered', `Gemini blocked the prompt (${blockReason})`, { details: [blockReason] });
  }
  const candidate = response.candidates?.[0];
  if (!candidate) throw new EvaluatorError('invalid_model_output', 'Gemini returned no candidate', { details: ['no candidates'] });
  const finishReason = candidate.finishReason ?? 'FINISH_REASON_UNSPECIFIED';
  if (filteredFinishReasons.has(finishReason)) {
    throw new EvaluatorError('content_filtered', `Gemini's content filter stopped the answer (${finishReason})`, {
      details: [finishReason],
    });
  }
  if (finishReason === 'MAX_TOKENS') {
    throw new EvaluatorError('max_tokens', 'Gemini ran out of output tokens before finishing the answer', { details: [finishReason] });
  }
  const text = (candidate.content?.parts ?? [])
    .filter((part) => part.thought !== true && typeof part.text === 'string')
    .map((part) => part.text)
    .join('');
  if (text.trim() === '') {
    throw new EvaluatorError('invalid_model_output', `Gemini returned no text (finish reason ${finishReason})`, {
      details: [finishReason],
    });
  }
  return text;
}

/** The tokens a Gemini call used: output includes thinking tokens, which are billed as output. */
export interface GeminiUsage {
  usage: TokenUsage;
  /** Input tokens that were audio, as Gemini reported them; null when the response does not say. */
  audioInputTokens: number | null;
}

/** Reads the token usage of a Gemini response (zeros when it has none). */
export function readGeminiUsage(response: GeminiGenerateContentResponse): GeminiUsage {
  const metadata = response.usageMetadata ?? {};
  const inputTokens = count(metadata.promptTokenCount);
  const outputTokens = count(metadata.candidatesTokenCount) + count(metadata.thoughtsTokenCount);
  const totalTokens = Math.max(count(metadata.totalTokenCount), inputTokens + outputTokens);
  const details = metadata.promptTokensDetails;
  const audioInputTokens =
    details === undefined
      ? null
      : details.filter((detail) => detail.modality === 'AUDIO').reduce((sum, detail) => sum + count(detail.tokenCount), 0);
  return { usage: { input_tokens: inputTokens, output_tokens: outputTokens, total_tokens: totalTokens }, audioInputTokens };
}

function count(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}
