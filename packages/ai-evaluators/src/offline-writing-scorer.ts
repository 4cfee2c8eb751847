import {
  CRITERION_NAMES,
  DEFAULT_WRITING_ROUNDING,
  MINIMAL_RESPONSE_WORDS,
  assessmentResultSchema,
  countWords,
  criteriaFor,
  isWritingTask1,
  writingLimitsFor,
  writingTaskBand,
  type AssessmentFlag,
  type AssessmentResult,
  type BandRounding,
  type CriterionId,
  type InlineCorrection,
  type WritingAssessmentType,
} from '@ielts-genai-prep/core';
import * as z from 'zod';
import committedModel from './offline-writing-coefficients.json';
import { buildWritingFeedback, promptAsksOpinion } from './offline-writing-feedback.js';
import {
  OFFLINE_MINIMUM_BAND,
  OFFLINE_WRITING_MODEL_FEATURES,
  WRITING_CRITERION_GROUPS,
  offlineWritingModelSchema,
  predictCriterionBand,
  predictOfflineBand,
  withinHalfBandAt,
  type OfflineWritingModel,
  type WritingCriterionGroup,
  type WritingTask,
} from './offline-writing-model.js';
import type { Lexicon } from './spelling-lexicon.js';
import { OFF_TOPIC_THRESHOLDS, measurePromptRelevance } from './prompt-relevance.js';
import { measureTextCoherence } from './text-coherence.js';
import { countGrammarFindings, type GrammarChecker, type GrammarFinding } from './grammar-checker.js';
import { tagText } from './part-of-speech-tagger.js';
import { measureWritingFeatures, splitParagraphs, splitSentences, type GrammarCheckCounts, type WritingFeatures } from './text-features.js';
import { normalizeStoredText, quoteAsWritten } from './text-normalization.js';
import { emitOfflineSafetyEvents } from './offline-safety-events.js';
import { throwIfAborted, type EvaluationOptions } from './evaluation-options.js';
import { offlineLatencyMs, offlineProvenance, parseOfflineRequest, startOfflineEvaluation } from './offline-evaluation.js';
import { screenUntrustedText, type ScreenedText } from './untrusted-text.js';
import { countOwnWords } from './writing-rules.js';

/** The model id every offline writing result carries. */
export const OFFLINE_WRITING_MODEL_ID = 'offline-writing-v2';

let committedModelParsed: OfflineWritingModel | undefined;

/**
 * The fitted coefficients committed in the repository (see `scripts/fit-offline-writing-model.mjs`),
 * checked against the model schema on first use rather than at import.
 */
export function committedOfflineWritingModel(): OfflineWritingModel {
  committedModelParsed ??= offlineWritingModelSchema.parse(committedModel);
  return committedModelParsed;
}

/** A writing answer to score offline. */
export const offlineWritingRequestSchema = z.object({
  /** Which writing task the answer is for. */
  assessmentType: z.enum(['writing_task1_academic', 'writing_task1_general_training', 'writing_task2']),
  /** The task prompt, used to check relevance and copying. Default empty (those checks are skipped). */
  prompt: z.string().max(20_000).default(''),
  /** The learner's answer. */
  essay: z.string().max(50_000),
});
/** A writing answer to score offline. */
export type OfflineWritingRequest = z.input<typeof offlineWritingRequestSchema>;

/** Options of the offline writing scorer. */
export interface OfflineWritingScorerOptions {
  /** The fitted model. Default {@link committedOfflineWritingModel}, the committed coefficients. */
  model?: OfflineWritingModel;
  /** Rounding of the mean of the four criteria into the task band. Default `DEFAULT_WRITING_ROUNDING.task` from core (`down`). */
  rounding?: BandRounding;
  /** The word list. Default: loaded on first use with `loadEnglishLexicon` (about 0.1 s). */
  lexicon?: Lexicon;
  /** The clock, in milliseconds since the epoch: `latency_ms` and the `created_at` of safety events. Default `Date.now`. */
  clock?: () => number;
  /**
   * Harper's grammar and spelling check (see `createGrammarChecker`): its findings become inline
   * corrections and are cited in the Grammatical Range and Accuracy feedback. Call its `setup()`
   * when your process starts: the first load takes seconds. Default: none (the part-of-speech
   * rules and the word list still find errors).
   */
  grammarChecker?: GrammarChecker;
}

