import {
  assessmentResultSchema,
  questionResultSchema,
  rawScoreToBand,
  type AnswerFormat,
  type QuestionGroup,
} from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import { createAnswerKeyEvaluator, type AnswerKeyEvaluationRequest } from './answer-key-evaluator.js';
import { EvaluatorError } from './evaluator-error.js';

type Group = { from: number; to: number; instructions: string; answer_format: AnswerFormat; options?: QuestionGroup['options'] };

const READING_GROUPS: Group[] = [
  { from: 1, to: 6, instructions: 'Write TRUE, FALSE or NOT GIVEN.', answer_format: { kind: 'true_false_not_given' } },
  {
    from: 7,
    to: 13,
    instructions: 'Write NO MORE THAN TWO WORDS AND/OR A NUMBER.',
    answer_format: { kind: 'words', max_words: 2, numbers_allowed: true },
  },
  {
    from: 14,
    to: 19,
    instructions: 'Choose the correct heading, i–viii.',
    answer_format: { kind: 'letter', options: ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii'] },
  },
  { from: 20, to: 26, instructions: 'Write YES, NO or NOT GIVEN.', answer_format: { kind: 'yes_no_not_given' } },
  {
    from: 27,
    to: 31,
    instructions: 'Choose the correct letter, A, B, C or D.',
    answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
  },
  { from: 32, to: 40, instructions: 'Write ONE WORD ONLY.', answer_format: { kind: 'words', max_words: 1, numbers_allowed: false } },
];

const READING_KEY: Record<string, string> = {
  '1': 'TRUE',
  '2': 'FALSE',
  '3': 'NOT GIVEN',
  '4': 'TRUE',
  '5': 'FALSE',
  '6': 'NOT GIVEN',
  '7': '(the) river',
  '8': 'colour / color',
  '9': '1,000',
  '10': 'three bedrooms',
  '11': 'organised tour',
  '12': 'centre',
  '13': '15 May',
  '14': 'iv',
  '15': 'ii',
  '16': 'viii',
  '17': 'i',
  '18': 'vi',
  '19': 'iii',
  '20': 'YES',
  '21': 'NO',
  '22': 'NOT GIVEN',
  '23': 'YES',
  '24': 'NO',
  '25': 'YES',
  '26': 'NOT GIVEN',
  '27': 'B',
  '28': 'D',
  '29': 'A',
  '30': 'C',
  '31': 'B',
  '32': 'library',
  '33': 'harbour',
  '34': 'grey',
  '35': 'theatre',
  '36': 'bridge',
  '37': 'ferry',
  '38': 'museum',
  '39': 'three',
  '40': 'market',
};

function question(
  assessmentType: 'reading_academic' | 'reading_general_training' | 'listening',
  key: Record<string, string>,
  groups: Group[],
) {
  return {
    question_id: `q-${assessmentType}`,
    assessment_type: assessmentType,
    title: 'Practice test',
    prompt: 'Answer the questions.',
    time_limit: assessmentType === 'listening' ? 30 : 60,
    ...(assessmentType === 'listening'
      ? { sections: [1, 2, 3, 4].map((part) => ({ part, title: `Section ${part}`, transcript: '…' })) }
      : { passages: [1, 2, 3].map((part) => ({ part, title: `Passage ${part}`, text: '…' })) }),
    question_groups: groups.map((group, index) => ({
      group_id: `g${index + 1}`,
      part: Math.min(3, index + 1),
      instructions: group.instructions,
      answer_format: group.answer_format,
      options: group.options ?? [],
      questions: Array.from({ length: group.to - group.from + 1 }, (_, offset) => ({
        number: group.from + offset,
        text: `Question ${group.from + offset}`,
      })),
    })),
    answer_key: key,
  };
}

// Every answer right, written the way a learner might: other case, American spelling, digits for words.
const ALL_RIGHT: Record<string, string> = {
  ...READING_KEY,
  '1': 'true',
  '2': 'F',
  '3': 'ng',
  '7': 'River',
  '8': 'COLOR',
  '9': 'one thousand',
  '10': '3 bedrooms',
  '11': 'organized tour',
  '12': 'center.',
  '14': 'IV',
  '20': 'y',
  '27': 'b',
  '33': 'harbor',
  '34': 'gray',
  '35': 'theater',
};

// Ten wrong, each for a different reason.
const TEN_WRONG: Record<string, string> = {
  ...ALL_RIGHT,
  '1': 'YES', // TRUE expected, not YES
  '2': 'TRUE',
  '4': '', // blank
  '7': 'the wide river', // over the limit
  '9': '100',
  '14': 'ix', // not an option
  '20': 'TRUE', // YES expected, not TRUE
  '27': 'E', // not an option
  '32': 'libary', // misspelt
  '39': '3', // ONE WORD ONLY
};

describe('createAnswerKeyEvaluator', () => {
  const evaluator = createAnswerKeyEvaluator();

  it('marks a full reading test with every answer right as 40/40, band 9, at no cost', async () => {
    const result = await evaluator.evaluate({ question: question('reading_academic', READING_KEY, READING_GROUPS), answers: ALL_RIGHT });
    expect(result.raw_score).toBe(40);
    expect(result.overall_band).toBe(9);
    expect(result.question_results.every((item) => item.correct && item.reason_code === 'correct' && item.reason === 'Correct.')).toBe(
      true,
    );
    expect(result.feedback).toContain(
      'You got 40 of 40 right: band 9.0 in Academic Reading, by the conversion table most IELTS guides publish.',
    );
    expect(result.feedback).toContain('Every answer is correct.');
    expect(result).toMatchObject({
      assessment_type: 'reading_academic',
      criteria_scores: {},
      word_count: null,
      ai_generated: false,
      content_safe: true,
      provenance: { provider: 'answer_key', model_id: null, token_usage: null, cost_usd: 0 },
    });
    expect(assessmentResultSchema.safeParse(result).success).toBe(true);
  });

  it('gives each question its given answer, the expected answers as written, and why', async () => {
    const result = await evaluator.evaluate({ question: question('reading_academic', READING_KEY, READING_GROUPS), answers: TEN_WRONG });
    const byNumber = new Map(result.question_results.map((item) => [item.question_number, item]));
    expect(result.question_results.map((item) => item.question_number)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    expect(byNumber.get(1)).toEqual({
      question_number: 1,
      given: 'YES',
      expected: ['TRUE'],
      correct: false,
      reason_code: 'wrong_answer_family',
      reason_detail: { family: 'true_false_not_given' },
      reason: 'This question asks for TRUE, FALSE or NOT GIVEN (facts in the passage); YES and NO answer a different kind of question.',
    });
    expect(byNumber.get(2)).toMatchObject({ reason_code: 'wrong', reason: 'Not the answer: the answer is “FALSE”.' });
    expect(byNumber.get(4)?.reason_code).toBe('blank');
    expect(byNumber.get(7)).toEqual({
      question_number: 7,
      given: 'the wide river',
      expected: ['(the) river'],
      correct: false,
      reason_code: 'over_word_limit',
      reason_detail: { words: 3, numbers: 0, max_words: 2, numbers_allowed: true },
      reason:
        'Over the word limit: 3 words, and the instructions allow at most 2 words and a number. A longer answer is wrong even when it contains the right words.',
    });
    expect(byNumber.get(8)).toMatchObject({ given: 'COLOR', expected: ['colour', 'color'], correct: true, reason_code: 'correct' });
    expect(byNumber.get(9)?.reason_code).toBe('wrong');
    expect(byNumber.get(14)).toMatchObject({
      reason_code: 'not_an_option',
      reason_detail: { options: ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii'] },
    });
    expect(byNumber.get(14)?.reason).toContain('(i–viii)');
    expect(byNumber.get(20)).toMatchObject({ reason_code: 'wrong_answer_family', reason_detail: { family: 'yes_no_not_given' } });
    expect(byNumber.get(27)).toMatchObject({
      reason_code: 'not_an_option',
      reason: 'Not one of the letters offered (A–D): write the letter of one option only.',
    });
    expect(byNumber.get(32)).toMatchObject({ reason_code: 'misspelled', reason_detail: { closest: 'library' } });
    expect(byNumber.get(39)?.reason_code).toBe('number_not_allowed');
    expect(result.question_results.every((item) => questionResultSchema.safeParse(item).success)).toBe(true);
    expect(result.raw_score).toBe(30);
  });

  it('converts the raw score with the Academic or General Training reading table, or the listening table', async () => {
    const academic = await evaluator.evaluate({ question: question('reading_academic', READING_KEY, READING_GROUPS), answers: TEN_WRONG });
    const general = await evaluator.evaluate({
      question: question('reading_general_training', READING_KEY, READING_GROUPS),
      answers: TEN_WRONG,
    });
    const listening = await evaluator.evaluate({ question: question('listening', READING_KEY, READING_GROUPS), answers: TEN_WRONG });
    // The official anchor points: 30 is band 7 in Academic Reading and Listening, band 6 in General Training.
    expect([academic.overall_band, general.overall_band, listening.overall_band]).toEqual([7, 6, 7]);
    expect(general.feedback).toContain('You got 30 of 40 right: band 6.0 in General Training Reading');
  });

  it('follows every raw score through the chosen table', async () => {
    const key = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [String(index + 1), 'river']));
    for (let raw = 0; raw <= 40; raw += 1) {
      const answers = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [String(index + 1), index < raw ? 'river' : 'lake']));
      const result = evaluator.mark({ assessmentType: 'listening', answerKey: key, answers });
      expect(result.raw_score).toBe(raw);
      expect(result.overall_band).toBe(rawScoreToBand('listening', raw));
    }
  });

  it('summarises which question types went wrong most and what to change', async () => {
    const result = await evaluator.evaluate({ question: question('reading_academic', READING_KEY, READING_GROUPS), answers: TEN_WRONG });
    expect(result.feedback).toContain(
      'You got 30 of 40 right: band 7.0 in Academic Reading, by the conversion table most IELTS guides publish.',
    );
    expect(result.feedback).not.toMatch(/commonly-published|raw-score table|[.,:;]{2}|…\./);
    expect(result.feedback).toContain(
      'Most mistakes: completion and short answers (4 of 16 wrong); TRUE/FALSE/NOT GIVEN (3 of 6 wrong); multiple choice and matching (2 of 11 wrong).',
    );
    expect(result.feedback).toContain('1 question left blank');
    expect(result.feedback).toContain('1 question over the word limit');
    expect(result.feedback).toContain('2 questions answered from the wrong set');
    expect(result.feedback).toContain('2 questions not answered with one of the letters offered');
    expect(result.feedback).toContain('1 question spelt differently from the answer');
    expect(result.feedback).toContain('Questions to look at again: 1, 2, 4, 7, 9, 14, 20, 27, 32, 39.');
  });

  it('marks an answer key without a question, with formats from instruction text by range', async () => {
    const result = await evaluator.evaluate({
      assessmentType: 'listening',
      answerKey: { '1': 'Harbour Street', '2': '(the) ferry', '3': '7.30', '4': 'B' },
      answerFormats: { '1-3': 'Write NO MORE THAN TWO WORDS AND/OR A NUMBER', '4': { kind: 'letter', options: ['A', 'B', 'C'] } },
      answers: { '1': 'harbor street', '2': 'the ferry boat', '3': '7.30', '4': 'D' },
    });
    expect(result.question_results.map((item) => [item.correct, item.reason_code])).toEqual([
      [true, 'correct'],
      [false, 'over_word_limit'],
      [true, 'correct'],
      [false, 'not_an_option'],
    ]);
    expect(result.question_results[3]?.reason).toContain('(A, B, C)');
  });

  it('guesses formats from the key when none is given', async () => {
    const result = await evaluator.evaluate({
      assessmentType: 'reading_academic',
      answerKey: { '1': 'TRUE', '2': 'NO', '3': 'C', '4': 'the old lighthouse' },
      answers: { '1': 'yes', '2': 'no', '3': 'c', '4': 'The Old Lighthouse' },
    });
    expect(result.question_results.map((item) => item.reason_code)).toEqual(['wrong_answer_family', 'correct', 'correct', 'correct']);
  });

  it('accepts "choose TWO letters" answers in either order, each letter once', async () => {
    const mark = (answers: Record<string, string>) =>
      evaluator.mark({
        assessmentType: 'listening',
        answerKey: { '21': 'B / D', '22': 'B / D', '23': 'A / C / E', '24': 'A / C / E', '25': 'A / C / E' },
        answerFormats: { '21-25': 'Choose the correct letter, A-E.' },
        answers,
      });
    expect(mark({ '21': 'D', '22': 'b', '23': 'E', '24': 'A', '25': 'C' }).raw_score).toBe(5);
    const twice = mark({ '21': 'B', '22': 'B', '23': 'c', '24': 'C', '25': 'D' });
    expect(twice.question_results.map((item) => [item.correct, item.reason_code])).toEqual([
      [true, 'correct'],
      [false, 'letter_already_counted'],
      [true, 'correct'],
      [false, 'letter_already_counted'],
      [false, 'wrong'],
    ]);
    expect(twice.question_results[1]).toMatchObject({
      reason_detail: { letter: 'B', counted_for: 21 },
      reason: 'B already counts for question 21: the letters may come in either order, but each counts once.',
    });
  });

  it('estimates the band of a partial test by scaling its score to 40', async () => {
    const key = Object.fromEntries(Array.from({ length: 10 }, (_, index) => [String(index + 1), 'river']));
    const answers = Object.fromEntries(Array.from({ length: 10 }, (_, index) => [String(index + 1), index < 7 ? 'river' : 'lake']));
    const result = await evaluator.evaluate({ assessmentType: 'reading_academic', answerKey: key, answers });
    expect(result.raw_score).toBe(7);
    expect(result.overall_band).toBe(rawScoreToBand('reading_academic', 28));
    expect(result.feedback).toContain('You got 7 of 10 right. On a full test of 40 questions that is about 28: an estimated band 6.5');
  });

  it('gives band 0 only when nothing was attempted', async () => {
    const key = { '1': 'river', '2': 'lake' };
    const blank = await evaluator.evaluate({ assessmentType: 'listening', answerKey: key, answers: {} });
    const wrong = await evaluator.evaluate({ assessmentType: 'listening', answerKey: key, answers: { '1': 'sea' } });
    expect([blank.raw_score, blank.overall_band]).toEqual([0, 0]);
    expect([wrong.raw_score, wrong.overall_band]).toEqual([0, 1]);
  });

  it('uses the raw-score table it is given and the clock it is given', async () => {
    const strict = {
      version: 'strict-test',
      description: 'everything below 40 is band 5',
      tables: {
        listening: [
          { minimum: 40, maximum: 40, band: 9 },
          { minimum: 1, maximum: 39, band: 5 },
        ],
        reading_academic: [{ minimum: 1, maximum: 40, band: 5 }],
        reading_general_training: [{ minimum: 1, maximum: 40, band: 5 }],
      },
    };
    let time = 1000;
    const custom = createAnswerKeyEvaluator({ rawScoreTable: strict, clock: () => (time += 4) });
    const result = await custom.evaluate({ question: question('listening', READING_KEY, READING_GROUPS), answers: TEN_WRONG });
    expect(result.overall_band).toBe(5);
    expect(result.feedback).toContain('by the conversion table “strict-test”');
    expect(result.provenance.latency_ms).toBe(4);
  });

  it('accepts only the key spelling when spelling variants are turned off', async () => {
    const strict = createAnswerKeyEvaluator({ spellingVariants: false });
    const result = await strict.evaluate({ assessmentType: 'listening', answerKey: { '1': 'colour' }, answers: { '1': 'color' } });
    expect(result.question_results[0]?.correct).toBe(false);
  });

  const invalidRequests: Array<[string, AnswerKeyEvaluationRequest, RegExp]> = [
    [
      'a writing question',
      { question: { ...question('reading_academic', READING_KEY, READING_GROUPS), assessment_type: 'writing_task2' }, answers: {} },
      /writing_task2 is not marked by answer key/,
    ],
    [
      'no answer key',
      { question: { ...question('reading_academic', READING_KEY, READING_GROUPS), answer_key: null }, answers: {} },
      /no answer key/,
    ],
    ['no assessment type', { answerKey: { '1': 'river' }, answers: {} }, /assessmentType is required/],
    [
      'a type that contradicts the question',
      { assessmentType: 'listening', question: question('reading_academic', READING_KEY, READING_GROUPS), answers: {} },
      /the question is reading_academic, not listening/,
    ],
    [
      'both a question and a key',
      { question: question('reading_academic', READING_KEY, READING_GROUPS), answerKey: { '1': 'river' }, answers: {} },
      /either a question/,
    ],
    [
      'answers to questions the key lacks',
      { assessmentType: 'listening', answerKey: { '1': 'river' }, answers: { '2': 'lake' } },
      /questions the key does not have: 2/,
    ],
    [
      'a question number out of range',
      { assessmentType: 'listening', answerKey: { '1': 'river' }, answers: { '41': 'lake' } },
      /request is invalid/,
    ],
    [
      'an unreadable format',
      { assessmentType: 'listening', answerKey: { '1': 'river' }, answerFormats: { '1': 'Label the map.' }, answers: {} },
      /not recognised/,
    ],
    [
      'a key that does not fit its format',
      { assessmentType: 'listening', answerKey: { '1': 'YES' }, answerFormats: { '1': { kind: 'true_false_not_given' } }, answers: {} },
      /does not fit/,
    ],
  ];

  it.each(invalidRequests)('rejects %s with invalid_input', async (_label, request, message) => {
    const error = await evaluator.evaluate(request).catch((caught: unknown) => caught);
    expect(EvaluatorError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid_input', isRetryable: false });
    expect(`${(error as EvaluatorError).message} ${(error as EvaluatorError).details.join(' ')}`).toMatch(message);
  });
});
