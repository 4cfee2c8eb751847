import { READING_ASSESSMENT_TYPES, TEST_LIMITS, publicQuestionSchema, type PublicQuestion } from '@ielts-genai-prep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practiceQuestions } from './content/index.js';
import { keyedAnswerSheets } from './test-support/keyed-answers.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe.each(READING_ASSESSMENT_TYPES)('the %s tests the server seeds', (type) => {
  const seeded = practiceQuestions.filter((question) => question.assessment_type === type);

  it('are all listed, page by page, with their passages and 40 questions and no answer key', async () => {
    const { client } = await server.signUp();
    const listed: PublicQuestion[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.questions.list({ type, limit: 1, ...(cursor ? { cursor } : {}) });
      listed.push(...page.items);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(listed.map((question) => question.question_id).sort()).toEqual(seeded.map((question) => question.question_id).sort());
    for (const question of listed) {
      expect(question).not.toHaveProperty('answer_key');
      expect(question).toEqual(publicQuestionSchema.parse(seeded.find((candidate) => candidate.question_id === question.question_id)));
      expect(question.passages).toHaveLength(TEST_LIMITS.reading.passages);
      expect(question.question_groups.flatMap((group) => group.questions)).toHaveLength(TEST_LIMITS.reading.questions);
    }
  });

  it('marks each test answered from its key 40 of 40, band 9', async () => {
    for (const test of seeded) {
      // A learner per test, as each has only a few free assessments of a type.
      const { client } = await server.signUp();
      const [answers = {}] = keyedAnswerSheets(test);
      const assessment = await client.reading.evaluate({ question_id: test.question_id, answers });
      expect(assessment.assessment_type, test.question_id).toBe(type);
      expect(assessment.raw_score, test.question_id).toBe(TEST_LIMITS.reading.questions);
      expect(assessment.overall_band, test.question_id).toBe(9);
    }
  });
});
