export { EvaluatorError, type EvaluatorErrorCode } from './evaluator-error.js';
export type { EvaluationOptions, SafetyEventHandler } from './evaluation-options.js';
export { buildSafetyEvent, type AiSafetyEvent, type SafetyEventInput } from './safety-event.js';
export { DEFAULT_PRICES, GEMINI_AUDIO_TOKENS_PER_SECOND, costOf, type ModelPrice, type PriceTable } from './prices.js';
// Offline scorer (no network): writing and speaking; fitting the writing model is at `./offline-fit`.
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
  speakingCriterionScores,
  type OfflineSpeakingRequest,
  type OfflineSpeakingScorer,
  type OfflineSpeakingScorerOptions,
  type ScoreOfflineSpeakingOptions,
  type SpeakingCriterionScores,
} from './offline-speaking-scorer.js';
export { measureSpeakingFeatures, type SpeakingFeatures, type SpokenTurn, type SpokenWord } from './offline-speaking-features.js';
export { LEXICON_LEVELS, createLexicon, loadEnglishLexicon, type Lexicon } from './spelling-lexicon.js';
export { findSpellingErrors, isKnownWord, suggestSpelling, type FindSpellingErrorsOptions, type SpellingError } from './spelling-errors.js';
// Speaking on Gemini: the test's state machine, the evaluator with smart model selection, its cost.
export {
  DEFAULT_SPEAKING_GRACE_SECONDS,
  FOLLOW_UP_ANSWER_SECONDS,
  advanceSpeakingSession,
  applySpeakingTurn,
  canCompleteSpeakingSession,
  finishSpeakingSession,
  parseSpeakingSessionState,
  skipSpeakingPreparation,
  speakingFinishReasonSchema,
  speakingSessionStateSchema,
  speakingTurnPrompt,
  speakingTurnRecordSchema,
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
  PRONUNCIATION_NOT_ASSESSED_FEEDBACK,
  createSpeakingEvaluator,
  type SpeakingEvaluationRequest,
  type SpeakingEvaluator,
  type SpeakingEvaluatorOptions,
} from './speaking-evaluator.js';
export {
  DEFAULT_SPEAKING_ESCALATION_THRESHOLDS,
  DEFAULT_SPEAKING_MODELS,
  distanceToRoundingEdge,
  selectSpeakingModel,
  type ProvisionalSpeakingScore,
  type SpeakingEscalationReason,
  type SpeakingEscalationThresholds,
  type SpeakingModelSelection,
  type SpeakingModels,
} from './speaking-model-policy.js';
export {
  speakingAudioOutputSchema,
  speakingOutputSchema,
  speakingResponseJsonSchema,
  speakingTranscriptOutputSchema,
  type SpeakingModelOutput,
} from './speaking-model-output.js';
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
// Writing on AWS Bedrock (Nova Micro): evaluator, prompt, rules, untrusted-text handling, cost estimate.
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
export { WRITING_RULE_LIMITS, checkWritingRules, countOwnWords, type WritingRuleInput, type WritingRuleReport } from './writing-rules.js';
export { DEFAULT_WRITING_BAND_DESCRIPTORS, type BandDescriptorTable } from './default-band-descriptors.js';
export {
  countRemovedCharacters,
  createDelimiter,
  delimiterFor,
  detectPromptInjection,
  normaliseUntrustedText,
  removeSpans,
  screenUntrustedText,
  splitSentenceSpans,
  wrapUntrustedText,
  type Delimiter,
  type InjectionFinding,
  type NormaliseUntrustedTextOptions,
  type NormalisedText,
  type RemovedCharacters,
  type ScreenedText,
  type TextSpan,
} from './untrusted-text.js';
export {
  WRITING_TOOL_NAME,
  writingModelOutputSchema,
  writingToolInputSchema,
  type WritingModelOutput,
} from './bedrock-writing-output.js';
export type { BedrockConverseClient } from './bedrock-converse.js';
export {
  TYPICAL_TASK2_ESSAY,
  TYPICAL_TASK2_PROMPT,
  estimateTokens,
  estimateWritingAssessmentCost,
  type WritingCostEstimate,
} from './writing-cost-estimate.js';
// Reading and Listening marked by answer key (no model, no cost).
export {
  answerKeyEvaluationRequestSchema,
  createAnswerKeyEvaluator,
  type AnswerKeyEvaluationRequest,
  type AnswerKeyEvaluator,
  type AnswerKeyEvaluatorOptions,
} from './answer-key-evaluator.js';
export {
  choicesOf,
  markAnswer,
  readChoiceAnswer,
  readLetterAnswer,
  type AnswerMark,
  type ChoiceAnswer,
  type MarkAnswerOptions,
} from './answer-matching.js';
export { MAXIMUM_ACCEPTED_ANSWERS, parseAnswerKeyEntry, type AnswerKeyEntry } from './answer-key.js';
export { LETTERS, ROMAN_NUMERALS, inferAnswerFormat, parseAnswerFormat, type MarkingFormat } from './answer-format.js';
export { answerTokens, countAnswerWords, isNumberToken, normalizeAnswerText, type AnswerLength } from './answer-normalization.js';
export {
  canonicalizeNumbers,
  formatNumber,
  numberToWords,
  ordinalSuffix,
  parseDigits,
  parseNumberWords,
  type ParsedNumber,
} from './number-words.js';
export {
  BRITISH_KEY_ONLY_SPELLING_PAIRS,
  SYMMETRIC_SPELLING_PAIRS,
  createSpellingVariants,
  defaultSpellingVariants,
  type SpellingPair,
  type SpellingVariants,
  type SpellingVariantsOptions,
} from './spelling-variants.js';
export { findGrammarSlips, type GrammarSlip } from './offline-grammar-slips.js';
export type { SpeakingEvaluationTurn } from './speaking-prompt.js';
export { createGrammarChecker, type GrammarChecker, type GrammarCheckerOptions, type GrammarFinding } from './grammar-checker.js';
export { normalizeStoredText, quoteAsWritten } from './text-normalization.js';
export { findLearnerErrors, type LearnerError, type LearnerErrorKind } from './learner-grammar-rules.js';
export { measureTextCoherence, type TextCoherence } from './text-coherence.js';
export type { TaggedToken } from './part-of-speech-tagger.js';
export { OFF_TOPIC_THRESHOLDS, measurePromptRelevance, type PromptRelevance } from './prompt-relevance.js';
