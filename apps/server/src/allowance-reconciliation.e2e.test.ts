import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK2_ESSAY } from './test-support/essays.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { FREE_ASSESSMENTS_PER_TYPE: '5', ALLOWANCE_SETTLE_SECONDS: '900' } });
});
afterAll(async () => {
  await server?.close();
});

describe('an assessment counted and never stored (the server died in between)', () => {
  it('is given back at the next sign-in once its count has settled, and not before', async () => {
    const { client, email, password } = await server.signUp();
    await client.writing.evaluate({ question_id: 'w2-001', essay: TASK2_ESSAY });
    // What a request killed after counting and before storing leaves: one counted, nothing stored.
    expect(await server.repositories.users.consumeAllowance(email, 'writing_task2', { limit: 5, countExisting: async () => 1 })).toEqual({
      consumed: true,
      used: 2,
    });
    const used = async () =>
      (await client.entitlements.get()).entitlements.find((entry) => entry.assessment_type === 'writing_task2')!.used;
    expect(await used()).toBe(2);

    // Signed in again at once: the count may belong to a request still scoring, so it is kept.
    await server.mobileClient(null).auth.login({ email, password, client: 'mobile' });
    expect(await used()).toBe(2);

    server.clock.advance(900_000);
    await server.mobileClient(null).auth.login({ email, password, client: 'mobile' });
    expect(await used()).toBe(1);
    expect(
      server.logs
        .filter((line) => line.message === 'assessment allowance reconciled: counted, never stored')
        .map((line) => line.fields?.types),
    ).toEqual([['writing_task2']]);
    // Nothing more to give back: the stored one stays counted.
    server.clock.advance(900_000);
    await server.mobileClient(null).auth.login({ email, password, client: 'mobile' });
    expect(await used()).toBe(1);
  });
});
