// `@ielts-genai-prep/core/rules`: the IELTS rules alone, without zod, for an app that needs
// band arithmetic and not the schemas. Every file this imports must stay free of zod (rules.test.ts).
export { CoreError, type CoreErrorCode } from './core-error.js';
export {
  ASSESSMENT_TYPES,
  READING_ASSESSMENT_TYPES,
  SKILLS,
  WRITING_ASSESSMENT_TYPES,
  isAnswerKeyType,
  isWritingTask1,
  isWritingType,
  skillOf,
  type AnswerKeyAssessmentType,
  type AssessmentType,
  type Skill,
  type WritingAssessmentType,
} from './assessment-type-rules.js';
export {
  BANDS,
  DEFAULT_WRITING_ROUNDING,
  assertBand,
  isBand,
  meanBand,
  overallBand,
  roundToHalfBand,
  writingBand,
  writingTaskBand,
  type Band,
  type BandRounding,
  type SkillBands,
  type WritingRoundingOptions,
} from './band-rules.js';
export {
  CRITERION_IDS,
  CRITERION_NAMES,
  SPEAKING_CRITERIA,
  WRITING_TASK1_CRITERIA,
  WRITING_TASK2_CRITERIA,
  criteriaFor,
  type CriterionId,
} from './criteria-rules.js';
export {
  MINIMAL_RESPONSE_WORDS,
  SPEAKING_TIMINGS,
  TEST_LIMITS,
  WRITING_LIMITS,
  countWords,
  splitWords,
  writingLimitsFor,
} from './limits.js';
export {
  COMMONLY_PUBLISHED_2024,
  DEFAULT_RAW_SCORE_TABLE_VERSION,
  MAXIMUM_RAW_SCORE,
  RAW_SCORE_TABLE_VERSIONS,
  rawScoreToBand,
  type RawScoreRow,
  type RawScoreTableVersion,
  type RawScoreTest,
  type RawScoreToBandOptions,
} from './raw-score-tables.js';
