import {
  DEFAULT_RAW_SCORE_TABLE_VERSION,
  MAXIMUM_RAW_SCORE,
  answerFormatSchema,
  answerKeySchema,
  answerSheetSchema,
  assessmentResultSchema,
  questionSchema,
  rawScoreToBand,
  type AnswerFormat,
  type AnswerKeyAssessmentType,
  type AssessmentResult,
  type QuestionReasonCode,
  type QuestionResult,
  type RawScoreTableVersion,
} from '@ielts-genai-prep/core';
import * as z from 'zod';
import { inferAnswerFormat, parseAnswerFormat, type MarkingFormat } from './answer-format.js';
import { parseAnswerKeyEntry } from './answer-key.js';
import { describeAnswerMark, markAnswer } from './answer-matching.js';
import { EvaluatorError } from './evaluator-error.js';
import type { SpellingVariants } from './spelling-variants.js';

const answerKeyAssessmentTypeSchema = z.enum(['reading_academic', 'reading_general_training', 'listening']);

const QUESTION_RANGE = /^([1-9]|[1-3][0-9]|40)(?:\s*[-\u2013]\s*([1-9]|[1-3][0-9]|40))?$/;

/**
 * What to mark: an answer sheet and either a core `Question` with its `answer_key` (and
 * question groups giving each answer's format), or a bare `answerKey` with optional
 * `answerFormats`. Without a format, a question's format is guessed from its key
 * (see `inferAnswerFormat`): words with no word limit, a letter, or TRUE/FALSE/NOT GIVEN.
 */
export const answerKeyEvaluationRequestSchema = z.object({
  /** Which test: picks the raw-score table. Default: the question's `assessment_type`. */
  assessmentType: answerKeyAssessmentTypeSchema.optional(),
  /** A reading or listening question item with its answer key. */
  question: questionSchema.optional(),
  /** An answer key on its own: question number → "colour / color", "(the) river", "TRUE", "B". */
  answerKey: answerKeySchema.optional(),
  /**
   * Formats by question number or range ("1", "1-6"): a core `AnswerFormat` or the
   * instructions' text ("NO MORE THAN TWO WORDS AND/OR A NUMBER"). They override the question's groups.
   */
  answerFormats: z
    .record(
      z.string().regex(QUESTION_RANGE, 'a question number or a range such as "1-6"'),
      z.union([answerFormatSchema, z.string().min(1).max(1000)]),
    )
    .optional(),
  /** The learner's answers: question number → text. Missing numbers are blank. */
  answers: answerSheetSchema,
});
/** What to mark (see {@link answerKeyEvaluationRequestSchema}). */
export type AnswerKeyEvaluationRequest = z.input<typeof answerKeyEvaluationRequestSchema>;

/** Options of {@link createAnswerKeyEvaluator}. */
export interface AnswerKeyEvaluatorOptions {
  /** The raw score → band table: a version name from core or a table of your own. Default core's `DEFAULT_RAW_SCORE_TABLE_VERSION`. */
  rawScoreTable?: string | RawScoreTableVersion;
  /** British/American spellings accepted as one word. Default: the generated table; `false` accepts only the key's spelling. */
  spellingVariants?: SpellingVariants | false;
  /** The clock, in milliseconds since the epoch, for `latency_ms`. Default `Date.now`. */
  clock?: () => number;
}

/** Marks reading and listening answer sheets by their keys, at no model cost. */
export interface AnswerKeyEvaluator {
  /** Marks one answer sheet. Rejects with an `invalid_input` EvaluatorError when the request or its key is invalid. */
  evaluate(request: AnswerKeyEvaluationRequest): Promise<AssessmentResult>;
  /** The same, synchronously. */
  mark(request: AnswerKeyEvaluationRequest): AssessmentResult;
}

const TEST_NAMES: Readonly<Record<AnswerKeyAssessmentType, string>> = {
  listening: 'Listening',
  reading_academic: 'Academic Reading',
  reading_general_training: 'General Training Reading',
};

