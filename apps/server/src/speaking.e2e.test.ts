import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApiError, type ApiClient } from '@ielts-genai-prep/api-client';
import type { SpeakingSessionView } from '@ielts-genai-prep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSpeakingTest } from './test-support/speaking-answers.js';
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

async function answer(
  client: TestServer['webClient'] extends () => infer Client ? Client : never,
  view: SpeakingSessionView,
  seconds: number,
) {
  server.clock.advance(seconds * 1000 + 500);
  const part = view.current_prompt!.part;
  return client.speaking.submitTurn(
    { id: view.assessment_id },
    {
      part,
      prompt_id: view.current_prompt!.prompt_id,
      transcript: { text: ANSWERS[(view.turns_completed + part) % ANSWERS.length]! },
      transcript_source: 'device',
      duration_ms: seconds * 1000,
    },
  );
}

async function speakingUsed(client: ApiClient): Promise<number> {
  return (await client.entitlements.get()).entitlements.find((entry) => entry.assessment_type === 'speaking')!.used;
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
      .submitTurn({ id: view.assessment_id }, { part: 2, prompt_id: 'part2-0', transcript: { text: ANSWERS[0]! } })
      .catch((error: unknown) => error);
    expect(ApiError.isInstance(talkTooEarly) && talkTooEarly.status).toBe(409);

    server.clock.advance(61_000);
    view = await client.speaking.get({ id: view.assessment_id });
    expect(view.phase).toBe('part2_talk');
    view = await answer(client, view, 90);
    while (view.phase === 'part2_talk') view = await answer(client, view, 15);
    expect(view.phase).toBe('part3');
    // Five Part 3 answers, however many Part 1 questions the set asked.
    const beforePart3 = view.turns_completed;
    while (view.phase === 'part3' && view.turns_completed < beforePart3 + 5) view = await answer(client, view, 30);
    expect(view.can_complete).toBe(true);

    const stored = await server.repositories.assessments.get(view.assessment_id);
    expect(stored?.completed).toBe(false);
    expect((stored!.submission as { turns: unknown[] }).turns).toHaveLength(view.turns_completed);

    const assessment = await client.speaking.complete({ id: view.assessment_id });
    expect(assessment.completed).toBe(true);
    expect(assessment.assessment_type).toBe('speaking');
    expect(assessment.provenance?.provider).toBe('offline');
    expect(assessment.criteria_scores.pronunciation?.band).toBeNull();
    expect(assessment.overall_band).not.toBeNull();
    // Completing again returns the same result.
    await expect(client.speaking.complete({ id: view.assessment_id })).resolves.toEqual(assessment);
    expect((await client.speaking.get({ id: view.assessment_id })).phase).toBe('finished');
    const after = await client.speaking
      .submitTurn({ id: view.assessment_id }, { part: 3, prompt_id: 'part3-0', transcript: { text: 'More.' } })
      .catch((error: unknown) => error);
    expect(ApiError.isInstance(after) && after.status).toBe(409);
    expect((await server.mailTo(email)).some((mail) => mail.subject.startsWith('Your Speaking result'))).toBe(true);
  });

  it('stores one of two turns sent at once for the same state; the other is a 409', async () => {
    const { client } = await server.signUp();
    const view = await client.speaking.start({ question_id: 'sp-005' });
    server.clock.advance(20_500);
    const results = await Promise.allSettled(
      ANSWERS.slice(0, 2).map((text) =>
        client.speaking.submitTurn(
          { id: view.assessment_id },
          { part: 1, prompt_id: 'part1-0', transcript: { text }, duration_ms: 20_000 },
        ),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(ApiError.isInstance(refused?.reason) && refused.reason.status).toBe(409);
    const stored = await server.repositories.assessments.get(view.assessment_id);
    expect((stored!.submission as { turns: unknown[] }).turns).toHaveLength(1);
    expect(stored?.version).toBe(1);
    expect((await client.speaking.get({ id: view.assessment_id })).turns_completed).toBe(1);
  });

  it("is another user's 404", async () => {
    const owner = await server.signUp();
    const view = await owner.client.speaking.start({ question_id: 'sp-002' });
    const stranger = await server.signUp();
    for (const call of [
      () => stranger.client.speaking.get({ id: view.assessment_id }),
      () =>
        stranger.client.speaking.submitTurn({ id: view.assessment_id }, { part: 1, prompt_id: 'part1-0', transcript: { text: 'Hello.' } }),
      () => stranger.client.speaking.complete({ id: view.assessment_id }),
    ]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(ApiError.isInstance(error) && error.status).toBe(404);
    }
  });

  it('refuses a turn for the wrong part and a writing question', async () => {
    const { client } = await server.signUp();
    const view = await client.speaking.start({ question_id: 'sp-003' });
    const wrongPart = await client.speaking
      .submitTurn({ id: view.assessment_id }, { part: 3, prompt_id: 'part1-0', transcript: { text: 'Hi.' } })
      .catch((error: unknown) => error);
    expect(ApiError.isInstance(wrongPart) && wrongPart.status).toBe(409);
    const notSpeaking = await client.speaking.start({ question_id: 'w2-001' }).catch((error: unknown) => error);
    expect(ApiError.isInstance(notSpeaking) && notSpeaking.status).toBe(400);
  });
});

