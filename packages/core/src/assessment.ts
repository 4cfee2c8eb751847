import * as z from 'zod';
import { assessmentTypeSchema, isAnswerKeyType, type AssessmentType } from './assessment-type.js';
import { bandSchema } from './band.js';
import { emailSchema, identifierSchema, isoDateTimeSchema } from './common.js';
import { criteriaFor, criterionIdSchema } from './criteria.js';

/** A criterion's band and feedback. `band` is null when the criterion was not assessed (Pronunciation from a transcript alone). */
export const criterionScoreSchema = z.object({
  band: bandSchema.nullable(),
  feedback: z.string().max(4000),
});
/** A criterion's band and feedback. */
export type CriterionScore = z.infer<typeof criterionScoreSchema>;

/** The kinds of inline correction. */
export const correctionCategorySchema = z.enum(['grammar', 'spelling', 'vocabulary', 'punctuation', 'cohesion', 'style', 'task']);

/** One inline correction: the quoted span of the answer, what to write instead, and why. */
export const inlineCorrectionSchema = z.object({
  quote: z.string().min(1).max(500),
  suggestion: z.string().max(500),
  category: correctionCategorySchema,
  explanation: z.string().max(1000).default(''),
});
/** One inline correction. */
export type InlineCorrection = z.infer<typeof inlineCorrectionSchema>;

/** What the rules in code noticed about an answer. */
export const assessmentFlagSchema = z.enum([
  'minimal_response',
  'under_length',
  'off_topic',
  /** Not written in English: band 0, sent for review. */
  'other_language',
  'copied_prompt',
  'repetition',
  /** Sentences that do not hold together (word salad): capped at band 5, sent for review. */
  'incoherent_text',
  'prompt_injection',
  'content_filtered',
  'score_divergence',
  'pronunciation_not_assessed',
  'hard_to_transcribe',
]);
/** What the rules in code noticed about an answer. */
export type AssessmentFlag = z.infer<typeof assessmentFlagSchema>;

/** Who scored a result. `answer_key` is deterministic marking at no model cost. */
export const providerSchema = z.enum(['bedrock', 'gemini', 'offline', 'answer_key']);
/** Who scored a result. */
export type Provider = z.infer<typeof providerSchema>;

/** Tokens a model call used. */
export const tokenUsageSchema = z.object({
  input_tokens: z.int().min(0),
  output_tokens: z.int().min(0),
  total_tokens: z.int().min(0),
});
/** Tokens a model call used. */
export type TokenUsage = z.infer<typeof tokenUsageSchema>;

/** Where a result came from and what it cost. */
export const provenanceSchema = z.object({
  provider: providerSchema,
  /** The model that produced the final scores; null when no model scored (answer-key marking, or a rule such as 20 words or fewer). */
  model_id: z.string().max(200).nullable(),
  /** Why that model was used (smart selection), when a choice was made. */
  model_selection_reason: z.string().max(500).nullable().default(null),
  /** Every model called, in order (escalation shows here). */
  models_called: z.array(z.string().max(200)).default([]),
  token_usage: tokenUsageSchema.nullable(),
  /** Cost in US dollars at the price table in force. */
  cost_usd: z.number().min(0),
  latency_ms: z.number().min(0),
  /** 0–1: how much to trust the bands; null when the provider gives none. */
  confidence: z.number().min(0).max(1).nullable().default(null),
});
/** Where a result came from and what it cost. */
export type Provenance = z.infer<typeof provenanceSchema>;

/**
 * Why a reading or listening answer was marked as it was:
 * - `correct`: it matches an accepted answer;
 * - `blank`: nothing was written;
 * - `over_word_limit`: longer than the instructions allow (`words`, `max_words`), wrong even when it contains the answer;
 * - `wrong_answer_family`: TRUE/FALSE given to a YES/NO/NOT GIVEN question or YES/NO to a TRUE/FALSE/NOT GIVEN one (`family`: the one asked for);
 * - `not_a_choice`: not one of TRUE/FALSE/NOT GIVEN or YES/NO/NOT GIVEN at all (`family`);
 * - `not_an_option`: not one of the letters offered (`options`);
 * - `letter_already_counted`: a "choose two" letter given again (`letter`, `counted_for`);
 * - `misspelled`: close to an accepted answer but spelt differently (`closest`);
 * - `not_a_number`, `number_not_allowed`: a number was needed, or words only were;
 * - `wrong`: none of these, simply another answer.
 */
export const questionReasonCodeSchema = z.enum([
  'correct',
  'blank',
  'over_word_limit',
  'wrong_answer_family',
  'not_a_choice',
  'not_an_option',
  'letter_already_counted',
  'misspelled',
  'not_a_number',
  'number_not_allowed',
  'wrong',
]);
/** Why a reading or listening answer was marked as it was. */
export type QuestionReasonCode = z.infer<typeof questionReasonCodeSchema>;