const FORMAT_LABELS: Readonly<Record<MarkingFormat['kind'], string>> = {
  words: 'completion and short answers',
  number: 'number answers',
  true_false_not_given: 'TRUE/FALSE/NOT GIVEN',
  yes_no_not_given: 'YES/NO/NOT GIVEN',
  letter: 'multiple choice and matching',
};

function invalid(message: string, details: readonly string[] = []): EvaluatorError {
  return new EvaluatorError('invalid_input', message, { details });
}

function formatFromOverride(value: AnswerFormat | string, label: string): AnswerFormat {
  if (typeof value !== 'string') return value;
  const parsed = parseAnswerFormat(value);
  if (!parsed) throw invalid(`answer format for ${label} is not recognised: "${value}"`);
  return parsed;
}

function overridesByQuestion(answerFormats: Record<string, AnswerFormat | string> | undefined): Map<number, AnswerFormat> {
  const formats = new Map<number, AnswerFormat>();
  if (!answerFormats) return formats;
  // Ranges first, so a single question's own entry wins over a range that covers it.
  const entries = Object.entries(answerFormats).sort(([left], [right]) => Number(right.includes('-')) - Number(left.includes('-')));
  for (const [label, value] of entries) {
    const match = QUESTION_RANGE.exec(label.trim());
    const first = Number(match?.[1]);
    const last = match?.[2] === undefined ? first : Number(match[2]);
    if (!match || last < first) throw invalid(`"${label}" is not a question number or range`);
    const format = formatFromOverride(value, label);
    for (let number = first; number <= last; number += 1) formats.set(number, format);
  }
  return formats;
}

function scaledRawScore(correct: number, total: number): number {
  return total === MAXIMUM_RAW_SCORE ? correct : Math.round((correct * MAXIMUM_RAW_SCORE) / total);
}

interface MarkedQuestion extends QuestionResult {
  format: MarkingFormat;
}

function summarize(
  test: AnswerKeyAssessmentType,
  marked: readonly MarkedQuestion[],
  correct: number,
  scaled: number,
  band: number,
  tableName: string,
): string {
  const total = marked.length;
  const lines: string[] = [];
  const table =
    tableName === DEFAULT_RAW_SCORE_TABLE_VERSION
      ? 'the conversion table most IELTS guides publish'
      : `the conversion table “${tableName}”`;
  lines.push(
    total === MAXIMUM_RAW_SCORE
      ? `You got ${correct} of ${total} right: band ${band.toFixed(1)} in ${TEST_NAMES[test]}, by ${table}.`
      : `You got ${correct} of ${total} right. On a full test of ${MAXIMUM_RAW_SCORE} questions that is about ${scaled}: an estimated band ${band.toFixed(1)} in ${TEST_NAMES[test]}, by ${table}.`,
  );
  if (correct === total) {
    lines.push('Every answer is correct.');
    return lines.join('\n');
  }

  const byKind = new Map<string, { wrong: number; total: number }>();
  for (const question of marked) {
    const label = FORMAT_LABELS[question.format.kind];
    const counts = byKind.get(label) ?? { wrong: 0, total: 0 };
    counts.total += 1;
    if (!question.correct) counts.wrong += 1;
    byKind.set(label, counts);
  }
  const worst = [...byKind]
    .filter(([, counts]) => counts.wrong > 0)
    .sort(([, left], [, right]) => right.wrong - left.wrong || right.wrong / right.total - left.wrong / left.total)
    .slice(0, 3)
    .map(([label, counts]) => `${label} (${counts.wrong} of ${counts.total} wrong)`);
  lines.push(`Most mistakes: ${worst.join('; ')}.`);

  const wrong = marked.filter((question) => !question.correct);
  const count = (code: QuestionReasonCode) => wrong.filter((question) => question.reason_code === code).length;
  const questions = (total: number) => (total === 1 ? '1 question' : `${total} questions`);
  const blank = count('blank');
  const overLimit = count('over_word_limit');
  const crossed = count('wrong_answer_family');
  const notOption = count('not_an_option');
  const misspelled = count('misspelled');
  if (blank > 0) lines.push(`${questions(blank)} left blank: a wrong answer costs nothing, so always write something.`);
  if (overLimit > 0)
    lines.push(
      `${questions(overLimit)} over the word limit: an answer longer than the instructions allow is wrong even when it contains the right words.`,
    );
  if (crossed > 0)
    lines.push(
      `${questions(crossed)} answered from the wrong set: TRUE/FALSE/NOT GIVEN questions take TRUE or FALSE, YES/NO/NOT GIVEN questions take YES or NO.`,
    );
  if (notOption > 0)
    lines.push(`${questions(notOption)} not answered with one of the letters offered: write only the letter of one option.`);
  if (misspelled > 0) lines.push(`${questions(misspelled)} spelt differently from the answer: spelling must be exact for the mark.`);
  const numbers = wrong.map((question) => question.question_number);
  lines.push(
    `Questions to look at again: ${numbers.length <= 20 ? `${numbers.join(', ')}.` : `${numbers.slice(0, 20).join(', ')} and ${numbers.length - 20} more.`}`,
  );
  return lines.join('\n');
}

