import type { ApiClient } from '@ielts-genai-prep/api-client';
import type { SpeakingSessionView, SpeakingTurnSubmission } from '@ielts-genai-prep/core';
import type { TestServer } from './test-server.js';

const ANSWER =
  'Well, I grew up in a fairly small town near the coast, and what I liked most about it was that everybody knew each other, so you always felt safe walking around in the evening.';

/** What a turn sends besides the part and prompt it answers. */
export type TurnAnswer = Omit<SpeakingTurnSubmission, 'part' | 'prompt_id'>;

/** How a test answers each prompt and gets past the Part 2 preparation minute. */
export interface SpeakingTestSteps {
  /** Answers the current prompt (`index` counts turns from 0) and returns the view after it. */
  answer(view: SpeakingSessionView, index: number): Promise<SpeakingSessionView>;
  /** Ends the preparation minute: the clock moved past it, or the learner skipping it ({@link skipPreparation}). */
  endPreparation(view: SpeakingSessionView): Promise<SpeakingSessionView>;
}

/**
 * Walks a speaking test until it can be completed: every Part 1 question, the Part 2 talk and
 * follow-ups after the preparation minute, two Part 3 questions.
 */
export async function walkSpeakingTest(start: SpeakingSessionView, steps: SpeakingTestSteps): Promise<SpeakingSessionView> {
  let view = start;
  let index = 0;
  const turn = async () => {
    view = await steps.answer(view, index);
    index += 1;
  };
  while (view.phase === 'part1') await turn();
  if (view.phase === 'part2_preparation') view = await steps.endPreparation(view);
  while (view.phase === 'part2_talk') await turn();
  while (view.phase === 'part3' && view.current_prompt?.prompt_id !== 'part3-2') await turn();
  return view;
}

/** Sends `answer` for the view's current prompt. */
export function submitAnswer(client: ApiClient, view: SpeakingSessionView, answer: TurnAnswer): Promise<SpeakingSessionView> {
  return client.speaking.submitTurn(
    { id: view.assessment_id },
    { part: view.current_prompt!.part, prompt_id: view.current_prompt!.prompt_id, ...answer },
  );
}

/** The learner skips the preparation minute, then the test is read again: two requests. */
export async function skipPreparation(client: ApiClient, view: SpeakingSessionView): Promise<SpeakingSessionView> {
  await client.speaking.advance({ id: view.assessment_id }, { from_phase: 'part2_preparation' });
  return client.speaking.get({ id: view.assessment_id });
}

/**
 * Answers a speaking test until it can be completed (see {@link walkSpeakingTest}). Each answer is
 * for the current prompt and takes 20 s on the server's clock, which also runs out the preparation
 * minute; `answer` changes what is sent (a typed transcript from the device by default).
 */
export async function answerSpeakingTest(
  server: Pick<TestServer, 'clock'>,
  client: ApiClient,
  start: SpeakingSessionView,
  answer: (view: SpeakingSessionView) => TurnAnswer = () => ({
    transcript: { text: ANSWER, words: [] },
    transcript_source: 'device',
    duration_ms: 20_000,
  }),
): Promise<SpeakingSessionView> {
  // The stored test may have moved on with the clock since `start` was read.
  return walkSpeakingTest(await client.speaking.get({ id: start.assessment_id }), {
    answer: (view) => {
      server.clock.advance(20_500);
      return submitAnswer(client, view, answer(view));
    },
    endPreparation: (view) => {
      server.clock.advance(61_000);
      return client.speaking.get({ id: view.assessment_id });
    },
  });
}
