import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '@ielts-genai-prep/api-client';
import type { SpeakingSessionView } from '@ielts-genai-prep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const ANSWERS = [
  'Well, I grew up in a fairly small town near the coast, and what I liked most about it was that everybody knew each other, so you always felt safe walking around in the evening.',
  'To be honest, I usually spend my weekends with my family. We often cook a big lunch together and then, if the weather is nice, we go for a long walk along the river.',
  'I think the main reason is that people are much busier than they used to be. Because of that, they prefer convenient options, even though those options are not always healthier.',
];

async function answer(client: TestServer['webClient'] extends () => infer Client ? Client : never, view: SpeakingSessionView, seconds: number) {
  server.clock.advance(seconds * 1000 + 500);
  const part = view.current_prompt!.part;
  return client.speaking.submitTurn(
    { id: view.assessment_id },
    { part, transcript: { text: ANSWERS[(view.turns_completed + part) % ANSWERS.length]! }, duration_ms: seconds * 1000 },
  );
}

describe('a speaking test', () => {
  it('runs through parts 1 to 3 and is scored offline', async () => {
    const { client, email } = await server.signUp();
    let view = await client.speaking.start({ question_id: 'sp-001' });
    expect(view.phase).toBe('part1');
    expect(view.current_prompt?.part).toBe(1);
    expect(view.can_complete).toBe(false);

    const early = await client.speaking.complete({ id: view.assessment_id }).catch((error: unknown) => error);
    expect(ApiError.isInstance(early) && early.status).toBe(409);

    while (view.phase === 'part1') view = await answer(client, view, 20);
    expect(view.phase).toBe('part2_preparation');
    expect(view.current_prompt?.cue_card.length).toBeGreaterThan(0);
    const talkTooEarly = await client.speaking
      .submitTurn({ id: view.assessment_id }, { part: 2, transcript: { text: ANSWERS[0]! } })
      .catch((error: unknown) => error);
    expect(ApiError.isInstance(talkTooEarly) && talkTooEarly.status).toBe(409);

    server.clock.advance(61_000);
    view = await client.speaking.get({ id: view.assessment_id });
    expect(view.phase).toBe('part2_talk');
    view = await answer(client, view, 90);
    while (view.phase === 'part2_talk') view = await answer(client, view, 15);
    expect(view.phase).toBe('part3');
    while (view.phase === 'part3' && view.turns_completed < 12) view = await answer(client, view, 30);
    expect(view.can_complete).toBe(true);

    const stored = await server.repositories.assessments.get(view.assessment_id);
    expect(stored?.completed).toBe(false);
    expect((stored?.submission as { turns: unknown[] }).turns).toHaveLength(view.turns_completed);

    const assessment = await client.speaking.complete({ id: view.assessment_id });
    expect(assessment.completed).toBe(true);
    expect(assessment.assessment_type).toBe('speaking');
    expect(assessment.provenance?.provider).toBe('offline');
    expect(assessment.criteria_scores.pronunciation?.band).toBeNull();
    expect(assessment.overall_band).not.toBeNull();
    // Completing again returns the same result.
    await expect(client.speaking.complete({ id: view.assessment_id })).resolves.toEqual(assessment);
    expect((await client.speaking.get({ id: view.assessment_id })).phase).toBe('finished');
    const after = await client.speaking.submitTurn({ id: view.assessment_id }, { part: 3, transcript: { text: 'More.' } }).catch((error: unknown) => error);
    expect(ApiError.isInstance(after) && after.status).toBe(409);
    expect((await server.mailTo(email)).some((mail) => mail.subject.startsWith('Your Speaking result'))).toBe(true);
  });

  it('stores one of two turns sent at once for the same state; the other is a 409', async () => {
    const { client } = await server.signUp();
    const view = await client.speaking.start({ question_id: 'sp-005' });
    server.clock.advance(20_500);
    const results = await Promise.allSettled(
      ANSWERS.slice(0, 2).map((text) => client.speaking.submitTurn({ id: view.assessment_id }, { part: 1, transcript: { text }, duration_ms: 20_000 })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(ApiError.isInstance(refused?.reason) && refused.reason.status).toBe(409);
    const stored = await server.repositories.assessments.get(view.assessment_id);
    expect((stored?.submission as { turns: unknown[] }).turns).toHaveLength(1);
    expect(stored?.version).toBe(1);
    expect((await client.speaking.get({ id: view.assessment_id })).turns_completed).toBe(1);
  });

  it("is another user's 404", async () => {
    const owner = await server.signUp();
    const view = await owner.client.speaking.start({ question_id: 'sp-002' });
    const stranger = await server.signUp();
    for (const call of [
      () => stranger.client.speaking.get({ id: view.assessment_id }),
      () => stranger.client.speaking.submitTurn({ id: view.assessment_id }, { part: 1, transcript: { text: 'Hello.' } }),
      () => stranger.client.speaking.complete({ id: view.assessment_id }),
    ]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(ApiError.isInstance(error) && error.status).toBe(404);
    }
  });

  it('refuses a turn for the wrong part and a writing question', async () => {
    const { client } = await server.signUp();
    const view = await client.speaking.start({ question_id: 'sp-003' });
    const wrongPart = await client.speaking.submitTurn({ id: view.assessment_id }, { part: 3, transcript: { text: 'Hi.' } }).catch((error: unknown) => error);
    expect(ApiError.isInstance(wrongPart) && wrongPart.status).toBe(409);
    const notSpeaking = await client.speaking.start({ question_id: 'w2-001' }).catch((error: unknown) => error);
    expect(ApiError.isInstance(notSpeaking) && notSpeaking.status).toBe(400);
  });
});

describe('an unexpected error deep in a handler', () => {
  it('is a 500 with the generic envelope: no stack, no file path, no message of ours; the log keeps the stack', async () => {
    const { client, token } = await server.signUp();
    const view = await client.speaking.start({ question_id: 'sp-004' });
    // The audio store's folder is a file: Node's own ENOTDIR error, thrown from inside the handler.
    const audioFolder = path.join(server.config.dataDir, 'speaking-audio');
    writeFileSync(audioFolder, 'not a folder');
    try {
      server.clock.advance(20_500);
      const response = await server.request(`/api/speaking/sessions/${view.assessment_id}/turns`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          part: 1,
          transcript: { text: ANSWERS[0] },
          audio: { data: Buffer.from('a recording').toString('base64'), mime_type: 'audio/webm' },
        }),
      });
      expect(response.status).toBe(500);
      const requestId = response.headers.get('x-request-id');
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side', details: [] } });
      expect(text).not.toMatch(/ENOTDIR|speaking-audio|\bat\s|\.ts|\.js/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const logged = server.logs.find((line) => line.level === 'error' && line.fields?.request_id === requestId);
      expect(String(logged?.fields?.error)).toMatch(/ENOTDIR[\s\S]*\n\s+at /);
      // Nothing was stored for the failed turn.
      expect((await client.speaking.get({ id: view.assessment_id })).turns_completed).toBe(0);
    } finally {
      rmSync(audioFolder, { force: true });
    }
  });
});