/**
 * "Choose TWO letters" questions share one key written as alternatives ("21": "B / D",
 * "22": "B / D"): the answers count in either order, but each letter only once. Letter
 * questions whose keys list the same N letters, N questions in all, form such a set; a letter
 * given again within the set is marked wrong.
 */
function applyEitherOrder(marked: MarkedQuestion[]): void {
  const sets = new Map<string, MarkedQuestion[]>();
  for (const question of marked) {
    if (question.format.kind !== 'letter' || question.expected.length < 2) continue;
    const letters = question.expected
      .map((letter) => letter.trim().toUpperCase())
      .sort()
      .join(' ');
    sets.set(letters, [...(sets.get(letters) ?? []), question]);
  }
  for (const [letters, members] of sets) {
    if (members.length !== letters.split(' ').length) continue;
    const counted = new Map<string, number>();
    for (const question of members) {
      if (!question.correct) continue;
      const letter = question.given.replace(/[^\p{L}]/gu, '').toUpperCase();
      const earlier = counted.get(letter);
      if (earlier === undefined) counted.set(letter, question.question_number);
      else {
        question.correct = false;
        question.reason_code = 'letter_already_counted';
        question.reason_detail = { letter, counted_for: earlier };
        question.reason = describeAnswerMark(question.reason_code, question.reason_detail, question.expected);
      }
    }
  }
}

/**
 * Creates the answer-key evaluator for Reading and Listening: deterministic marking by the
 * IELTS answer rules (see `markAnswer`), the raw score converted to a band with core's
 * versioned tables (Academic vs General Training reading; listening), per-question reasons
 * and a summary of which question types went wrong most. No model is called; cost is 0.
 *
 * Letter questions that share one key of N alternatives ("21": "B / D", "22": "B / D") are
 * "choose TWO letters" answers: accepted in either order, each letter counted once.
 *
 * A key with fewer than 40 questions (one passage or section) is scaled to 40 for the band,
 * and the feedback says the band is an estimate. A raw score of 0 is band 0 only when every
 * answer is blank.
 */