/** Scores writing answers without any network: the embedded default when no cloud provider is configured. */
export interface OfflineWritingScorer {
  /** The model id results carry (`offline-writing-v2`). */
  readonly modelId: string;
  /**
   * Scores one answer. Loads the word list on first use (about 0.1 s), then takes a few
   * milliseconds. `options.onSafetyEvent` receives the screening's `input_normalization` and
   * `prompt_injection` events, as the Bedrock evaluator raises them.
   */
  evaluate(request: OfflineWritingRequest, options?: EvaluationOptions): Promise<AssessmentResult>;
}

/**
 * Creates the offline writing scorer. Bands come from measurable features (length, paragraphing,
 * sentences, vocabulary, spelling, linking words, use of the prompt) combined by a ridge model
 * calibrated on human-scored essays; see OFFLINE-SCORER.md for its cross-validated accuracy.
 */
export function createOfflineWritingScorer(options: OfflineWritingScorerOptions = {}): OfflineWritingScorer {
  return {
    modelId: OFFLINE_WRITING_MODEL_ID,
    async evaluate(request, { onSafetyEvent, signal }: EvaluationOptions = {}) {
      const { clock, startedAt: started, lexicon } = await startOfflineEvaluation(options, signal);
      const input = screenWritingRequest(request);
      // The checker reads the text the model measures, before the one scoring that uses its rate;
      // a checker that failed to load costs the learner its corrections and its grammar rate (then
      // unknown), not the result. A minimal or non-English answer gets its rule's result, without them.
      const findings = await options.grammarChecker?.check(assessedWritingText(input.screened.text).text).catch(() => undefined);
      throwIfAborted(signal);
      const scored = scoreScreenedWriting(
        input,
        { ...options, lexicon, ...(findings ? { grammarCheck: countGrammarFindings(findings) } : {}) },
        clock,
        started,
      );
      const shown =
        findings && !scored.flags.includes('minimal_response') && !scored.flags.includes('other_language') ? findings : undefined;
      const result = asWritten(shown ? withGrammarFindings(scored, shown, clock() - started) : scored, input.screened.text);
      await emitOfflineSafetyEvents({ onSafetyEvent, modelId: OFFLINE_WRITING_MODEL_ID, createdAt: new Date(clock()) }, [
        { label: undefined, removed: input.screened.removed, injectionEvidence: input.screened.evidence },
      ]);
      return result;
    },
  };
}

/** Options of {@link scoreOfflineWriting}. */
export interface ScoreOfflineWritingOptions extends OfflineWritingScorerOptions {
  /** The word list (see `loadEnglishLexicon`). */
  lexicon: Lexicon;
  /** When scoring started, on the `clock`; default when this call started. */
  startedAt?: number;
  /**
   * Harper's findings on the answer by kind (`countGrammarFindings` of the checker's findings on
   * the normalised text), when the caller ran the checker; without them the checker's
   * grammar rate is unknown and counts as the calibration mean.
   */
  grammarCheck?: GrammarCheckCounts;
}

