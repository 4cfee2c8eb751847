import { randomUUID } from 'node:crypto';
import { ApiError, type ApiClient } from '@ielts-genai-prep/api-client';
import type { AssessmentType } from '@ielts-genai-prep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK2_ESSAY } from './test-support/essays.js';
import { startFailingBedrock, type FailingBedrock } from './test-support/failing-bedrock.js';
import { answerSpeakingTest } from './test-support/speaking-answers.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';
import { practiceQuestionOf } from './test-support/practice-question.js';

let bedrock: FailingBedrock;
let server: TestServer;
beforeAll(async () => {
  bedrock = await startFailingBedrock();
  // Two of each type free; writing goes to a Bedrock that refuses every call.
  server = await startTestServer({ env: { FREE_ASSESSMENTS_PER_TYPE: '2', BEDROCK_ENABLED: 'true', BEDROCK_ENDPOINT: bedrock.url } });
});
afterAll(async () => {
  await server?.close();
  await bedrock?.close();
});

const reading = practiceQuestionOf('reading_academic');
const answers = { '1': 'sand' };

async function entitlementOf(client: ApiClient, type: AssessmentType) {
  return (await client.entitlements.get()).entitlements.find((entry) => entry.assessment_type === type);
}

/** Fires `count` reading evaluations at once; returns how many were stored and the statuses of the others. */
async function raceForReading(client: ApiClient, count: number): Promise<{ stored: number; refusedStatuses: number[] }> {
  const results = await Promise.allSettled(
    Array.from({ length: count }, () => client.reading.evaluate({ question_id: reading.question_id, answers })),
  );
  const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
  return {
    stored: results.length - refused.length,
    refusedStatuses: refused.map((result) => (ApiError.isInstance(result.reason) ? result.reason.status : -1)),
  };
}

async function grant(email: string, type: AssessmentType, assessments: number): Promise<void> {
  await server.repositories.users.addPurchase(email, {
    purchase_id: `test-${randomUUID()}`,
    product_id: 'test-pack',
    assessment_types: [type],
    assessments,
    purchased_at: new Date(server.clock.now()).toISOString(),
    source: 'admin',
  });
}