/** The figures behind a reason code, those that apply to it. */
export const questionReasonDetailSchema = z.object({
  /** `over_word_limit`: words in the answer (a number not counted when one is allowed). */
  words: z.int().min(0).optional(),
  /** `over_word_limit`: numbers in the answer, counted apart from its words when a number is allowed. */
  numbers: z.int().min(0).optional(),
  /** `over_word_limit`: the most words allowed. */
  max_words: z.int().min(1).optional(),
  /** `over_word_limit`: whether a number may be given besides the words. */
  numbers_allowed: z.boolean().optional(),
  /** `wrong_answer_family`, `not_a_choice`: the answers the question takes. */
  family: z.enum(['true_false_not_given', 'yes_no_not_given']).optional(),
  /** `not_an_option`: the letters offered. */
  options: z.array(z.string().max(10)).max(26).optional(),
  /** `letter_already_counted`: the letter, and the question it already counts for. */
  letter: z.string().max(10).optional(),
  counted_for: z.int().min(1).max(40).optional(),
  /** `misspelled`: the accepted answer it is closest to. */
  closest: z.string().max(300).optional(),
});
/** The figures behind a reason code. */
export type QuestionReasonDetail = z.infer<typeof questionReasonDetailSchema>;

/** The marking of one reading or listening question. */
export const questionResultSchema = z.object({
  question_number: z.int().min(1).max(40),
  given: z.string().max(500),
  /** The accepted answers, as written in the key. */
  expected: z.array(z.string()),
  correct: z.boolean(),
  /** Why it was marked so, in a learner's words, e.g. "Over the word limit: 3 words, and at most 2 are allowed." */
  reason: z.string().max(500),
  /** Why, as a code a client can word and count; null on results marked before codes existed. */
  reason_code: questionReasonCodeSchema.nullable().default(null),
  /** The figures the code needs (see {@link questionReasonDetailSchema}). */
  reason_detail: questionReasonDetailSchema.default({}),
});
/** The marking of one reading or listening question. */
export type QuestionResult = z.infer<typeof questionResultSchema>;

/** Whether a person should look at a result, and why. */
export const reviewSchema = z.object({
  required: z.boolean(),
  reasons: z.array(z.string().max(500)).default([]),
});

const assessmentResultShape = {
  assessment_type: assessmentTypeSchema,
  /** Computed by our code from the IELTS rules, never taken from a model. */
  overall_band: bandSchema,
  criteria_scores: z.partialRecord(criterionIdSchema, criterionScoreSchema),
  /** A summary a learner can act on. */
  feedback: z.string().max(8000),
  inline_corrections: z.array(inlineCorrectionSchema).max(100).default([]),
  /** Words in the answer (writing, speaking transcripts); null for reading and listening. */
  word_count: z.int().min(0).nullable().default(null),
  /** Correct answers out of 40 (reading and listening); null otherwise. */
  raw_score: z.int().min(0).max(40).nullable().default(null),
  question_results: z.array(questionResultSchema).max(40).default([]),
  flags: z.array(assessmentFlagSchema).default([]),
  review: reviewSchema.default({ required: false, reasons: [] }),
  ai_generated: z.boolean(),
  /** False when the answer tried to steer the scorer or tripped a content filter. */
  content_safe: z.boolean(),
  provenance: provenanceSchema,
};

function checkCriteria(
  value: { assessment_type: AssessmentType; criteria_scores: Partial<Record<string, unknown>> },
  context: z.RefinementCtx,
): void {
  const expected = criteriaFor(value.assessment_type);
  const present = Object.keys(value.criteria_scores);
  for (const criterion of expected) {
    if (!present.includes(criterion)) {
      context.addIssue({ code: 'custom', path: ['criteria_scores', criterion], message: `${value.assessment_type} needs ${criterion}` });
    }
  }
  for (const criterion of present) {
    if (!(expected as readonly string[]).includes(criterion)) {
      context.addIssue({
        code: 'custom',
        path: ['criteria_scores', criterion],
        message: `${value.assessment_type} is not scored on ${criterion}`,
      });
    }
  }
}

/**
 * What every evaluator returns: bands per criterion, the overall band computed from the
 * IELTS rules, feedback and provenance. The criteria must be exactly those of the type.
 */
export const assessmentResultSchema = z.object(assessmentResultShape).superRefine((value, context) => {
  checkCriteria(value, context);
  if (isAnswerKeyType(value.assessment_type) && value.raw_score === null) {
    context.addIssue({ code: 'custom', path: ['raw_score'], message: `${value.assessment_type} needs a raw score` });
  }
});
/** What every evaluator returns. */
export type AssessmentResult = z.infer<typeof assessmentResultSchema>;
/** What an evaluator may build (defaults still to fill). */
export type AssessmentResultInput = z.input<typeof assessmentResultSchema>;