describe('answers bound to their questions', () => {
  it('refuses an answer for another question than the current one with a 409, and stores nothing', async () => {
    const { client } = await server.signUp();
    const view = await client.speaking.start({ question_id: 'sp-001' });
    const next = await answer(client, view, 20);
    expect(next.current_prompt?.prompt_id).toBe('part1-1');
    // A client a step behind: its answer is for the question already answered.
    server.clock.advance(20_500);
    const behind = await client.speaking
      .submitTurn({ id: view.assessment_id }, { part: 1, prompt_id: 'part1-0', transcript: { text: ANSWERS[1]! }, duration_ms: 20_000 })
      .catch((error: unknown) => error);
    expect(ApiError.isInstance(behind) && behind.status).toBe(409);
    expect(ApiError.isInstance(behind) && behind.message).toMatch(/current prompt is part1-1/);
    const stored = await server.repositories.assessments.get(view.assessment_id);
    const turns = (stored!.submission as { turns: Array<{ prompt_id: string; prompt: string; transcript_source: string }> }).turns;
    expect(turns.map((turn) => [turn.prompt_id, turn.transcript_source])).toEqual([['part1-0', 'device']]);
    expect(turns[0]?.prompt).toBe(view.current_prompt?.text);
  });

  it('stores each answer with the question it answered, through all three parts', async () => {
    const { client } = await server.signUp();
    const view = await answerSpeakingTest(server, client, await client.speaking.start({ question_id: 'sp-002' }));
    const stored = await server.repositories.assessments.get(view.assessment_id);
    const turns = (stored!.submission as { turns: Array<{ part: number; prompt_id: string }> }).turns;
    for (const turn of turns) expect(turn.prompt_id.startsWith(`part${turn.part}-`)).toBe(true);
    expect(new Set(turns.map((turn) => turn.prompt_id)).size).toBe(turns.length);
  });
});

describe('moving on and giving up', () => {
  it('skips the rest of the preparation minute, once: a repeated skip is a 409', async () => {
    const { client } = await server.signUp();
    let view = await client.speaking.start({ question_id: 'sp-001' });
    while (view.phase === 'part1') view = await answer(client, view, 20);
    expect(view.phase).toBe('part2_preparation');
    server.clock.advance(10_000);
    const before = server.clock.now();
    const talk = await client.speaking.advance({ id: view.assessment_id }, { from_phase: 'part2_preparation' });
    const after = server.clock.now();
    expect(talk.phase).toBe('part2_talk');
    expect(talk.current_prompt?.prompt_id).toBe('part2-0');
    // The talk's two minutes start now, not when the minute would have ended.
    const deadline = Date.parse(talk.phase_deadline_at!);
    expect(deadline).toBeGreaterThanOrEqual(before + 120_000);
    expect(deadline).toBeLessThanOrEqual(after + 120_000);
    const again = await client.speaking
      .advance({ id: view.assessment_id }, { from_phase: 'part2_preparation' })
      .catch((error: unknown) => error);
    expect(ApiError.isInstance(again) && again.status).toBe(409);
    expect((await client.speaking.get({ id: view.assessment_id })).phase).toBe('part2_talk');
  });

  it('discards a test in progress with its recordings, at no cost; a scored test cannot be discarded', async () => {
    const { client } = await server.signUp();
    const view = await client.speaking.start({ question_id: 'sp-002' });
    server.clock.advance(20_500);
    const audio = { data: Buffer.from('a recording').toString('base64'), mime_type: 'audio/webm' as const };
    await client.speaking.submitTurn({ id: view.assessment_id }, { part: 1, prompt_id: 'part1-0', audio, duration_ms: 20_000 });
    const audioFolder = path.join(server.config.dataDir, 'speaking-audio', view.assessment_id);
    expect(existsSync(audioFolder)).toBe(true);
    await expect(client.speaking.discard({ id: view.assessment_id })).resolves.toEqual({
      assessment_id: view.assessment_id,
      discarded: true,
    });
    expect(await server.repositories.assessments.get(view.assessment_id)).toBeUndefined();
    expect(existsSync(audioFolder)).toBe(false);
    expect(await speakingUsed(client)).toBe(0);

    const scored = await answerSpeakingTest(server, client, await client.speaking.start({ question_id: 'sp-003' }));
    await client.speaking.complete({ id: scored.assessment_id });
    const refused = await client.speaking.discard({ id: scored.assessment_id }).catch((error: unknown) => error);
    expect(ApiError.isInstance(refused) && refused.status).toBe(409);
    expect((await server.repositories.assessments.get(scored.assessment_id))?.completed).toBe(true);
  });
});

