export { EvaluatorError, type EvaluatorErrorCode } from './evaluator-error.js';
export { DEFAULT_PRICES, GEMINI_AUDIO_TOKENS_PER_SECOND, costOf, type ModelPrice, type PriceTable } from './prices.js';
export { withRetry, type RetryOptions } from './retry.js';