// Each criterion band is the overall prediction plus this multiple of how far its own model's
// band lies from the mean of the four criterion models' bands. Each criterion model is spread
// like the overall bands, so their differences are wide; at 0.5 the strongest and weakest
// criteria of a calibration essay lie a median 1 band apart (90th percentile 1.5), as they
// often do in human marking, and 15% of essays get the same band on all four.
const CRITERION_SPREAD = 0.5;
// A single-paragraph answer's Coherence and Cohesion is lowered this much relative to the
// other criteria (the overall band is unchanged: see offline-writing-model.ts for why).
const SINGLE_PARAGRAPH_PENALTY = 1;
// Word salad: no criterion above 5, and Coherence and Cohesion at most 4 (IELTS band 4: the
// ideas are not arranged coherently).
const INCOHERENT_MAXIMUM_BAND = 5;
const INCOHERENT_COHERENCE_BAND = 4;
// IELTS band 2 for Task Achievement/Response: the content is barely related to the prompt.
const OFF_TOPIC_TASK_BAND = 2;
// Below this share of known words an answer is not English (another language, random letters).
// The lowest share among the 1,435 calibration essays is 0.78.
const NOT_ENGLISH_SHARE = 0.5;
const COPIED_PROMPT_SHARE = 0.15;
const INJECTION_NOTE = 'Sentences addressed to the examiner or asking for a score were not assessed: write only your answer to the task.';

/**
 * Scores one writing answer synchronously with a loaded lexicon. The result parses with core's
 * `assessmentResultSchema`: provider `offline`, zero cost, and a confidence.
 */
export function scoreOfflineWriting(request: OfflineWritingRequest, options: ScoreOfflineWritingOptions): AssessmentResult {
  const clock = options.clock ?? Date.now;
  const startedAt = options.startedAt ?? clock();
  return scoreScreenedWriting(screenWritingRequest(request), options, clock, startedAt);
}

/** A validated writing request with its answer screened. */
interface ScreenedWritingRequest {
  assessmentType: WritingAssessmentType;
  prompt: string;
  screened: ScreenedText;
}

function screenWritingRequest(request: OfflineWritingRequest): ScreenedWritingRequest {
  const { assessmentType, prompt, essay } = parseOfflineRequest(offlineWritingRequestSchema, request, 'writing');
  // The answer is untrusted: sentences asking for a band are not scored, so they cannot raise it.
  // No NFKC in the screen: it comes with the other storage fixes (normalizeStoredText) before
  // the features are measured, so the word count rules see the text as given.
  return { assessmentType, prompt, screened: screenUntrustedText(essay, { compatibility: false }) };
}

/**
 * The text the model assesses: normalised (measured as written, not as stored), with every
 * repeat of a sentence removed, so repeating text cannot add length or vocabulary.
 */
function assessedWritingText(text: string): { text: string; removedSentences: number } {
  const repeated = withoutRepeatedSentences(normalizeStoredText(text));
  return { text: normalizeStoredText(repeated.text), removedSentences: repeated.removedSentences };
}

