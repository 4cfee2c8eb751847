// `@ielts-genai-prep/ai-evaluators/offline-fit`: fitting and measuring the offline writing model:
// the features it reads, the measures behind its off-topic and incoherence rules, the ridge fit,
// cross-validation and agreement figures. What `scripts/fit-offline-writing-model.mjs` and the
// benchmark use; scoring needs none of it.
export { countGrammarFindings } from './grammar-checker.js';
export { normalizeStoredText } from './text-normalization.js';
export { OFF_TOPIC_THRESHOLDS, measurePromptRelevance, type PromptRelevance } from './prompt-relevance.js';
export { measureTextCoherence, type TextCoherence } from './text-coherence.js';
export type { TaggedToken } from './part-of-speech-tagger.js';
// What `WritingFeatures` lists: the misspelt words and the quoted grammar slips.
export type { SpellingError } from './spelling-errors.js';
export type { GrammarSlip } from './offline-grammar-slips.js';
export {
  OFFLINE_MINIMUM_BAND,
  OFFLINE_WRITING_MODEL_FEATURES,
  OFFLINE_WRITING_MODEL_FEATURE_GROUPS,
  OFFLINE_TASK_EXCLUDED_FEATURES,
  WRITING_CRITERION_GROUPS,
  bandSpreadSchema,
  criterionFeatureColumns,
  linearBandModelSchema,
  offlineTaskModelSchema,
  offlineWritingModelSchema,
  predictCriterionBand,
  predictOfflineBand,
  withinHalfBandAt,
  type BandSpread,
  type LinearBandModel,
  type OfflinePrediction,
  type OfflineTaskModel,
  type OfflineWritingModel,
  type OfflineWritingModelFeature,
  type PredictableTaskModel,
  type WritingCriterionGroup,
  type WritingTask,
} from './offline-writing-model.js';
export {
  DEFAULT_OFFLINE_FIT_OPTIONS,
  assignFolds,
  calibrationTable,
  committedGrammarCounts,
  crossValidateOfflineWriting,
  fitBandSpread,
  fitLinearBandModel,
  fitOfflineWritingModel,
  fitTaskModel,
  measureEssays,
  minimumWordsOf,
  parseScoredEssays,
  scoredEssaySchema,
  type LinearBandFit,
  type MeasuredEssay,
  type OfflineCrossValidation,
  type OfflineFitOptions,
  type ScoredEssay,
} from './offline-writing-fit.js';
export {
  createSeededRandom,
  fitRidge,
  measureAgreement,
  measureBandSpread,
  predictRidge,
  quadraticWeightedKappa,
  type AgreementMetrics,
  type BandSpreadMetrics,
  type RidgeModel,
} from './offline-statistics.js';
export {
  CONNECTORS,
  WRITING_FEATURE_NAMES,
  findConnectors,
  measureWritingFeatures,
  movingAverageTypeTokenRatio,
  splitParagraphs,
  splitSentences,
  stem,
  tokenizeWords,
  type GrammarCheckCounts,
  type MeasureWritingFeaturesInput,
  type WritingFeatureName,
  type WritingFeatureValues,
  type WritingFeatures,
} from './text-features.js';
