import type { ApiClient } from '@ielts-genai-prep/api-client';
import type { SpeakingSessionView, SpeakingTurnSubmission } from '@ielts-genai-prep/core';
import type { TestServer } from './test-server.js';

const ANSWER =
  'Well, I grew up in a fairly small town near the coast, and what I liked most about it was that everybody knew each other, so you always felt safe walking around in the evening.';

/**
 * Answers a speaking test until it can be completed: every Part 1 question, the Part 2 talk and
 * follow-ups after the preparation minute, two Part 3 questions. Each answer is for the current
 * prompt and takes 20 s on the server's clock; `answer` changes what is sent (a typed transcript
 * from the device by default).
 */
export async function answerSpeakingTest(
  server: Pick<TestServer, 'clock'>,
  client: ApiClient,
  start: SpeakingSessionView,
  answer: (view: SpeakingSessionView) => Omit<SpeakingTurnSubmission, 'part' | 'prompt_id'> = () => ({
    transcript: { text: ANSWER, words: [] },
    transcript_source: 'device',
    duration_ms: 20_000,
  }),
): Promise<SpeakingSessionView> {
  // The stored test may have moved on with the clock since `start` was read.
  let view = await client.speaking.get({ id: start.assessment_id });
  const turn = async () => {
    server.clock.advance(20_500);
    view = await client.speaking.submitTurn(
      { id: view.assessment_id },
      { part: view.current_prompt!.part, prompt_id: view.current_prompt!.prompt_id, ...answer(view) },
    );
  };
  while (view.phase === 'part1') await turn();
  if (view.phase === 'part2_preparation') {
    server.clock.advance(61_000);
    view = await client.speaking.get({ id: view.assessment_id });
  }
  while (view.phase === 'part2_talk') await turn();
  while (view.phase === 'part3' && view.current_prompt?.prompt_id !== 'part3-2') await turn();
  return view;
}