function scoreScreenedWriting(
  input: ScreenedWritingRequest,
  options: ScoreOfflineWritingOptions,
  clock: () => number,
  startedAt: number,
): AssessmentResult {
  const { assessmentType, prompt, screened } = input;
  const { grammarCheck } = options;
  const repeated = assessedWritingText(screened.text);
  const essay = repeated.text;
  const injected = screened.injected;
  const model = options.model ?? committedOfflineWritingModel();
  const rounding = options.rounding ?? DEFAULT_WRITING_ROUNDING.task;
  const task: WritingTask = isWritingTask1(assessmentType) ? 'task1' : 'task2';
  // Task Achievement or Response, then coherence, lexis and grammar: the order of WRITING_CRITERION_GROUPS.
  const criterionIds = criteriaFor(assessmentType);
  const minimumWords = writingLimitsFor(assessmentType)?.minimumWords ?? (task === 'task1' ? 150 : 250);
  const wordCount = countWords(screened.text);
  // IELTS: words copied from the task do not count, so they cannot lift an answer over 20 words.
  const ownWords = countOwnWords(screened.text, prompt).countedWords;

  if (ownWords <= MINIMAL_RESPONSE_WORDS) {
    return minimalResponse({ assessmentType, wordCount, ownWords, minimumWords, injected, latency: clock() - startedAt });
  }

  // Tagged once for the learner-error rules (a model feature) and the word-salad check.
  const tokens = tagText(essay);
  const features = measureWritingFeatures({
    text: essay,
    prompt,
    minimumWords,
    lexicon: options.lexicon,
    tokens,
    ...(grammarCheck ? { grammarCheck } : {}),
  });
  if (features.knownWordShare < NOT_ENGLISH_SHARE) {
    return notEnglish({
      assessmentType,
      wordCount,
      knownWordShare: features.knownWordShare,
      injected,
      latency: clock() - startedAt,
    });
  }
  const taskModel = model.tasks[task];
  const row = OFFLINE_WRITING_MODEL_FEATURES.map((name) => features.values[name]);
  const prediction = predictOfflineBand(taskModel, row);

  // Per-criterion bands: each criterion's own model on its own features says how far that
  // criterion lies from the mean of the four; the overall model says where the mean lies.
  const groups = WRITING_CRITERION_GROUPS;
  const criterionScores = groups.map((group) => predictCriterionBand(taskModel, group, row).score);
  if (features.paragraphCount <= 1 && wordCount >= 60)
    criterionScores[1] = (criterionScores[1] ?? 0) - SINGLE_PARAGRAPH_PENALTY / CRITERION_SPREAD;
  const meanCriterion = criterionScores.reduce((sum, score) => sum + score, 0) / groups.length;
  const rawBands = criterionScores.map((score) => clampBand(prediction.score + CRITERION_SPREAD * (score - meanCriterion)));
  const bands = settleCriterionBands(rawBands, prediction.band, rounding);

  const hasPrompt = prompt.trim().length > 0;
  const taskCriterionName = CRITERION_NAMES[criterionIds[0] as CriterionId];
  const relevance = measurePromptRelevance({ essay, prompt, lexicon: options.lexicon });
  const offTopic = hasPrompt && relevance.topicWords.length > 0 && relevance.score < OFF_TOPIC_THRESHOLDS[task];
  if (offTopic) bands[0] = Math.min(bands[0] as number, OFF_TOPIC_TASK_BAND);
  const coherence = measureTextCoherence(essay, tokens);
  if (coherence.incoherent) {
    bands.forEach((band, index) => {
      bands[index] = Math.min(band, index === 1 ? INCOHERENT_COHERENCE_BAND : INCOHERENT_MAXIMUM_BAND);
    });
  }
  const flags: AssessmentFlag[] = [];
  const reviewReasons: string[] = [];
  if (wordCount < minimumWords) flags.push('under_length');
  if (offTopic) {
    flags.push('off_topic');
    reviewReasons.push(
      `The answer barely uses the topic words of the question (${relevance.usedTopicWords.length} of ${relevance.topicWords.length}; missing: ${relevance.missingTopicWords.slice(0, 6).join(', ')}): it may answer another question, so ${taskCriterionName} is capped at band ${OFF_TOPIC_TASK_BAND}.`,
    );
  }
  // Measured on the text as written too: a prompt pasted twice is copying, not only repetition.
  const copiedWordShare = wordCount === 0 ? 0 : (wordCount - ownWords) / wordCount;
  if (features.values.prompt_copy_share > COPIED_PROMPT_SHARE || copiedWordShare > COPIED_PROMPT_SHARE) {
    flags.push('copied_prompt');
    reviewReasons.push('Much of the answer is copied from the prompt.');
  }
  if (coherence.incoherent) {
    flags.push('incoherent_text');
    reviewReasons.push(
      `The words do not form sentences that hold together (function words ${Math.round(coherence.functionWordShare * 100)}% of the text, about 50% in English prose; ${Math.round(coherence.implausibleTagPairShare * 100)}% of word pairs ungrammatical): every criterion is capped at band ${INCOHERENT_MAXIMUM_BAND}.`,
    );
  }
  if (repeated.removedSentences > 0) {
    flags.push('repetition');
    reviewReasons.push(
      `The answer repeats whole sentences (${repeated.removedSentences} repeated ${repeated.removedSentences === 1 ? 'sentence was' : 'sentences were'} assessed once).`,
    );
  }
  if (injected) {
    flags.push('prompt_injection');
    reviewReasons.push('The answer contains sentences addressed to the examiner or asking for a score: a person should check it.');
  }

  const confidence = offlineConfidence(withinHalfBandAt(taskModel, prediction.band), prediction.outOfRange.length, hasPrompt);
  const feedback = buildWritingFeedback({ task, minimumWords, hasPrompt, promptAsksOpinion: promptAsksOpinion(prompt), features });
  if (coherence.incoherent) {
    feedback.coherence.unshift(
      'Your words do not form sentences that connect into an argument: write complete sentences, each following from the one before.',
    );
  }
  if (offTopic) {
    feedback.task.unshift(
      `Your answer uses few of the question's topic words (${relevance.usedTopicWords.length} of ${relevance.topicWords.length}; not used: ${relevance.missingTopicWords.slice(0, 6).join(', ')}). Check that you are answering this question: an answer to a different question scores band ${OFF_TOPIC_TASK_BAND} for ${taskCriterionName}.`,
    );
  }
  const criteriaScores: Partial<Record<CriterionId, { band: number; feedback: string }>> = {};
  criterionIds.forEach((criterion, index) => {
    criteriaScores[criterion] = {
      band: bands[index] as number,
      feedback: (feedback[groups[index] as WritingCriterionGroup] ?? []).join(' '),
    };
  });
  const overall = writingTaskBand(bands, { task: rounding });

  return assessmentResultSchema.parse({
    assessment_type: assessmentType,
    overall_band: overall,
    criteria_scores: criteriaScores,
    feedback: [summarise(overall, confidence, criterionIds, bands, feedback, groups), ...(injected ? [INJECTION_NOTE] : [])].join('\n\n'),
    inline_corrections: inlineCorrections(features),
    word_count: wordCount,
    flags,
    review: { required: reviewReasons.length > 0, reasons: reviewReasons },
    ai_generated: false,
    content_safe: !injected,
    provenance: offlineProvenance(OFFLINE_WRITING_MODEL_ID, clock() - startedAt, confidence),
  });
}