/**
 * An item of the assessments table (key `assessment_id`, GSI `user-email-index`).
 * A started but unfinished assessment (a speaking test in progress) has `completed: false`,
 * a null `overall_band` and its state in `speaking_session`.
 */
export const assessmentSchema = z
  .object({
    ...assessmentResultShape,
    assessment_id: identifierSchema,
    user_email: emailSchema,
    user_id: z.uuid(),
    question_id: identifierSchema.nullable().default(null),
    /** When it was created: ISO 8601, the sort order of a user's history. */
    timestamp: isoDateTimeSchema,
    completed_at: isoDateTimeSchema.nullable().default(null),
    completed: z.boolean(),
    overall_band: bandSchema.nullable(),
    provenance: provenanceSchema.nullable().default(null),
    /** A client-supplied key: saving twice with it stores one assessment. */
    idempotency_key: z.string().min(8).max(128).nullable().default(null),
    /** The learner's answer: an essay, answer sheet or speaking turns, as submitted. */
    submission: z.record(z.string(), z.unknown()).nullable().default(null),
    /** The state of a speaking test in progress (see the speaking workflow). */
    speaking_session: z.record(z.string(), z.unknown()).nullable().default(null),
    version: z.int().min(0).default(0),
  })
  .superRefine((value, context) => {
    if (!value.completed) return;
    checkCriteria(value, context);
    if (value.overall_band === null)
      context.addIssue({ code: 'custom', path: ['overall_band'], message: 'a completed assessment needs a band' });
    if (value.provenance === null)
      context.addIssue({ code: 'custom', path: ['provenance'], message: 'a completed assessment needs provenance' });
  });
/** An item of the assessments table. */
export type Assessment = z.infer<typeof assessmentSchema>;

/**
 * A row of the history: what a list shows (the type, the question's title, the bands, when, and
 * the flags), about 300 bytes where a whole assessment with its submission, corrections and
 * question results is several kilobytes. The whole one comes from `assessments.get`.
 */
export const assessmentSummarySchema = z.object({
  assessment_id: identifierSchema,
  assessment_type: assessmentTypeSchema,
  question_id: identifierSchema.nullable(),
  /** The question's title, or null when it is no longer in the bank (or there is none). */
  question_title: z.string().max(200).nullable(),
  timestamp: isoDateTimeSchema,
  completed_at: isoDateTimeSchema.nullable(),
  completed: z.boolean(),
  overall_band: bandSchema.nullable(),
  /** Each criterion's band (null where it was not assessed, such as Pronunciation from a transcript). */
  criteria_bands: z.partialRecord(criterionIdSchema, bandSchema.nullable()),
  flags: z.array(assessmentFlagSchema),
});
/** A row of the history. */
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;

/**
 * What a history row is made from: the fields of an assessment a list reads, each criterion with
 * its band only. The data layer's `listByUser` reads just these (not the submission, feedback or
 * question results), so a page costs a fraction of the whole items. A whole assessment is one too.
 */
export const assessmentListItemSchema = z.object({
  assessment_id: identifierSchema,
  assessment_type: assessmentTypeSchema,
  user_email: emailSchema,
  question_id: identifierSchema.nullable().default(null),
  timestamp: isoDateTimeSchema,
  completed_at: isoDateTimeSchema.nullable().default(null),
  completed: z.boolean(),
  overall_band: bandSchema.nullable(),
  // A test in progress has no criteria yet, and a projection of absent paths returns no map at all.
  criteria_scores: z.partialRecord(criterionIdSchema, criterionScoreSchema.pick({ band: true })).default({}),
  flags: z.array(assessmentFlagSchema).default([]),
});
/** The fields of an assessment a history row is made from. */
export type AssessmentListItem = z.infer<typeof assessmentListItemSchema>;

/** The history row of an assessment (a whole one or a list item), with its question's title when known. Pure. */
export function summarizeAssessment(assessment: AssessmentListItem, questionTitle: string | null): AssessmentSummary {
  return {
    assessment_id: assessment.assessment_id,
    assessment_type: assessment.assessment_type,
    question_id: assessment.question_id,
    question_title: questionTitle,
    timestamp: assessment.timestamp,
    completed_at: assessment.completed_at,
    completed: assessment.completed,
    overall_band: assessment.overall_band,
    criteria_bands: Object.fromEntries(
      Object.entries(assessment.criteria_scores).map(([criterion, score]) => [criterion, score?.band ?? null]),
    ),
    flags: assessment.flags,
  };
}
