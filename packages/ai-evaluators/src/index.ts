// The root: the evaluators and offline scorers, their options and results, errors, the speaking
// test's state machine, answer marking, cost estimates and the defaults options take. Fitting
// and measuring the offline writing model is the `./offline-fit` subpath.
export { EvaluatorError, type EvaluatorErrorCode } from './evaluator-error.js';
export type { EvaluationOptions, SafetyEventHandler } from './evaluation-options.js';
export type { AiSafetyEvent } from './safety-event.js';
export type { RetryOptions } from './retry.js';
export { DEFAULT_PRICES, GEMINI_AUDIO_TOKENS_PER_SECOND, type ModelPrice, type PriceTable } from './prices.js';
// Offline scorers (no network): writing and speaking.
export {
  OFFLINE_WRITING_MODEL_ID,
  committedOfflineWritingModel,
  createOfflineWritingScorer,
  offlineWritingRequestSchema,
  scoreOfflineWriting,
  type OfflineWritingRequest,
  type OfflineWritingScorer,
  type OfflineWritingScorerOptions,
  type ScoreOfflineWritingOptions,
} from './offline-writing-scorer.js';
export type { OfflineWritingModel } from './offline-writing-model.js';
export {
  OFFLINE_SPEAKING_MODEL_ID,
  createOfflineSpeakingScorer,
  offlineSpeakingRequestSchema,
  scoreOfflineSpeaking,
  type OfflineSpeakingRequest,
  type OfflineSpeakingScorer,
  type OfflineSpeakingScorerOptions,
  type ScoreOfflineSpeakingOptions,
} from './offline-speaking-scorer.js';
export { loadEnglishLexicon, type Lexicon } from './spelling-lexicon.js';
export { createGrammarChecker, type GrammarChecker, type GrammarCheckerOptions, type GrammarFinding } from './grammar-checker.js';
// Speaking on Gemini: the test's state machine, the evaluator with smart model selection, its cost.
export {
  DEFAULT_SPEAKING_GRACE_SECONDS,
  advanceSpeakingSession,
  applySpeakingTurn,
  canCompleteSpeakingSession,
  finishSpeakingSession,
  parseSpeakingSessionState,
  skipSpeakingPreparation,
  startSpeakingSession,
  syncSpeakingSession,
  toSpeakingSessionView,
  type SpeakingSessionIds,
  type SpeakingSessionState,
  type SpeakingTurnRecord,
  type StartSpeakingSessionOptions,
} from './speaking-session.js';
export {
  MAX_INLINE_AUDIO_BASE64_CHARACTERS,
  createSpeakingEvaluator,
  type SpeakingEvaluationRequest,
  type SpeakingEvaluator,
  type SpeakingEvaluatorOptions,
} from './speaking-evaluator.js';
export type { SpeakingEvaluationTurn } from './speaking-prompt.js';
export {
  DEFAULT_SPEAKING_ESCALATION_THRESHOLDS,
  DEFAULT_SPEAKING_MODELS,
  selectSpeakingModel,
  type ProvisionalSpeakingScore,
  type SpeakingEscalationReason,
  type SpeakingEscalationThresholds,
  type SpeakingModelSelection,
  type SpeakingModels,
} from './speaking-model-policy.js';
export {
  estimateSpeakingCost,
  type SpeakingCallEstimate,
  type SpeakingCostEstimate,
  type SpeakingCostEstimateOptions,
} from './speaking-cost-estimate.js';
export type {
  GeminiClient,
  GeminiContent,
  GeminiGenerateContentConfig,
  GeminiGenerateContentParameters,
  GeminiGenerateContentResponse,
  GeminiModalityTokenCount,
  GeminiPart,
} from './gemini-client.js';
// Writing on AWS Bedrock (Nova Micro): the evaluator, its cost, the untrusted-text screen.
export {
  DEFAULT_WRITING_MODEL_ID,
  createWritingEvaluator,
  writingEvaluationRequestSchema,
  type WritingCrossCheck,
  type WritingCrossCheckInput,
  type WritingEvaluationRequest,
  type WritingEvaluator,
  type WritingEvaluatorOptions,
  type WritingSafetyEvent,
} from './writing-evaluator.js';
export type { BedrockConverseClient } from './bedrock-converse.js';
export { estimateWritingAssessmentCost, type WritingCostEstimate } from './writing-cost-estimate.js';
export {
  screenUntrustedText,
  type InjectionFinding,
  type NormaliseUntrustedTextOptions,
  type NormalisedText,
  type RemovedCharacters,
  type ScreenedText,
  type TextSpan,
} from './untrusted-text.js';
// Reading and Listening marked by answer key (no model, no cost).
export {
  answerKeyEvaluationRequestSchema,
  createAnswerKeyEvaluator,
  type AnswerKeyEvaluationRequest,
  type AnswerKeyEvaluator,
  type AnswerKeyEvaluatorOptions,
} from './answer-key-evaluator.js';
export { markAnswer, type AnswerMark, type MarkAnswerOptions } from './answer-matching.js';
export { parseAnswerKeyEntry, type AnswerKeyEntry } from './answer-key.js';
export { parseAnswerFormat, type MarkingFormat } from './answer-format.js';
export {
  createSpellingVariants,
  type SpellingPair,
  type SpellingVariants,
  type SpellingVariantsOptions,
} from './spelling-variants.js';