/** Adds a grammar checker's findings to a result: inline corrections first, then a sentence in the grammar feedback. */
/** The result with each correction quoted as the learner wrote it, not as the model read it (normalised). */
function asWritten(result: AssessmentResult, written: string): AssessmentResult {
  const inline_corrections = result.inline_corrections.map((correction) => ({
    ...correction,
    quote: quoteAsWritten(written, correction.quote),
  }));
  return { ...result, inline_corrections };
}

function withGrammarFindings(result: AssessmentResult, findings: readonly GrammarFinding[], latency: number): AssessmentResult {
  if (findings.length === 0) return result;
  const seen = new Set(findings.map((finding) => finding.quote.toLowerCase()));
  const corrections = [
    ...findings.map(({ quote, suggestion, category, explanation }) => ({ quote, suggestion, category, explanation })),
    ...result.inline_corrections.filter((correction) => !seen.has(correction.quote.toLowerCase())),
  ].slice(0, 100);
  const grammar = findings.filter((finding) => finding.category !== 'spelling');
  const spelling = findings.length - grammar.length;
  const examples = grammar
    .slice(0, 3)
    .map((finding) => (finding.suggestion ? `"${finding.quote}" → "${finding.suggestion}"` : `"${finding.quote}"`))
    .join(', ');
  const sentence = `The grammar checker found ${grammar.length} grammar ${grammar.length === 1 ? 'issue' : 'issues'}${examples ? ` (${examples})` : ''} and ${spelling} spelling ${spelling === 1 ? 'issue' : 'issues'}; each is marked in your text.`;
  const criteria = { ...result.criteria_scores };
  const current = criteria.grammatical_range_accuracy;
  if (current) criteria.grammatical_range_accuracy = { ...current, feedback: `${sentence} ${current.feedback}`.slice(0, 4000) };
  return assessmentResultSchema.parse({
    ...result,
    criteria_scores: criteria,
    inline_corrections: corrections,
    provenance: result.provenance ? { ...result.provenance, latency_ms: offlineLatencyMs(latency) } : result.provenance,
  });
}