describe('the speaking allowance', () => {
  it('is charged once, when a test with transcripts is scored; starting and answering cost nothing', async () => {
    const { client } = await server.signUp();
    expect(await speakingUsed(client)).toBe(0);
    const view = await answerSpeakingTest(server, client, await client.speaking.start({ question_id: 'sp-003' }));
    expect(await speakingUsed(client)).toBe(0);
    await client.speaking.complete({ id: view.assessment_id });
    expect(await speakingUsed(client)).toBe(1);
    await client.speaking.complete({ id: view.assessment_id });
    expect(await speakingUsed(client)).toBe(1);
  });

  it('is not charged for a test answered by audio alone on the offline scorer: completion is refused with what to do', async () => {
    const { client } = await server.signUp();
    // What the app reads before the test, to tell the learner a transcript must come with each answer.
    expect(await client.speaking.setup()).toEqual({ scorer: 'offline', transcribes_audio: false, assesses_pronunciation: false });
    const audio = { data: Buffer.from('a recording').toString('base64'), mime_type: 'audio/webm' as const };
    const start = await client.speaking.start({ question_id: 'sp-004' });
    const view = await answerSpeakingTest(server, client, start, () => ({ audio, duration_ms: 20_000 }));
    const refused = await client.speaking.complete({ id: view.assessment_id }).catch((error: unknown) => error);
    expect(ApiError.isInstance(refused) && refused.status).toBe(400);
    expect(ApiError.isInstance(refused) && refused.message).toMatch(/transcript/);
    expect(await speakingUsed(client)).toBe(0);
    const stored = await server.repositories.assessments.get(view.assessment_id);
    expect(stored?.completed).toBe(false);
  });

  it('lets a learner with nothing left start no test, and counts only scored tests against the allowance', async () => {
    const { client } = await server.signUp();
    const free = (await client.entitlements.get()).entitlements.find((entry) => entry.assessment_type === 'speaking')!.granted;
    // More tests started and answered than the allowance: none is charged until it is scored.
    const answered = [];
    for (let index = 0; index <= free; index++)
      answered.push(await answerSpeakingTest(server, client, await client.speaking.start({ question_id: 'sp-005' })));
    expect(await speakingUsed(client)).toBe(0);
    for (const view of answered.slice(0, free)) await client.speaking.complete({ id: view.assessment_id });
    expect(await speakingUsed(client)).toBe(free);
    const last = answered[free]!;
    const overLimit = await client.speaking.complete({ id: last.assessment_id }).catch((error: unknown) => error);
    expect(ApiError.isInstance(overLimit) && overLimit.status).toBe(402);
    const noneLeft = await client.speaking.start({ question_id: 'sp-001' }).catch((error: unknown) => error);
    expect(ApiError.isInstance(noneLeft) && noneLeft.status).toBe(402);
    expect(await speakingUsed(client)).toBe(free);
  });
});

describe('an unexpected error deep in a handler', () => {
  it('is a 500 with the generic envelope: no stack, no file path, no message of ours; the log keeps the stack', async () => {
    const { client, token } = await server.signUp();
    const view = await client.speaking.start({ question_id: 'sp-004' });
    // The audio store's folder is a file: Node's own ENOTDIR error, thrown from inside the handler.
    const audioFolder = path.join(server.config.dataDir, 'speaking-audio');
    // Earlier tests of this file may have kept audio there.
    rmSync(audioFolder, { recursive: true, force: true });
    writeFileSync(audioFolder, 'not a folder');
    try {
      server.clock.advance(20_500);
      const response = await server.request(`/api/speaking/sessions/${view.assessment_id}/turns`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          part: 1,
          prompt_id: 'part1-0',
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
