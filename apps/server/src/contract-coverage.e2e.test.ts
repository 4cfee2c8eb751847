import { randomUUID } from 'node:crypto';
import { createApiClient } from '@ielts-genai-prep/api-client';
import { listRoutes, type SpeakingSessionView } from '@ielts-genai-prep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeStandIn, type StripeStandIn } from './test-support/stripe-stand-in.js';
import { TASK2_ESSAY } from './test-support/essays.js';
import { GOOD_PASSWORD, cookieFetch, startTestServer, type TestServer } from './test-support/test-server.js';
import { practiceQuestionOf } from './test-support/practice-question.js';

const WEBHOOK_SECRET = 'whsec_contractCoverage';

let server: TestServer;
let stripe: StripeStandIn;
beforeAll(async () => {
  stripe = await startStripeStandIn({ webhookSecret: WEBHOOK_SECRET });
  server = await startTestServer({
    env: { STRIPE_SECRET_KEY: 'sk_test_contractCoverage', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: stripe.apiBase },
  });
});
afterAll(async () => {
  await server?.close();
  await stripe?.close();
});

/** `group.name` of the contract route a request is for, matched by method and path. */
function routeOf(request: Request): string | undefined {
  const pathname = new URL(request.url).pathname;
  const match = listRoutes().find(
    ({ route }) => route.method === request.method && new RegExp(`^${route.path.replace(/:[A-Za-z_]+/g, '[^/]+')}$`).test(pathname),
  );
  return match && `${match.group}.${match.name}`;
}

/** A fetch that keeps cookies and records every route that answered with its success status. */
function recordingFetch(succeeded: Set<string>) {
  const inner = cookieFetch();
  return async (input: Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const response = await inner(request);
    const name = routeOf(request);
    const route = listRoutes().find(({ group, name: routeName }) => `${group}.${routeName}` === name)?.route;
    if (name && route && response.status === route.status) succeeded.add(name);
    return response;
  };
}

describe('the api-client against the server on DynamoDB Local and the SES emulator', () => {
  it('succeeds at every endpoint of the contract in one learner journey', async () => {
    const succeeded = new Set<string>();
    const fetch = recordingFetch(succeeded);
    const web = createApiClient({ baseUrl: server.baseUrl, fetch, retry: false });
    const email = `journey-${randomUUID().slice(0, 8)}@example.com`;

    expect((await web.health.check()).status).toBe('ok');
    expect((await web.auth.session()).user).toBeNull();
    await web.auth.register({ email, password: GOOD_PASSWORD, display_name: 'Journey' });
    await web.auth.verifyEmail({ token: await server.tokenFrom(email, 'Confirm your email') });
    await web.auth.login({ email, password: GOOD_PASSWORD });
    expect((await web.auth.me()).user.email_verified).toBe(true);
    expect((await web.auth.session()).user?.email).toBe(email);
    expect((await web.auth.resendVerification()).message).toMatch(/already confirmed/);
    expect((await web.entitlements.get()).entitlements).toHaveLength(7);

    // A pack bought through the Stripe stand-in; its signed event delivered as Stripe would.
    expect((await web.purchases.products()).checkout_available).toBe(true);
    const checkout = await web.purchases.checkout({ product_id: 'writing-pack-5' });
    const event = stripe.complete(checkout.checkout_session_id);
    await fetch(
      new Request(`${server.baseUrl}/api/purchases/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': event.signature },
        body: event.payload,
      }),
    );
    expect((await web.entitlements.get()).entitlements.find((entry) => entry.assessment_type === 'writing_task2')?.remaining).toBe(8);

    const page = await web.questions.list({ type: 'writing_task2' });
    const question = await web.questions.get({ id: page.items[0]!.question_id });
    const essay = await web.writing.evaluate({ question_id: question.question_id, essay: TASK2_ESSAY });
    const reading = practiceQuestionOf('reading_academic');
    const listening = practiceQuestionOf('listening');
    await web.reading.evaluate({ question_id: reading.question_id, answers: { '1': 'an answer' } });
    await web.listening.evaluate({ question_id: listening.question_id, answers: { '1': 'an answer' } });

    // One test given up and discarded; the next one scored, with the preparation minute skipped.
    expect((await web.speaking.setup()).transcribes_audio).toBe(false);
    const abandoned = await web.speaking.start({ question_id: 'sp-006' });
    await web.speaking.discard({ id: abandoned.assessment_id });
    let view: SpeakingSessionView = await web.speaking.start({ question_id: 'sp-006' });
    view = await web.speaking.get({ id: view.assessment_id });
    while (!view.can_complete) {
      if (view.phase === 'part2_preparation') {
        view = await web.speaking.advance({ id: view.assessment_id }, { from_phase: 'part2_preparation' });
        continue;
      }
      // 20 s answers: a set's twelve Part 1 questions fit in the part's five minutes.
      server.clock.advance(20_500);
      view = await web.speaking.submitTurn(
        { id: view.assessment_id },
        {
          part: view.current_prompt!.part,
          prompt_id: view.current_prompt!.prompt_id,
          transcript: { text: TASK2_ESSAY.slice(0, 400) },
          duration_ms: 20_000,
        },
      );
    }
    const spoken = await web.speaking.complete({ id: view.assessment_id });
    expect(spoken.completed).toBe(true);

    const history = await web.assessments.list({ limit: 10 });
    expect(history.items.map((item) => item.assessment_id)[0]).toBe(spoken.assessment_id);
    expect(history.items).toHaveLength(4);
    await expect(web.assessments.get({ id: essay.assessment_id })).resolves.toEqual(essay);
    await web.contentReports.create({ target: { kind: 'assessment', id: essay.assessment_id }, reason: 'score_seems_wrong' });

    expect((await web.auth.updateProfile({ preferences: { target_band: 7 } })).user.preferences.target_band).toBe(7);
    await web.auth.changePassword({ current_password: GOOD_PASSWORD, new_password: 'a brand new passphrase' });
    await web.auth.logout();
    await web.auth.requestPasswordReset({ email });
    await web.auth.confirmPasswordReset({ token: await server.tokenFrom(email, 'Reset your password'), password: 'a third passphrase' });
    await expect(web.auth.login({ email, password: 'a third passphrase' })).resolves.toMatchObject({ user: { email } });

    const mail = (await server.mailTo(email)).map((entry) => entry.subject);
    expect(mail.filter((subject) => subject.startsWith('Your '))).toHaveLength(4);
    expect([...succeeded].sort()).toEqual(
      listRoutes()
        .map(({ group, name }) => `${group}.${name}`)
        .sort(),
    );
  });
});
