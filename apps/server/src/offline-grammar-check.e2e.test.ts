import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK2_ESSAY } from './test-support/essays.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';
import { practiceQuestionOf } from './test-support/practice-question.js';

const writingTask2 = practiceQuestionOf('writing_task2');

let server: TestServer;
beforeAll(async () => {
  // The default outside tests: Harper loads while the server starts.
  server = await startTestServer({ env: { OFFLINE_GRAMMAR_CHECK: 'true' } });
}, 300_000);
afterAll(async () => {
  await server?.close();
});

describe('offline writing with the grammar checker', () => {
  it('marks Harper’s and the part-of-speech rules’ corrections in the result, labelled as not written by a model', async () => {
    const { client } = await server.signUp();
    const essay = TASK2_ESSAY.replace(/\.\s/, '. Many people feels that the goverment should to invest in a important change. ');
    const assessment = await client.writing.evaluate({ question_id: writingTask2.question_id, essay });
    const corrections = assessment.inline_corrections.map((correction) => [correction.quote, correction.suggestion]);
    expect(corrections).toContainEqual(['people feels', 'people feel']);
    expect(corrections).toContainEqual(['goverment', 'government']);
    expect(corrections).toContainEqual(['should to invest', 'should invest']);
    expect(corrections).toContainEqual(['a', 'an']);
    expect(assessment.criteria_scores.grammatical_range_accuracy?.feedback).toContain('The grammar checker found');
    expect(assessment.ai_generated).toBe(false);
    expect(assessment.provenance?.provider).toBe('offline');
  }, 300_000);
});
