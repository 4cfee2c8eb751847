import type { TokenUsage } from '@ielts-genai-prep/core';

/** USD per million tokens of one model. */
export interface ModelPrice {
  /** Text input, USD per million tokens. */
  input: number;
  /** Audio input, where it is priced apart from text. */
  audioInput?: number;
  /** Output (thinking included), USD per million tokens. */
  output: number;
}

/** USD per million tokens, by model id. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/** Audio is counted at 32 tokens per second by Gemini. */
export const GEMINI_AUDIO_TOKENS_PER_SECOND = 32;

/** Published prices (USD per million tokens) used when no table is given. */
export const DEFAULT_PRICES: PriceTable = {
  'amazon.nova-micro-v1:0': { input: 0.035, output: 0.14 },
  'gemini-2.5-flash-lite': { input: 0.1, audioInput: 0.3, output: 0.4 },
  'gemini-2.5-flash': { input: 0.3, audioInput: 1.0, output: 2.5 },
};

/**
 * The cost in USD of a call. `audioInputTokens` is the part of the input that was audio.
 * A model missing from the table costs 0 and is reported by `priced: false`.
 */
export function costOf(
  modelId: string,
  usage: Pick<TokenUsage, 'input_tokens' | 'output_tokens'>,
  prices: PriceTable = DEFAULT_PRICES,
  audioInputTokens = 0,
): { costUsd: number; priced: boolean } {
  const price = prices[modelId];
  if (!price) return { costUsd: 0, priced: false };
  const audioTokens = Math.min(audioInputTokens, usage.input_tokens);
  const textTokens = usage.input_tokens - audioTokens;
  const dollars =
    (textTokens * price.input + audioTokens * (price.audioInput ?? price.input) + usage.output_tokens * price.output) / 1_000_000;
  return { costUsd: dollars, priced: true };
}