export function createAnswerKeyEvaluator(options: AnswerKeyEvaluatorOptions = {}): AnswerKeyEvaluator {
  const clock = options.clock ?? Date.now;
  const table = options.rawScoreTable ?? DEFAULT_RAW_SCORE_TABLE_VERSION;
  const tableName = typeof table === 'string' ? table : table.version;

  const mark = (request: AnswerKeyEvaluationRequest): AssessmentResult => {
    const startedAt = clock();
    const parsed = answerKeyEvaluationRequestSchema.safeParse(request);
    if (!parsed.success) {
      throw invalid(
        'the answer sheet request is invalid',
        parsed.error.issues.map((issue) => `${issue.path.join('.') || '(request)'}: ${issue.message}`),
      );
    }
    const { question, answerKey: bareKey, answers } = parsed.data;
    if (question && bareKey) throw invalid('give either a question with its answer key or an answer key, not both');
    const assessmentType = parsed.data.assessmentType ?? question?.assessment_type;
    if (!assessmentType) throw invalid('assessmentType is required when no question is given');
    if (!(answerKeyAssessmentTypeSchema.options as readonly string[]).includes(assessmentType)) {
      throw invalid(`${assessmentType} is not marked by answer key`);
    }
    const test = assessmentType as AnswerKeyAssessmentType;
    if (question && question.assessment_type !== test) throw invalid(`the question is ${question.assessment_type}, not ${test}`);
    const answerKey = bareKey ?? question?.answer_key;
    if (!answerKey || Object.keys(answerKey).length === 0) throw invalid('the question has no answer key');

    const overrides = overridesByQuestion(parsed.data.answerFormats);
    const groupFormats = new Map<number, AnswerFormat>();
    for (const group of question?.question_groups ?? []) {
      for (const item of group.questions) groupFormats.set(item.number, group.answer_format);
    }

    const numbers = Object.keys(answerKey)
      .map(Number)
      .sort((left, right) => left - right);
    const strays = Object.entries(answers)
      .filter(([number, text]) => !(number in answerKey) && text.trim() !== '')
      .map(([number]) => number);
    if (strays.length > 0) throw invalid(`answers were given to questions the key does not have: ${strays.join(', ')}`);

    const marked: MarkedQuestion[] = [];
    const keyErrors: string[] = [];
    for (const number of numbers) {
      const entry = parseAnswerKeyEntry(answerKey[String(number)] ?? '');
      const format: MarkingFormat = overrides.get(number) ?? groupFormats.get(number) ?? inferAnswerFormat(entry);
      const given = answers[String(number)] ?? '';
      try {
        const result = markAnswer(
          given,
          entry,
          format,
          options.spellingVariants === undefined ? {} : { spellingVariants: options.spellingVariants },
        );
        marked.push({
          question_number: number,
          given: given.slice(0, 500),
          expected: entry.alternatives,
          correct: result.correct,
          reason: result.reason,
          reason_code: result.code,
          reason_detail: result.detail,
          format,
        });
      } catch (error) {
        if (!EvaluatorError.isInstance(error)) throw error;
        keyErrors.push(`question ${number}: ${error.message}`);
      }
    }
    if (keyErrors.length > 0) throw invalid('the answer key does not fit the question formats', keyErrors);
    applyEitherOrder(marked);

    const correct = marked.filter((question) => question.correct).length;
    const attempted = marked.some((question) => question.reason_code !== 'blank');
    const scaled = scaledRawScore(correct, marked.length);
    const band = rawScoreToBand(test, scaled, { table, attempted });
    const result = {
      assessment_type: test,
      overall_band: band,
      criteria_scores: {},
      feedback: summarize(test, marked, correct, scaled, band, tableName),
      inline_corrections: [],
      word_count: null,
      raw_score: correct,
      question_results: marked.map(({ format: _format, ...question }) => question),
      flags: [],
      review: { required: false, reasons: [] },
      ai_generated: false,
      content_safe: true,
      provenance: {
        provider: 'answer_key',
        model_id: null,
        model_selection_reason: null,
        models_called: [],
        token_usage: null,
        cost_usd: 0,
        latency_ms: Math.max(0, clock() - startedAt),
        confidence: null,
      },
    } satisfies z.input<typeof assessmentResultSchema>;
    return assessmentResultSchema.parse(result);
  };

  return {
    mark,
    evaluate: async (request) => mark(request),
  };
}
