import { createAnswerKeyEvaluator, parseAnswerKeyEntry } from '@ielts-genai-prep/ai-evaluators';
import { READING_ASSESSMENT_TYPES, TEST_LIMITS } from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import { keyedAnswerSheets } from '../test-support/keyed-answers.js';
import { practiceQuestions } from './index.js';

// Every test marked by key: the Reading tests and the Listening tests.
const keyedTests = practiceQuestions.filter(
  (question) =>
    (READING_ASSESSMENT_TYPES as readonly string[]).includes(question.assessment_type) || question.assessment_type === 'listening',
);

describe.each(keyedTests.map((test) => ({ id: test.question_id, type: test.assessment_type, test })))('$type test $id', ({ test }) => {
  it('is marked 40 of 40 by the marker the server uses for every form its key accepts', () => {
    const evaluator = createAnswerKeyEvaluator();
    keyedAnswerSheets(test).forEach((answers, index) => {
      const result = evaluator.mark({ question: test, answers });
      const wrong = result.question_results
        .filter((entry) => !entry.correct)
        .map((entry) => `${entry.question_number} "${entry.given}": ${entry.reason}`);
      expect(wrong, `sheet ${index + 1}`).toEqual([]);
      expect(result.raw_score).toBe((test.assessment_type === 'listening' ? TEST_LIMITS.listening : TEST_LIMITS.reading).questions);
    });
  });

  it('marks a blank sheet 0 and a wrong letter or verdict wrong, so the key is not trivially matched', () => {
    const evaluator = createAnswerKeyEvaluator();
    expect(evaluator.mark({ question: test, answers: {} }).raw_score).toBe(0);
    const answers: Record<string, string> = {};
    for (const group of test.question_groups) {
      const format = group.answer_format;
      for (const question of group.questions) {
        const key = parseAnswerKeyEntry(test.answer_key?.[String(question.number)] ?? '').accepted;
        const choices =
          format.kind === 'letter'
            ? format.options
            : format.kind === 'true_false_not_given'
              ? ['TRUE', 'FALSE', 'NOT GIVEN']
              : format.kind === 'yes_no_not_given'
                ? ['YES', 'NO', 'NOT GIVEN']
                : [];
        const other = choices.find((choice) => !key.includes(choice));
        if (other) answers[String(question.number)] = other;
      }
    }
    const result = evaluator.mark({ question: test, answers });
    expect(Object.keys(answers).length).toBeGreaterThan(0);
    expect(result.question_results.filter((entry) => String(entry.question_number) in answers && entry.correct)).toEqual([]);
  });
});
