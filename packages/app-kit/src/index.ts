export { describeError, type DescribeErrorOptions, type ErrorKind, type ErrorText } from './describe-error.js';
export { asSentence, errorSentence, fieldErrorSentence, fieldErrorsOf, unplacedFieldErrors } from './field-errors.js';
export { newIdempotencyKey } from './idempotency-key.js';
export { countdownText, createCountdown, secondsLeft, type Countdown, type CountdownOptions } from './countdown.js';
export { diagramDescription, diagramLabelPlace } from './diagram-description.js';
export { formatClock } from './format-clock.js';
export { PROGRESS_RESULTS, overallBandExplanation, skillProgressWords } from './progress-summary.js';
export { minimumWordsFor, wordCountStatus, wordCountText, type WordCountStatus } from './word-count-status.js';
export { queryDefaults } from './query-defaults.js';
export { MAP_FEATURE_STYLES, type MapFeatureStyle } from './map-feature-styles.js';
export {
  answerSheetFrom,
  choicesFor,
  questionNumbers,
  writtenAnswerHint,
  type Answers,
  type AnswerSheetProps,
} from './answer-sheet.js';
export { resultSummary, type CriterionSummary, type ResultSummary } from './result-summary.js';