/**
 * Rounds criterion bands to half bands so that the task band computed from them by the IELTS
 * rule (with `rounding`) equals `target`: starting from each criterion's nearest half band,
 * the criterion closest to the next step is moved until the task band matches.
 */
export function settleCriterionBands(rawBands: readonly number[], target: number, rounding: BandRounding): number[] {
  const bands = rawBands.map((raw) => Math.round(raw * 2) / 2);
  for (let step = 0; step < 40; step++) {
    const current = writingTaskBand(bands, { task: rounding });
    if (current === target) break;
    const raising = current < target;
    let chosen = -1;
    bands.forEach((band, index) => {
      if (raising ? band >= 9 : band <= 1) return;
      const residual = (rawBands[index] ?? band) - band;
      const best = chosen === -1 ? undefined : (rawBands[chosen] ?? 0) - (bands[chosen] ?? 0);
      if (best === undefined || (raising ? residual > best : residual < best)) chosen = index;
    });
    if (chosen === -1) break;
    bands[chosen] = (bands[chosen] ?? 0) + (raising ? 0.5 : -0.5);
  }
  return bands;
}

/**
 * How much to trust an offline band: the share of cross-validated predictions at the same
 * predicted band that fell within half a band of the human band, lowered by 15% for each feature outside the training range and
 * by 20% when no prompt was given. Between 0.05 and 0.95.
 */
export function offlineConfidence(withinHalfBand: number, featuresOutOfRange: number, hasPrompt: boolean): number {
  const confidence = withinHalfBand * 0.85 ** featuresOutOfRange * (hasPrompt ? 1 : 0.8);
  return Math.round(Math.min(0.95, Math.max(0.05, confidence)) * 100) / 100;
}

function minimalResponse(input: {
  assessmentType: WritingAssessmentType;
  wordCount: number;
  ownWords: number;
  minimumWords: number;
  injected: boolean;
  latency: number;
}): AssessmentResult {
  // IELTS: no answer (or nothing but the task copied) scores 0; 20 words or fewer scores band 1 on every criterion.
  const band = input.ownWords === 0 ? 0 : 1;
  const copied = input.wordCount - input.ownWords;
  const message =
    input.wordCount === 0
      ? 'No answer was written.'
      : input.ownWords === 0
        ? 'No words of your own were found (words copied from the task do not count), so every criterion is band 0.'
        : `Your answer has ${input.ownWords} words${copied > 0 ? ` of your own (${copied} copied from the task do not count)` : ''}. Answers of ${MINIMAL_RESPONSE_WORDS} words or fewer score band 1 on every criterion; this task needs at least ${input.minimumWords} words.`;
  const criteria: Partial<Record<CriterionId, { band: number; feedback: string }>> = {};
  for (const criterion of criteriaFor(input.assessmentType)) {
    criteria[criterion] = { band, feedback: message };
  }
  return assessmentResultSchema.parse({
    assessment_type: input.assessmentType,
    overall_band: band,
    criteria_scores: criteria,
    feedback: [
      `${message} Write a full answer of at least ${input.minimumWords} words to be assessed.`,
      ...(input.injected ? [INJECTION_NOTE] : []),
    ].join('\n\n'),
    word_count: input.wordCount,
    flags: ['minimal_response', 'under_length', ...(input.injected ? (['prompt_injection'] as const) : [])],
    ai_generated: false,
    content_safe: !input.injected,
    // The rule is certain; only whether the answer was truly empty or minimal is judged.
    provenance: offlineProvenance(OFFLINE_WRITING_MODEL_ID, input.latency, 0.95),
  });
}