describe('entitlements under concurrent requests', () => {
  it('let exactly the allowance through when requests race for it', async () => {
    const { client, email } = await server.signUp();
    const first = await raceForReading(client, 8);
    expect(first.stored).toBe(2);
    expect(first.refusedStatuses).toEqual(Array(6).fill(402));
    expect(await entitlementOf(client, 'reading_academic')).toEqual({
      assessment_type: 'reading_academic',
      granted: 2,
      used: 2,
      remaining: 0,
    });

    // One more bought: of five at once, one gets it.
    await grant(email, 'reading_academic', 1);
    const second = await raceForReading(client, 5);
    expect(second.stored).toBe(1);
    expect(second.refusedStatuses).toEqual(Array(4).fill(402));
    expect((await client.assessments.list({ limit: 50 })).items).toHaveLength(3);
    expect(await entitlementOf(client, 'reading_academic')).toEqual({
      assessment_type: 'reading_academic',
      granted: 3,
      used: 3,
      remaining: 0,
    });
  });

  it('let exactly the allowance of speaking tests be scored when completions race (starting costs nothing)', async () => {
    const { client } = await server.signUp();
    const answered = [];
    for (let index = 0; index < 3; index++)
      answered.push(await answerSpeakingTest(server, client, await client.speaking.start({ question_id: 'sp-001' })));
    expect(await entitlementOf(client, 'speaking')).toMatchObject({ used: 0, remaining: 2 });
    const results = await Promise.allSettled(answered.map((view) => client.speaking.complete({ id: view.assessment_id })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(2);
    for (const result of results.filter((entry): entry is PromiseRejectedResult => entry.status === 'rejected')) {
      expect(ApiError.isInstance(result.reason) && result.reason.status).toBe(402);
    }
    expect(await entitlementOf(client, 'speaking')).toMatchObject({ used: 2, remaining: 0 });
    // The refused one is still open, unscored and uncharged.
    const refused = answered.find((_, index) => results[index]?.status === 'rejected')!;
    expect((await server.repositories.assessments.get(refused.assessment_id))?.completed).toBe(false);
  });

  it('read the caller once: the session, then the user with their counters, whatever the history', async () => {
    const { client } = await server.signUp();
    await client.entitlements.get();
    const before = server.operations.length;
    expect((await entitlementOf(client, 'reading_academic'))?.remaining).toBe(2);
    expect(server.operations.slice(before)).toEqual(['sessions.get', 'users.getWithAllowanceUsage']);
  });

  it('count the scored assessments a user stored before counters existed, once, then keep counters', async () => {
    const { client, email } = await server.signUp();
    await server.forgetAllowanceCounters(email);
    const user = (await server.repositories.users.get(email))!;
    // Stored as an import or an earlier version would: around the counters.
    const store = (assessment_type: 'speaking' | 'reading_academic' | 'listening', question_id: string, scored: boolean) =>
      server.repositories.assessments.save({
        assessment_id: randomUUID(),
        user_email: email,
        user_id: user.user_id,
        question_id,
        assessment_type,
        criteria_scores: {},
        feedback: '',
        ai_generated: false,
        content_safe: true,
        timestamp: new Date(server.clock.now()).toISOString(),
        completed: scored,
        overall_band: scored ? 6 : null,
        ...(scored
          ? { provenance: { provider: 'answer_key' as const, model_id: null, token_usage: null, cost_usd: 0, latency_ms: 1 } }
          : {}),
      });
    // Two scored, and one speaking test left unfinished, which is never charged.
    await store('speaking', 'sp-001', false);
    for (let index = 0; index < 2; index++) await store('reading_academic', reading.question_id, true);
    expect(await server.repositories.users.getAllowanceUsage(email)).toEqual({});
    expect(await entitlementOf(client, 'reading_academic')).toMatchObject({ granted: 2, used: 2, remaining: 0 });
    expect(await entitlementOf(client, 'speaking')).toMatchObject({ granted: 2, used: 0, remaining: 2 });
    // The first count became the counters: every type has one now.
    const counted = {
      writing_task1_academic: 0,
      writing_task1_general_training: 0,
      writing_task2: 0,
      speaking: 0,
      reading_academic: 2,
      reading_general_training: 0,
      listening: 0,
    };
    expect(await server.repositories.users.getAllowanceUsage(email)).toEqual(counted);
    expect((await raceForReading(client, 3)).stored).toBe(0);
    expect(await server.repositories.users.getAllowanceUsage(email)).toEqual(counted);
    // From now on the counters alone say what is used: an assessment stored around them (as an
    // import would) is not read back from the history.
    await store('listening', 'li-test-01', true);
    expect(await entitlementOf(client, 'listening')).toMatchObject({ used: 0 });

    await grant(email, 'reading_academic', 2);
    const race = await raceForReading(client, 4);
    expect(race.stored).toBe(2);
    expect(await entitlementOf(client, 'reading_academic')).toMatchObject({ granted: 4, used: 4, remaining: 0 });
  });

  it('give the allowance back when scoring fails', async () => {
    const { client } = await server.signUp();
    const calls = bedrock.calls();
    // Three failures in a row on an allowance of two: none of them uses it up.
    for (let attempt = 0; attempt < 3; attempt++) {
      const error = await client.writing.evaluate({ question_id: 'w2-001', essay: TASK2_ESSAY }).catch((caught: unknown) => caught);
      expect(ApiError.isInstance(error) && error.status).toBeGreaterThanOrEqual(500);
    }
    expect(bedrock.calls()).toBeGreaterThanOrEqual(calls + 3);
    expect(await entitlementOf(client, 'writing_task2')).toMatchObject({ granted: 2, used: 0, remaining: 2 });
    expect((await client.assessments.list()).items).toHaveLength(0);
  });

  it('do not count a repeated idempotency key twice, even when the repeats race', async () => {
    const { client } = await server.signUp();
    const body = { question_id: reading.question_id, answers, idempotency_key: `retry-${randomUUID()}` };
    const results = await Promise.all(Array.from({ length: 4 }, () => client.reading.evaluate(body).catch((error: unknown) => error)));
    const stored = results.filter((result) => !ApiError.isInstance(result)) as Array<{ assessment_id: string }>;
    // Repeats in one process wait for the first and get its result.
    expect(stored).toHaveLength(4);
    expect(new Set(stored.map((assessment) => assessment.assessment_id)).size).toBe(1);
    expect((await client.assessments.list()).items).toHaveLength(1);
    expect(await entitlementOf(client, 'reading_academic')).toMatchObject({ used: 1, remaining: 1 });
  });
});
