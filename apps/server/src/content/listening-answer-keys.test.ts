import { createAnswerKeyEvaluator } from '@ielts-genai-prep/ai-evaluators';
import { TEST_LIMITS } from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import { keyedAnswerSheets } from '../test-support/keyed-answers.js';
import { practiceQuestions } from './index.js';

const listeningTests = practiceQuestions.filter((question) => question.assessment_type === 'listening');

describe.each(listeningTests.map((test) => ({ id: test.question_id, test })))('listening test $id', ({ test }) => {
  it('is marked 40 of 40 by the marker the server uses for every form its key accepts', () => {
    const evaluator = createAnswerKeyEvaluator();
    keyedAnswerSheets(test).forEach((answers, index) => {
      const result = evaluator.mark({ question: test, answers });
      const wrong = result.question_results.filter((entry) => !entry.correct).map((entry) => `${entry.question_number} "${entry.given}": ${entry.reason}`);
      expect(wrong, `sheet ${index + 1}`).toEqual([]);
      expect(result.raw_score).toBe(TEST_LIMITS.listening.questions);
    });
  });
});