function notEnglish(input: {
  assessmentType: WritingAssessmentType;
  wordCount: number;
  knownWordShare: number;
  injected: boolean;
  latency: number;
}): AssessmentResult {
  // IELTS: an answer in another language scores band 0. A person should confirm it.
  const message = `Only ${Math.round(input.knownWordShare * 100)}% of the words were recognised as English. An answer that is not written in English scores band 0.`;
  const criteria: Partial<Record<CriterionId, { band: number; feedback: string }>> = {};
  for (const criterion of criteriaFor(input.assessmentType)) {
    criteria[criterion] = { band: 0, feedback: message };
  }
  return assessmentResultSchema.parse({
    assessment_type: input.assessmentType,
    overall_band: 0,
    criteria_scores: criteria,
    feedback: `${message} Write your answer in English to be assessed.`,
    word_count: input.wordCount,
    flags: ['other_language', ...(input.injected ? (['prompt_injection'] as const) : [])],
    review: { required: true, reasons: ['Most words are not English: the answer may be in another language or not an answer at all.'] },
    ai_generated: false,
    content_safe: !input.injected,
    provenance: offlineProvenance(OFFLINE_WRITING_MODEL_ID, input.latency, 0.8),
  });
}

function summarise(
  overall: number,
  confidence: number,
  criterionIds: readonly CriterionId[],
  bands: readonly number[],
  feedback: Record<WritingCriterionGroup, string[]>,
  groups: readonly WritingCriterionGroup[],
): string {
  let weakest = 0;
  let strongest = 0;
  bands.forEach((band, index) => {
    if (band < (bands[weakest] ?? 0)) weakest = index;
    if (band > (bands[strongest] ?? 0)) strongest = index;
  });
  const parts = [
    `Estimated band ${overall.toFixed(1)} from measurable features of your writing (offline scorer, confidence ${Math.round(confidence * 100)}%): it does not read your ideas as an examiner would.`,
  ];
  if (weakest !== strongest) {
    parts.push(
      `Strongest: ${CRITERION_NAMES[criterionIds[strongest] as CriterionId]}. Work first on ${CRITERION_NAMES[criterionIds[weakest] as CriterionId]}.`,
    );
  }
  const advice = feedback[groups[weakest] as WritingCriterionGroup]?.[0];
  if (advice) parts.push(advice);
  return parts.join(' ');
}

function inlineCorrections(features: WritingFeatures): InlineCorrection[] {
  const spelling = features.spellingErrors.map(
    (error): InlineCorrection => ({
      quote: error.word.slice(0, 500),
      suggestion: error.suggestion ?? '',
      category: 'spelling',
      explanation: error.suggestion ? `Possible misspelling of "${error.suggestion}".` : 'Not found in the dictionary: check the spelling.',
    }),
  );
  const grammar = features.grammarSlips.map(
    (slip): InlineCorrection => ({
      quote: slip.quote.slice(0, 500),
      suggestion: slip.suggestion.slice(0, 500),
      category: 'grammar',
      explanation: slip.explanation,
    }),
  );
  // One correction per category and quote: the first found.
  const seen = new Set<string>();
  return [...spelling, ...grammar]
    .filter((correction) => {
      const key = `${correction.category}:${correction.quote}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 100);
}

/**
 * The text with every repeat of a sentence of six words or more removed (first occurrence kept,
 * paragraphs kept), and how many were removed. Text without repeats is returned unchanged, so
 * its features are exactly those the model was calibrated on.
 */
export function withoutRepeatedSentences(text: string): { text: string; removedSentences: number } {
  const seen = new Set<string>();
  let removedSentences = 0;
  const paragraphs = splitParagraphs(text).map((paragraph) =>
    splitSentences(paragraph).filter((sentence) => {
      const key = sentence
        .toLowerCase()
        .replace(/[^a-z ]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (key.split(' ').length < 6) return true;
      if (seen.has(key)) {
        removedSentences++;
        return false;
      }
      seen.add(key);
      return true;
    }),
  );
  if (removedSentences === 0) return { text, removedSentences };
  return {
    text: paragraphs
      .filter((sentences) => sentences.length > 0)
      .map((sentences) => sentences.join(' '))
      .join('\n\n'),
    removedSentences,
  };
}

// A criterion lies at most a band below the model's floor: an answer that responds in English
// at length is never band 1 on a criterion (that is the 20-word rule's).
function clampBand(value: number): number {
  return Math.min(9, Math.max(OFFLINE_MINIMUM_BAND - 1, value));
}
